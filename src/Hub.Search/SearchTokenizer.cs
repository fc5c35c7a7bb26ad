using System.Text;
using Hub.Search.Tokenization;

namespace Hub.Search;

/// <summary>
/// The one tokenizer of Hub's search, used at build time for documents; its twin
/// theme/assets/js/search-tokenizer.js tokenizes queries in the browser and must give the same tokens.
/// </summary>
/// <remarks>
/// NFKC, then a walk by code point: letters and numbers of alphabetic scripts form words (lowercased
/// one code point at a time with the invariant simple mapping, U+0130 to "i"); kanji/kana runs and
/// Hangul runs become overlapping bigrams, a one-character run itself; combining marks stay inside
/// words and are dropped elsewhere; joiners, soft hyphens and variation selectors are dropped
/// without breaking a run; everything else (punctuation, symbols, emoji) separates.
/// </remarks>
public static class SearchTokenizer
{
    public static IReadOnlyList<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        var normalized = Normalize(text);
        var word = new StringBuilder();
        var run = new List<Rune>();
        var runClass = CharacterClass.Separator;

        foreach (var rune in normalized.EnumerateRunes())
        {
            var cls = CharacterClassifier.Classify(rune.Value);
            switch (cls)
            {
                case CharacterClass.Ignorable:
                    break;
                case CharacterClass.Mark:
                    if (runClass == CharacterClass.Word)
                    {
                        word.Append(rune.ToString());
                    }

                    break;
                case CharacterClass.Word:
                    if (runClass != CharacterClass.Word)
                    {
                        Flush(tokens, runClass, word, run);
                        runClass = CharacterClass.Word;
                    }

                    word.Append(ToLower(rune).ToString());
                    break;
                case CharacterClass.Japanese:
                case CharacterClass.Hangul:
                    if (runClass != cls)
                    {
                        Flush(tokens, runClass, word, run);
                        runClass = cls;
                    }

                    run.Add(rune);
                    break;
                default:
                    Flush(tokens, runClass, word, run);
                    runClass = CharacterClass.Separator;
                    break;
            }
        }

        Flush(tokens, runClass, word, run);
        return tokens;
    }

    /// <summary>NFKC after replacing what .NET cannot normalize (unpaired surrogates, U+FFFE) with spaces.</summary>
    public static string Normalize(string text)
    {
        var wellFormed = ReplaceUnnormalizable(text);
        return wellFormed.IsNormalized(NormalizationForm.FormKC) ? wellFormed : wellFormed.Normalize(NormalizationForm.FormKC);
    }

    internal static Rune ToLower(Rune rune) => rune.Value == 0x130 ? new Rune('i') : Rune.ToLowerInvariant(rune);

    private static void Flush(List<string> tokens, CharacterClass runClass, StringBuilder word, List<Rune> run)
    {
        if (runClass == CharacterClass.Word)
        {
            tokens.Add(word.ToString());
            word.Clear();
        }
        else if (runClass is CharacterClass.Japanese or CharacterClass.Hangul)
        {
            if (run.Count == 1)
            {
                tokens.Add(run[0].ToString());
            }

            for (var i = 0; i + 1 < run.Count; i++)
            {
                tokens.Add(string.Concat(run[i].ToString(), run[i + 1].ToString()));
            }

            run.Clear();
        }
    }

    private static string ReplaceUnnormalizable(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                : !char.IsLowSurrogate(c) || (i > 0 && char.IsHighSurrogate(text[i - 1]));
            if (!paired || c == '\uFFFE')
            {
                builder ??= new StringBuilder(text, 0, i, text.Length);
                builder.Append(' ');
            }
            else
            {
                builder?.Append(c);
            }
        }

        return builder?.ToString() ?? text;
    }
}
