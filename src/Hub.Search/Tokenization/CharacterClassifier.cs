using System.Globalization;

namespace Hub.Search.Tokenization;

/// <summary>
/// Classifies code points for <see cref="SearchTokenizer"/>. The explicit ranges are written for the
/// browser's twin, theme/assets/js/search-tokenizer.js, into the generated search-tables.js
/// (<see cref="SearchScriptTables"/>); only the letter/number/mark fallback comes from the platform's
/// Unicode tables (<c>\p{L}\p{N}</c>, <c>\p{Mn}\p{Mc}</c> in JavaScript).
/// </summary>
public static class CharacterClassifier
{
    // Inclusive [start, end] pairs, sorted.
    private static readonly int[] IgnorableRanges =
    [
        0x00AD, 0x00AD, 0x034F, 0x034F, 0x061C, 0x061C, 0x180B, 0x180F, 0x200C, 0x200F,
        0x202A, 0x202E, 0x2060, 0x2064, 0x2066, 0x206F, 0xFE00, 0xFE0F, 0xFEFF, 0xFEFF,
        0xE0001, 0xE0001, 0xE0020, 0xE007F, 0xE0100, 0xE01EF,
    ];

    private static readonly int[] JapaneseRanges =
    [
        0x3005, 0x3007, 0x3031, 0x3035, 0x303B, 0x303C, 0x3041, 0x3096, 0x309D, 0x309F,
        0x30A1, 0x30FA, 0x30FC, 0x30FF, 0x31F0, 0x31FF, 0x3400, 0x4DBF, 0x4E00, 0x9FFF,
        0xF900, 0xFAFF, 0xFF66, 0xFF9D, 0x1AFF0, 0x1B16F, 0x20000, 0x2FFFD, 0x30000, 0x3FFFD,
    ];

    // Katakana with a hiragana twin exactly KanaFoldOffset below (ァ..ヶ, ヽヾ): folded to it, so that both spellings
    // of a word are one term. ヷ..ヺ, ー, ヿ and the small katakana extensions have no twin and stay as they are.
    private static readonly int[] KanaFoldRanges = [0x30A1, 0x30F6, 0x30FD, 0x30FE];

    private static readonly int[] HangulRanges =
    [
        0x1100, 0x11FF, 0x3131, 0x318E, 0xA960, 0xA97F, 0xAC00, 0xD7A3, 0xD7B0, 0xD7FF,
        0xFFA0, 0xFFDC,
    ];

    /// <summary>Default-ignorable code points: dropped without breaking a run.</summary>
    internal static ReadOnlySpan<int> Ignorable => IgnorableRanges;

    /// <summary>Kanji and kana: runs that become bigrams.</summary>
    internal static ReadOnlySpan<int> Japanese => JapaneseRanges;

    /// <summary>Katakana folded to hiragana by <see cref="FoldKana"/>: inclusive [start, end] pairs, sorted.</summary>
    internal static ReadOnlySpan<int> KanaFold => KanaFoldRanges;

    /// <summary>How far below its katakana a folded hiragana is.</summary>
    public const int KanaFoldOffset = 0x60;

    /// <summary>
    /// The hiragana of a katakana code point that has one, else the code point itself: the tokenizers index and
    /// query one form of kana (half-width katakana is full-width after NFKC already).
    /// </summary>
    public static int FoldKana(int codePoint) => codePoint is >= 0x30A1 and <= 0x30FE && InRanges(KanaFoldRanges, codePoint)
        ? codePoint - KanaFoldOffset
        : codePoint;

    /// <summary>Hangul: runs that become bigrams.</summary>
    internal static ReadOnlySpan<int> Hangul => HangulRanges;

    public static CharacterClass Classify(int codePoint)
    {
        if (codePoint < 0x80)
        {
            return IsAsciiLetterOrDigit(codePoint) ? CharacterClass.Word : CharacterClass.Separator;
        }

        if (InRanges(IgnorableRanges, codePoint))
        {
            return CharacterClass.Ignorable;
        }

        if (InRanges(JapaneseRanges, codePoint))
        {
            return CharacterClass.Japanese;
        }

        if (InRanges(HangulRanges, codePoint))
        {
            return CharacterClass.Hangul;
        }

        if (codePoint is >= 0xD800 and <= 0xDFFF)
        {
            return CharacterClass.Separator;
        }

        return CharUnicodeInfo.GetUnicodeCategory(codePoint) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
                => CharacterClass.Word,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark => CharacterClass.Mark,
            _ => CharacterClass.Separator,
        };
    }

    private static bool IsAsciiLetterOrDigit(int c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    private static bool InRanges(int[] ranges, int codePoint)
    {
        for (var i = 0; i < ranges.Length; i += 2)
        {
            if (codePoint < ranges[i])
            {
                return false;
            }

            if (codePoint <= ranges[i + 1])
            {
                return true;
            }
        }

        return false;
    }
}
