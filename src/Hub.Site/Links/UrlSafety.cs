using System.Net;
using System.Text;

namespace Hub.Site.Links;

/// <summary>
/// The URLs content and configuration may put into a page: http, https, mailto, and URLs without a scheme
/// (relative, site-root, fragment). Anything else (<c>javascript:</c>, <c>vbscript:</c>, <c>data:</c>, <c>file:</c>, …)
/// could run a script or open a local file when clicked. The scheme is read the way a browser would end up reading
/// it, after HTML entities and percent-escapes are decoded (until nothing changes) and ASCII whitespace and control
/// characters are dropped, so <c>JaVaScRiPt&amp;#58;</c>, <c>%6Aavascript:</c> and <c>java&#9;script:</c> are all
/// <c>javascript:</c>.
/// </summary>
public static class UrlSafety
{
    public const string AllowedHint = "only http, https, mailto, relative and fragment URLs are allowed";

    /// <summary>
    /// Decoding passes before a URL counts as unreadable: each pass undoes one level of encoding, and no real URL
    /// nests that deep, while a crafted one (<c>&amp;amp;amp;…</c>) could otherwise cost a pass per level.
    /// </summary>
    private const int MaxDecodingPasses = 16;

    /// <summary>What <see cref="ForAttribute"/> escapes.</summary>
    private static readonly System.Buffers.SearchValues<char> AttributeUnsafe = System.Buffers.SearchValues.Create(
        "\"'<>`\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u0020\u007F");

    /// <summary>
    /// The scheme (lower case, with its colon) that makes <paramref name="url"/> unsafe, or null when it may be
    /// emitted. A URL still changing after <see cref="MaxDecodingPasses"/> decodings is unsafe too.
    /// </summary>
    public static string? DisallowedScheme(string url)
    {
        var decoded = url;
        for (var pass = 0; ; pass++)
        {
            var next = Uri.UnescapeDataString(WebUtility.HtmlDecode(decoded));
            if (next == decoded)
            {
                break;
            }
            if (pass == MaxDecodingPasses)
            {
                return "(nested encoding)";
            }
            decoded = next;
        }
        var scheme = SchemeOf(decoded);
        return scheme is null or "http:" or "https:" or "mailto:" ? null : scheme;
    }

    /// <summary>
    /// <paramref name="url"/> with the characters that could end or break out of an HTML attribute (quotes, angle
    /// brackets, backticks, whitespace and control characters) percent-escaped, so a template may print it with or
    /// without <c>html.escape</c>. Other characters, '&amp;' of a query included, keep their meaning.
    /// </summary>
    public static string ForAttribute(string url)
    {
        if (!url.AsSpan().ContainsAny(AttributeUnsafe))
        {
            return url;
        }
        var escaped = new StringBuilder(url.Length + 16);
        foreach (var c in url)
        {
            if (AttributeUnsafe.Contains(c))
            {
                escaped.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }
        return escaped.ToString();
    }

    /// <summary>The diagnostic message for an unsafe URL: what was written, and the scheme it amounts to.</summary>
    public static string Message(string what, string url, string scheme) =>
        $"{what} '{Shown(url)}' has the scheme '{scheme}', which is not allowed in a page";

    /// <summary>
    /// The scheme of a decoded URL, as a browser finds it: ASCII whitespace and control characters are ignored, and
    /// a scheme is a letter followed by letters, digits, '+', '-' or '.' up to the first ':'.
    /// </summary>
    private static string? SchemeOf(string decoded)
    {
        var scheme = new StringBuilder();
        foreach (var c in decoded)
        {
            if (c <= ' ' || c == '\x7F')
            {
                continue;
            }
            if (c == ':')
            {
                return scheme.Length == 0 ? null : scheme.Append(':').ToString();
            }
            var allowed = char.IsAsciiLetter(c) || (scheme.Length > 0 && (char.IsAsciiDigit(c) || c is '+' or '-' or '.'));
            if (!allowed)
            {
                return null;
            }
            scheme.Append(char.ToLowerInvariant(c));
        }
        return null;
    }

    /// <summary>The URL as a diagnostic shows it: on one line, control characters escaped, a long one shortened.</summary>
    private static string Shown(string url)
    {
        var shown = new StringBuilder();
        foreach (var c in url.Length > 120 ? url[..120] : url)
        {
            if (c < ' ' || c == '\x7F')
            {
                shown.Append($"\\u{(int)c:X4}");
            }
            else
            {
                shown.Append(c);
            }
        }
        return url.Length > 120 ? shown.Append('…').ToString() : shown.ToString();
    }
}
