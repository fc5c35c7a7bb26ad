using System.Collections.Concurrent;
using Hub.Core.Diagnostics;
using Hub.Site.Content;
using Hub.Site.Links;
using Hub.Site.Output;
using Hub.Templates;
using Scriban.Runtime;

namespace Hub.Site.Rendering;

/// <summary>Renders every page of the site through the theme and hands each file to the output.</summary>
public sealed class SiteRenderer(SiteContent site, ModelBuilder models, ThemeRenderer theme, DiagnosticBag diagnostics)
{
    private const string BaseLayout = "baseof";
    private readonly ConcurrentBag<(string RootUrl, IReadOnlyList<(string Lang, string RootUrl)> Alternates)> _sitemap = [];

    public IReadOnlyList<(string RootUrl, IReadOnlyList<(string Lang, string RootUrl)> Alternates)> SitemapEntries => _sitemap.ToList();

    private readonly ListPages _lists = new(site, models, theme, diagnostics);

    /// <summary>Every path a site-root link may target, known before any page renders.</summary>
    public HashSet<string> KnownRootPaths(IEnumerable<string> extraFiles)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal) { SiteUrls.Sitemap, SiteUrls.Robots };
        foreach (var page in site.Pages)
        {
            paths.Add(page.RootUrl);
        }
        foreach (var lang in site.Config.Languages)
        {
            paths.Add(SiteUrls.Feed(lang));
        }
        foreach (var page in _lists.All())
        {
            paths.Add(page.RootUrl);
        }
        paths.UnionWith(extraFiles);
        return paths;
    }

    public int RenderContent(LinkResolver links, Action<string, string> write, IBuildProgress progress)
    {
        progress.Stage("Rendering pages", site.Pages.Count);
        var count = 0;
        Parallel.ForEach(site.Pages, page =>
        {
            var alternates = _lists.ContentAlternates(page);
            if (RenderContentPage(page, links) is { } html)
            {
                write(page.RootUrl + "index.html", html);
            }
            _sitemap.Add((page.RootUrl, alternates));
            Interlocked.Increment(ref count);
            progress.Advance();
        });
        return count;
    }

    /// <summary>Renders one content page (links resolved, embeds expanded) to its whole HTML document.</summary>
    public string? RenderContentPage(ContentPage page, LinkResolver links)
    {
        var map = links.Map(page);
        var body = page.Body?.ToHtml(new EmbedRenderer(page, models, theme, diagnostics), map.Count == 0 ? null : url => map.GetValueOrDefault(url, url),
            kind => models.Strings(page.Lang)["alerts"] is ScriptObject alerts ? alerts[kind] as string : null) ?? string.Empty;
        return RenderPage(page.Layout, page.Lang, models.ContentPageModel(page, body));
    }

    /// <summary>Every list page (<see cref="ListPages.All"/>), rendered in parallel (a tag page lists many pages and
    /// costs a few content pages).</summary>
    public int RenderGenerated(Action<string, string> write)
    {
        var count = 0;
        Parallel.ForEach(_lists.All().Concat(_lists.Untranslated()).ToList(), page =>
        {
            if (_lists.Render(page) is not { } html)
            {
                return;
            }
            write(page.OutputPath, html);
            if (page.InSitemap)
            {
                _sitemap.Add((page.RootUrl, page.Alternates));
            }
            Interlocked.Increment(ref count);
        });
        return count;
    }

    /// <summary>Renders the kind's layout, then wraps it in <c>baseof</c>.</summary>
    private string? RenderPage(string layout, string lang, ScriptObject page)
    {
        return theme.RenderWrapped(layout, BaseLayout, models.Globals(lang, page), diagnostics);
    }
}
