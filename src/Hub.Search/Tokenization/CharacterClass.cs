namespace Hub.Search.Tokenization;

/// <summary>What a code point (after NFKC) does to the token stream.</summary>
public enum CharacterClass
{
    /// <summary>Ends the current run (spaces, punctuation, symbols, emoji, CJK punctuation).</summary>
    Separator,

    /// <summary>Dropped without ending the run (joiners, soft hyphen, variation selectors, bidi controls).</summary>
    Ignorable,

    /// <summary>Combining mark: kept inside a word, dropped elsewhere.</summary>
    Mark,

    /// <summary>Letters and numbers of alphabetic scripts: one token per run.</summary>
    Word,

    /// <summary>Kanji and kana: overlapping bigrams per run.</summary>
    Japanese,

    /// <summary>Hangul: overlapping bigrams per run.</summary>
    Hangul,
}
