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

    /// <summary>Every path a site-root link may target, known before any page renders.</summary>
    public HashSet<string> KnownRootPaths(IEnumerable<string> extraFiles)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal) { "/", "/sitemap.xml", "/404.html", "/robots.txt" };
        foreach (var page in site.Pages)
        {
            paths.Add(page.RootUrl);
        }
        foreach (var lang in site.Config.Languages)
        {
            paths.Add($"/{lang}/");
            paths.Add($"/{lang}/feed.xml");
            paths.Add($"/{lang}/search/");
            paths.Add($"/{lang}/tags/");
            foreach (var section in Sections)
            {
                paths.Add($"/{lang}/{section}/");
            }
            foreach (var tag in TagsOf(lang))
            {
                paths.Add($"/{lang}/tags/{ModelBuilder.TagSlug(tag.Key)}/");
            }
        }
        paths.UnionWith(extraFiles);
        return paths;
    }

    public static readonly string[] Sections = ["articles", "catalogues", "kpis"];

    public int RenderContent(LinkResolver links, Action<string, string> write, IBuildProgress progress)
    {
        progress.Stage("Rendering pages", site.Pages.Count);
        var count = 0;
        Parallel.ForEach(site.Pages, page =>
        {
            var alternates = site.TranslationsOf(page).Select(p => (p.Lang, p.RootUrl)).ToList();
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
        links.Rewrite(page);
        var body = page.Body?.ToHtml(new EmbedRenderer(page, models, theme, diagnostics)) ?? string.Empty;
        return RenderPage(page.Layout, page.Lang, models.ContentPageModel(page, body));
    }

    /// <summary>Home, section, tag and search pages of every language, the 404 page and the root redirect, rendered
    /// in parallel (a tag page lists many pages and costs a few content pages).</summary>
    public int RenderGenerated(Action<string, string> write)
    {
        var jobs = new List<Func<int>>();
        var languages = site.Config.Languages;
        var homes = languages.Select(l => (l, $"/{l}/")).ToList();
        foreach (var lang in languages)
        {
            var pages = site.Pages.Where(p => p.Lang == lang).ToList();
            jobs.Add(() =>
            {
                var home = models.PageBase("home", lang, $"/{lang}/", site.Config.TitleFor(lang), homes);
                home["sections"] = Sections.Select(s => ModelBuilder.Obj(("name", s), ("title", models.SectionTitle(lang, s)),
                    ("url", site.Config.Url($"/{lang}/{s}/")), ("count", pages.Count(p => p.Section == s)),
                    ("pages", Ordered(pages.Where(p => p.Section == s)).Select(p => (object?)models.Summary(p)).ToList()))).ToList<object?>();
                home["recent"] = pages.Where(p => p.Header.Date is not null).OrderByDescending(p => p.Header.Date).ThenBy(p => p.RootUrl, StringComparer.Ordinal)
                    .Take(5).Select(p => (object?)models.Summary(p)).ToList();
                return Emit(write, "home", lang, $"/{lang}/", home, homes);
            });

            foreach (var section in Sections)
            {
                jobs.Add(() =>
                {
                    var root = $"/{lang}/{section}/";
                    var alternates = languages.Select(l => (l, $"/{l}/{section}/")).ToList();
                    var model = models.PageBase("section", lang, root, models.SectionTitle(lang, section), alternates);
                    model["section"] = section;
                    model["pages"] = Ordered(pages.Where(p => p.Section == section)).Select(p => (object?)models.Summary(p)).ToList();
                    return Emit(write, "section", lang, root, model, alternates);
                });
            }

            var tags = TagsOf(lang);
            jobs.Add(() =>
            {
                var tagsRoot = $"/{lang}/tags/";
                var tagsAlternates = languages.Select(l => (l, $"/{l}/tags/")).ToList();
                var tagsModel = models.PageBase("tags", lang, tagsRoot, models.SectionTitle(lang, "tags"), tagsAlternates);
                tagsModel["tag_list"] = tags.Select(t => ModelBuilder.Obj(("name", t.Key), ("count", t.Value.Count),
                    ("url", site.Config.Url($"/{lang}/tags/{ModelBuilder.TagSlug(t.Key)}/")))).ToList<object?>();
                return Emit(write, "tags", lang, tagsRoot, tagsModel, tagsAlternates);
            });
            foreach (var (tag, tagged) in tags)
            {
                jobs.Add(() =>
                {
                    var root = $"/{lang}/tags/{ModelBuilder.TagSlug(tag)}/";
                    var model = models.PageBase("tag", lang, root, tag, [(lang, root)]);
                    model["tag"] = tag;
                    model["pages"] = Ordered(tagged).Select(p => (object?)models.Summary(p)).ToList();
                    return Emit(write, "tag", lang, root, model, [(lang, root)]);
                });
            }

            jobs.Add(() =>
            {
                var searchRoot = $"/{lang}/search/";
                var searchAlternates = languages.Select(l => (l, $"/{l}/search/")).ToList();
                var search = models.PageBase("search", lang, searchRoot, models.SectionTitle(lang, "search"), searchAlternates);
                return Emit(write, "search", lang, searchRoot, search, searchAlternates);
            });
        }

        var defaultLang = site.Config.DefaultLanguage;
        jobs.Add(() =>
        {
            var notFound = models.PageBase("404", defaultLang, "/404.html", models.SectionTitle(defaultLang, "not_found"), []);
            notFound["homes"] = homes.Select(h => ModelBuilder.Obj(("lang", h.l), ("url", site.Config.Url(h.Item2)),
                ("name", models.Strings(h.l)["language_name"]), ("title", site.Config.TitleFor(h.l)))).ToList<object?>();
            if (RenderPage("404", defaultLang, notFound) is not { } notFoundHtml)
            {
                return 0;
            }
            write("/404.html", notFoundHtml);
            return 1;
        });
        jobs.Add(() =>
        {
            var redirect = models.PageBase("redirect", defaultLang, "/", site.Config.TitleFor(defaultLang), homes);
            redirect["target"] = site.Config.Url($"/{defaultLang}/");
            if (theme.Render("redirect", models.Globals(defaultLang, redirect), diagnostics) is not { } redirectHtml)
            {
                return 0;
            }
            write("/index.html", redirectHtml);
            return 1;
        });

        var count = 0;
        Parallel.ForEach(jobs, job => Interlocked.Add(ref count, job()));
        return count;
    }

    private int Emit(Action<string, string> write, string layout, string lang, string rootUrl, ScriptObject model, IReadOnlyList<(string, string)> alternates)
    {
        if (RenderPage(layout, lang, model) is not { } html)
        {
            return 0;
        }
        write(rootUrl + "index.html", html);
        _sitemap.Add((rootUrl, alternates));
        return 1;
    }

    /// <summary>Renders the kind's layout, then wraps it in <c>baseof</c>.</summary>
    private string? RenderPage(string layout, string lang, ScriptObject page)
    {
        return theme.RenderWrapped(layout, BaseLayout, models.Globals(lang, page), diagnostics);
    }

    private SortedDictionary<string, List<ContentPage>> TagsOf(string lang) =>
        ModelBuilder.GroupTags(site.Pages.Where(p => p.Lang == lang));

    private static IEnumerable<ContentPage> Ordered(IEnumerable<ContentPage> pages) =>
        pages.OrderByDescending(p => p.Header.Date ?? DateOnly.MinValue).ThenBy(p => p.Title, StringComparer.Ordinal).ThenBy(p => p.RootUrl, StringComparer.Ordinal);
}
