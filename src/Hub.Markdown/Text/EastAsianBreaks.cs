namespace Hub.Markdown.Text;

/// <summary>
/// Whether a line break inside a paragraph stands for a space. Japanese and Chinese write no spaces between words, so
/// a source line broken between two of their characters must join without one (Goldmark's East Asian line-break rule,
/// CSS Text 3's segment break transformation): the break disappears when the characters on both sides are East Asian
/// wide, fullwidth or halfwidth. Hangul is excluded, as CSS excludes it: Korean separates words with spaces, so a
/// line broken between two Korean words keeps its space.
/// </summary>
public static class EastAsianBreaks
{
    /// <summary>True when a soft line break between <paramref name="before"/> and <paramref name="after"/> adds nothing.</summary>
    public static bool Joins(int before, int after) => IsWide(before) && IsWide(after);

    /// <summary>East Asian Width W, F or H (Unicode UAX #11) for the scripts and punctuation of Japanese and Chinese; never Hangul.</summary>
    public static bool IsWide(int c) =>
        c is >= 0x2E80 and <= 0x303E // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation (、。「」)
            or >= 0x3041 and <= 0x33FF // Hiragana, Katakana, Bopomofo, Katakana extensions, enclosed CJK, compatibility
            or >= 0x3400 and <= 0x4DBF // CJK extension A
            or >= 0x4E00 and <= 0x9FFF // CJK unified ideographs
            or >= 0xA000 and <= 0xA4CF // Yi
            or >= 0xF900 and <= 0xFAFF // CJK compatibility ideographs
            or >= 0xFE30 and <= 0xFE4F // CJK compatibility forms
            or >= 0xFF01 and <= 0xFF60 // fullwidth forms (！（）：)
            or >= 0xFF61 and <= 0xFF9F // halfwidth Katakana and punctuation
            or >= 0xFFE0 and <= 0xFFE6 // fullwidth signs
            or >= 0x20000 and <= 0x3FFFD; // CJK extensions B and beyond

    /// <summary>
    /// <paramref name="folded"/> (a YAML scalar as folded, every single line break turned into a space) with the spaces
    /// that came from breaks between two East Asian wide characters removed. <paramref name="lines"/> are the scalar's
    /// content lines as written; a space is removed only where the text is exactly two consecutive lines joined by one
    /// space. When the lines cannot be found in order in the folded text, it is returned unchanged.
    /// </summary>
    public static string Refold(string folded, IReadOnlyList<string> lines)
    {
        var drop = new List<int>();
        var cursor = 0;
        var previousEnd = -1;
        foreach (var raw in lines)
        {
            var line = raw.Trim(' ', '\t', '\r');
            if (line.Length == 0)
            {
                previousEnd = -1;
                continue;
            }
            var at = folded.IndexOf(line, cursor, StringComparison.Ordinal);
            if (at < 0 || !string.IsNullOrWhiteSpace(folded[cursor..at]))
            {
                return folded;
            }
            if (previousEnd >= 0 && at == previousEnd + 1 && folded[previousEnd] == ' '
                && Joins(CodePointBefore(folded, previousEnd), CodePointAt(folded, at)))
            {
                drop.Add(previousEnd);
            }
            cursor = previousEnd = at + line.Length;
        }
        if (drop.Count == 0)
        {
            return folded;
        }
        var text = new System.Text.StringBuilder(folded.Length);
        var from = 0;
        foreach (var index in drop)
        {
            text.Append(folded, from, index - from);
            from = index + 1;
        }
        return text.Append(folded, from, folded.Length - from).ToString();
    }

    /// <summary>The code point that starts at <paramref name="index"/> (a surrogate pair read whole).</summary>
    public static int CodePointAt(string text, int index) =>
        char.IsSurrogatePair(text, index) ? char.ConvertToUtf32(text[index], text[index + 1]) : text[index];

    /// <summary>The code point that ends just before <paramref name="index"/> (a surrogate pair read whole).</summary>
    public static int CodePointBefore(string text, int index) =>
        index >= 2 && char.IsLowSurrogate(text[index - 1]) && char.IsHighSurrogate(text[index - 2])
            ? char.ConvertToUtf32(text[index - 2], text[index - 1])
            : text[index - 1];
}
