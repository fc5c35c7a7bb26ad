using System.Text;

namespace Hub.Site.Output;

/// <summary>
/// Makes a rendered page's own links relative to the page (Hugo's <c>relativeURLs</c>), so that one output folder
/// works at a host's root, under any path prefix and opened from disk, without rebuilding. Pages and templates keep
/// producing site URLs under the base path (<see cref="Config.SiteConfig.Url"/>): this pass rewrites every attribute
/// value that starts with the base path to the same path from the page's folder. Absolute URLs (canonical, hreflang)
/// carry a scheme and host and are left alone, as are the sitemap, feeds and robots.txt, which are not pages.
/// </summary>
public static class RelativeUrls
{
    // Only these attributes carry URLs the site makes; text that happens to start with the base path (a summary in
    // a meta description, an alt text) stays as written.
    private static readonly string[] UrlAttributes = ["href", "src", "action", "poster", "srcset"];

    /// <summary>
    /// The page <paramref name="html"/>, written to <paramref name="outputPath"/> (from the site root:
    /// <c>/ja/kpis/churn-rate/index.html</c>), with every site URL made relative to that page.
    /// </summary>
    public static string Apply(string html, string basePath, string outputPath)
    {
        var marker = "=\"" + basePath;
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return html;
        }
        var prefix = ToRoot(outputPath);
        var builder = new StringBuilder(html.Length + 256);
        var copied = 0;
        for (; at >= 0; at = html.IndexOf(marker, at + marker.Length, StringComparison.Ordinal))
        {
            var rest = at + marker.Length;
            // "//host" is another host, not a site path; and only URL attributes are rewritten.
            if ((rest < html.Length && html[rest] == '/') || !IsUrlAttribute(html, at))
            {
                continue;
            }
            builder.Append(html, copied, at + 2 - copied);
            var emptyRest = rest >= html.Length || html[rest] is '"' or '#' or '?';
            builder.Append(prefix.Length == 0 && emptyRest ? "./" : prefix);
            copied = rest;
        }
        builder.Append(html, copied, html.Length - copied);
        return builder.ToString();
    }

    /// <summary>A site-root path (<c>/ja/</c>) as seen from the page written at <paramref name="outputPath"/>.</summary>
    public static string From(string outputPath, string rootPath)
    {
        var prefix = ToRoot(outputPath);
        var target = rootPath.TrimStart('/');
        return prefix.Length == 0 && target.Length == 0 ? "./" : prefix + target;
    }

    /// <summary>The way from the folder of <paramref name="outputPath"/> up to the site root: "", "../", "../../", …</summary>
    public static string ToRoot(string outputPath)
    {
        var depth = 0;
        var path = outputPath.AsSpan().TrimStart('/');
        foreach (var c in path)
        {
            if (c == '/')
            {
                depth++;
            }
        }
        return depth == 0 ? string.Empty : string.Concat(Enumerable.Repeat("../", depth));
    }

    /// <summary>Whether the <c>="</c> at <paramref name="equals"/> closes the name of a URL attribute (or a <c>data-</c> one, whose
    /// values the site's scripts resolve as URLs).</summary>
    private static bool IsUrlAttribute(string html, int equals)
    {
        var start = equals;
        while (start > 0 && (char.IsAsciiLetterOrDigit(html[start - 1]) || html[start - 1] == '-'))
        {
            start--;
        }
        if (start == 0 || !char.IsWhiteSpace(html[start - 1]))
        {
            return false;
        }
        var name = html.AsSpan(start, equals - start);
        if (name.StartsWith("data-", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        foreach (var attribute in UrlAttributes)
        {
            if (name.Equals(attribute, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
