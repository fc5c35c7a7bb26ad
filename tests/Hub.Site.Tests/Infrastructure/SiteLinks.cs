using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Hub.Site.Tests.Infrastructure;

/// <summary>
/// Reads a built page's links as a browser follows them. Pages link relatively (<c>../../kpis/churn-rate/</c>), so a
/// test that checks where a link leads resolves it against the page's own address, under the base path the site was
/// built with, and compares site paths (<c>/cs-hub/ja/kpis/churn-rate/</c>).
/// </summary>
public static class SiteLinks
{
    private const string Origin = "http://site.test";

    /// <summary>The page <paramref name="html"/> as served at <paramref name="rootPath"/> under <paramref name="basePath"/>.</summary>
    public static IHtmlDocument Parse(string html, string basePath, string rootPath)
    {
        var document = new HtmlParser().ParseDocument(html);
        Addresses.AddOrUpdate(document, basePath.TrimEnd('/') + "/" + rootPath.TrimStart('/'));
        return document;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IDocument, string> Addresses = new();

    /// <summary>
    /// Where the element's <paramref name="attribute"/> leads, as a site path with its query and fragment
    /// (<c>/cs-hub/ja/catalogues/hiring/#q-02</c>); a fragment of the same page (<c>#見出し</c>), an absolute URL or a
    /// <c>mailto:</c> is returned as written.
    /// </summary>
    public static string? Target(this IElement element, string attribute = "href")
    {
        var value = element.GetAttribute(attribute);
        if (value is null || value.StartsWith('#') || value.Contains("://", StringComparison.Ordinal) || value.StartsWith("mailto:", StringComparison.Ordinal))
        {
            return value;
        }
        var page = Addresses.TryGetValue(element.Owner!, out var address) ? address : "/";
        return Resolve(page, value);
    }

    /// <summary><paramref name="relative"/> resolved against the page at site path <paramref name="page"/>, as a browser does.</summary>
    public static string Resolve(string page, string relative)
    {
        var split = relative.IndexOfAny(['?', '#']);
        var path = split < 0 ? relative : relative[..split];
        var rest = split < 0 ? string.Empty : relative[split..];
        var segments = path.StartsWith('/')
            ? new List<string>()
            : page[..(page.LastIndexOf('/') + 1)].Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        var parts = path.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var last = i == parts.Length - 1;
            if (part == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (part is not ("." or ""))
            {
                segments.Add(part);
                continue;
            }
            if (last)
            {
                // "../" and "./" end in a folder.
                segments.Add(string.Empty);
            }
        }
        var joined = "/" + string.Join('/', segments);
        return joined + rest;
    }
}
