using System.Collections.Concurrent;
using Hub.Core.Diagnostics;
using Hub.Site.Content;
using Hub.Site.Content.Glossary;
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
    private readonly LinkModels _linkModels = new(site, models);

    /// <summary>Each language's glossary terms, to explain where pages use them (a glossary edit is a full build, so they stay put).</summary>
    private readonly ConcurrentDictionary<string, TermMarkup> _terms = new(StringComparer.Ordinal);

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

    /// <summary>Renders one content page (links as last resolved, embeds expanded, backlinks listed) to its whole HTML document.</summary>
    public string? RenderContentPage(ContentPage page, LinkResolver links)
    {
        var resolved = links.LinksOf(page);
        var map = resolved.Urls;
        var body = page.Body?.ToHtml(new EmbedRenderer(page, models, theme, diagnostics), map.Count == 0 ? null : url => map.GetValueOrDefault(url, url),
            wikiLink => resolved.WikiLinks.TryGetValue(wikiLink.Raw, out var link) ? _linkModels.WithMarker(link, page.Lang) : null,
            kind => models.Strings(page.Lang)["alerts"] is ScriptObject alerts ? alerts[kind] as string : null,
            NavigationModel.HeadingLinkLabel(models.Strings(page.Lang))) ?? string.Empty;
        var terms = _terms.GetOrAdd(page.Lang, lang => TermMarkup.For(site, lang));
        var explained = new TermMarkup.Explained();
        body = terms.Apply(body, explained);
        var model = models.ContentPageModel(page, body);
        _linkModels.AddBacklinks(model, page, links);
        _linkModels.AddTranslationStatus(model, page);
        return RenderPage(page.Layout, page.Lang, model) is { } html
            ? RelativeUrls.Apply(terms.ApplyWithinMarked(html, explained), site.Config.BasePath, page.RootUrl + "index.html")
            : null;
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
