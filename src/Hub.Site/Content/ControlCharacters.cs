using System.Buffers;
using System.Globalization;

namespace Hub.Site.Content;

/// <summary>
/// Finds characters a page cannot carry: XML 1.0 forbids C0 controls other than tab, line feed and carriage return,
/// unpaired surrogates and U+FFFE/U+FFFF, so a feed or sitemap holding one is not well-formed; HTML reports DEL and the
/// C1 controls as parse errors, and all of them are invisible in an editor. Content is refused with a located error
/// rather than cleaned silently, so the author sees where a stray byte came from (a paste, a wrong encoding).
/// </summary>
public static class ControlCharacters
{
    private static readonly SearchValues<char> Suspects = SearchValues.Create(Build());

    /// <summary>The offset of the first character of <paramref name="text"/> a page cannot carry, or -1.</summary>
    public static int IndexOf(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (true)
        {
            var i = text[offset..].IndexOfAny(Suspects);
            if (i < 0)
            {
                return -1;
            }
            offset += i;
            if (!char.IsHighSurrogate(text[offset]) || offset + 1 >= text.Length || !char.IsLowSurrogate(text[offset + 1]))
            {
                return offset;
            }
            offset += 2;
        }
    }

    /// <summary>The diagnostic's message for the character at <paramref name="offset"/>.</summary>
    public static string Describe(ReadOnlySpan<char> text, int offset)
    {
        var c = text[offset];
        var code = "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        var what = char.IsSurrogate(c) ? "an unpaired surrogate" : c >= '\uFFFE' ? "a noncharacter" : "a control character";
        return $"{what} ({code}) cannot appear in content: HTML, feeds and the sitemap cannot carry it";
    }

    public const string Hint = "delete it; an invisible character usually comes from a paste or a file saved in another encoding";

    private static string Build()
    {
        var chars = new List<char>();
        for (var c = '\0'; c < ' '; c++)
        {
            if (c is not ('\t' or '\n' or '\r'))
            {
                chars.Add(c);
            }
        }
        for (var c = '\u007F'; c <= '\u009F'; c++)
        {
            chars.Add(c);
        }
        for (var c = '\uD800'; c <= '\uDFFF'; c++)
        {
            chars.Add(c);
        }
        chars.Add('\uFFFE');
        chars.Add('\uFFFF');
        return new string(chars.ToArray());
    }
}
