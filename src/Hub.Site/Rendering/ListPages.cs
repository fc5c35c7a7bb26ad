using Hub.Core.Diagnostics;
using Hub.Site.Content;
using Hub.Site.Content.Catalogues;
using Hub.Site.Output;
using Hub.Templates;
using Scriban.Runtime;

namespace Hub.Site.Rendering;

/// <summary>
/// One generated page that is not a content page: where it goes, its translations (hreflang, sitemap) and how its
/// model is built. <paramref name="Wrapped"/>: rendered inside <c>baseof</c>; <paramref name="InSitemap"/>: listed in
/// the sitemap with its alternates; <paramref name="Relative"/>: its links are made relative to it (all but the 404 page,
/// which a server shows at whatever path was missing).
/// </summary>
public sealed record ListPage(string Layout, string Lang, string RootUrl, IReadOnlyList<(string Lang, string RootUrl)> Alternates,
    Func<ScriptObject> Model, bool Wrapped = true, bool InSitemap = true, bool Relative = true)
{
    /// <summary>The file written, from the output root: <c>/ja/tags/index.html</c>, <c>/404.html</c>.</summary>
    public string OutputPath => RootUrl.EndsWith('/') ? RootUrl + "index.html" : RootUrl;
}

/// <summary>
/// Every list page of the site (each language's home, sections, tag index, tag pages and search page; the 404 page
/// and the root redirect), described once: a full build renders them all (<see cref="SiteRenderer.RenderGenerated"/>),
/// <c>hub serve</c>'s incremental rebuild the few an edit touches, with the same models, so both write the same bytes.
/// </summary>
public sealed class ListPages(SiteContent site, ModelBuilder models, ThemeRenderer theme, DiagnosticBag diagnostics)
{
    private const string BaseLayout = "baseof";

    /// <summary>The pages of one language, each section's list sorted (once) for the home and section pages, and its tags.</summary>
    public sealed class Language
    {
        private readonly Dictionary<string, Lazy<List<ContentPage>>> _sections = new(StringComparer.Ordinal);
        private readonly Lazy<SortedDictionary<string, List<ContentPage>>> _tags;

        public Language(string lang, IReadOnlyList<ContentPage> pages, ContentKinds kinds)
        {
            Lang = lang;
            Pages = pages;
            foreach (var section in kinds.Sections)
            {
                _sections[section] = new Lazy<List<ContentPage>>(() => Ordered(pages.Where(p => p.Section == section)).ToList());
            }
            _tags = new Lazy<SortedDictionary<string, List<ContentPage>>>(() => ModelBuilder.GroupTags(pages));
        }

        public string Lang { get; }

        public IReadOnlyList<ContentPage> Pages { get; }

        /// <summary>A section's pages in list order: newest first, then by title and URL.</summary>
        public List<ContentPage> Section(string section) => _sections[section].Value;

        /// <summary>Tag name -> its pages, in tag order (ordinal); spellings with one slug share a page (<see cref="ModelBuilder.GroupTags"/>).</summary>
        public SortedDictionary<string, List<ContentPage>> Tags => _tags.Value;
    }

    public Language For(string lang) => new(lang, site.Pages.Where(p => p.Lang == lang).ToList(), site.Kinds);

    /// <summary>Every list page: each language's (<see cref="Of"/>), then the 404 page and the root redirect.</summary>
    public IEnumerable<ListPage> All()
    {
        foreach (var lang in site.Config.Languages)
        {
            foreach (var page in Of(For(lang)))
            {
                yield return page;
            }
        }
        yield return NotFound();
        yield return Redirect();
    }

    /// <summary>A language's home, section pages, tag index, tag pages and search page.</summary>
    public IEnumerable<ListPage> Of(Language language)
    {
        yield return Home(language);
        foreach (var section in site.Kinds.Sections)
        {
            yield return Section(language, section);
        }
        yield return TagsIndex(language);
        foreach (var (tag, tagged) in language.Tags)
        {
            yield return Tag(language.Lang, tag, tagged);
        }
        yield return Search(language.Lang);
        foreach (var catalogue in language.Pages.OfType<CataloguePage>().Where(c => c.Scorecard is not null))
        {
            yield return Debrief(catalogue);
        }
    }

    /// <summary>Where a panel compares the scorecards exported from a catalogue's interviews (read in the browser only).</summary>
    public ListPage Debrief(CataloguePage catalogue)
    {
        var lang = catalogue.Lang;
        var root = SiteUrls.Debrief(catalogue.RootUrl);
        IReadOnlyList<(string, string)> alternates = [(lang, root)];
        return new ListPage("debrief", lang, root, alternates, () =>
        {
            var title = ((models.Strings(lang)["scorecard"] as ScriptObject)?["debrief"] as string ?? "Debrief") + ": " + catalogue.Title;
            var model = models.PageBase("debrief", lang, root, title, alternates);
            model["catalogue"] = models.Catalogue(catalogue);
            return model;
        }, InSitemap: false);
    }

    public ListPage Home(Language language)
    {
        var lang = language.Lang;
        var homes = InEveryLanguage(SiteUrls.Home);
        return new ListPage("home", lang, SiteUrls.Home(lang), homes, () =>
        {
            var home = models.PageBase("home", lang, SiteUrls.Home(lang), site.Config.TitleFor(lang), homes);
            home["sections"] = site.Kinds.Sections.Select(s => ModelBuilder.Obj(("name", s), ("title", models.SectionTitle(lang, s)),
                ("url", site.Config.Url(SiteUrls.Section(lang, s))), ("count", language.Section(s).Count),
                ("pages", language.Section(s).Select(p => (object?)models.Summary(p)).ToList()),
                ("groups", language.Section(s).OfType<Content.Kpis.KpiPage>().ToList() is { Count: > 0 } kpis
                    ? Content.Kpis.KpiCategories.Groups(kpis, models, lang) : new List<object?>()))).ToList<object?>();
            home["recent"] = language.Pages.Where(p => p.Header.Date is not null).OrderByDescending(p => p.Header.Date).ThenBy(p => p.RootUrl, StringComparer.Ordinal)
                .Take(5).Select(p => (object?)models.Summary(p)).ToList();
            return home;
        });
    }

    public ListPage Section(Language language, string section)
    {
        var lang = language.Lang;
        var alternates = InEveryLanguage(l => SiteUrls.Section(l, section));
        var kind = site.Kinds.BySection(section)!;
        return new ListPage(kind.SectionLayout, lang, SiteUrls.Section(lang, section), alternates, () =>
        {
            var model = models.PageBase(kind.SectionLayout, lang, SiteUrls.Section(lang, section), models.SectionTitle(lang, section), alternates);
            model["section"] = section;
            model["pages"] = language.Section(section).Select(p => (object?)models.Summary(p)).ToList();
            kind.AddSectionFields(model, lang, language.Section(section), models);
            // KPIs are listed by category (Content/Kpis/KpiCategories), the ones a team uses most first; another kind
            // may have set groups of its own (the glossary's initials).
            if (language.Section(section).OfType<Content.Kpis.KpiPage>().ToList() is { Count: > 0 } kpis)
            {
                model["groups"] = Content.Kpis.KpiCategories.Groups(kpis, models, lang);
            }
            else if (model["groups"] is null)
            {
                model["groups"] = new List<object?>();
            }
            return model;
        });
    }

    public ListPage TagsIndex(Language language)
    {
        var lang = language.Lang;
        var alternates = InEveryLanguage(SiteUrls.Tags);
        return new ListPage("tags", lang, SiteUrls.Tags(lang), alternates, () =>
        {
            var model = models.PageBase("tags", lang, SiteUrls.Tags(lang), models.SectionTitle(lang, "tags"), alternates);
            model["tag_list"] = language.Tags.Select(t => ModelBuilder.Obj(("name", models.Tags.Label(lang, t.Key)), ("slug", SiteUrls.TagSlug(t.Key)), ("count", t.Value.Count),
                ("url", site.Config.Url(SiteUrls.Tag(lang, t.Key))))).ToList<object?>();
            return model;
        });
    }

    public ListPage Tag(string lang, string tag, IReadOnlyList<ContentPage> tagged)
    {
        var root = SiteUrls.Tag(lang, tag);
        IReadOnlyList<(string, string)> alternates = [(lang, root)];
        return new ListPage("tag", lang, root, alternates, () =>
        {
            var label = models.Tags.Label(lang, tag);
            var model = models.PageBase("tag", lang, root, label, alternates);
            model["tag"] = label;
            model["tag_slug"] = SiteUrls.TagSlug(tag);
            model["pages"] = Ordered(tagged).Select(p => (object?)models.Summary(p)).ToList();
            return model;
        });
    }

    /// <summary>The tag page at <paramref name="rootUrl"/>, if the language has one there.</summary>
    public ListPage? TagAt(Language language, string rootUrl)
    {
        var (tag, tagged) = language.Tags.FirstOrDefault(t => SiteUrls.Tag(language.Lang, t.Key) == rootUrl);
        return tag is null ? null : Tag(language.Lang, tag, tagged);
    }

    public ListPage Search(string lang)
    {
        var alternates = InEveryLanguage(SiteUrls.Search);
        return new ListPage("search", lang, SiteUrls.Search(lang), alternates,
            () => models.PageBase("search", lang, SiteUrls.Search(lang), models.SectionTitle(lang, "search"), alternates));
    }

    public ListPage NotFound()
    {
        var lang = site.Config.DefaultLanguage;
        return new ListPage("404", lang, SiteUrls.NotFound, [], () =>
        {
            var notFound = models.PageBase("404", lang, SiteUrls.NotFound, models.SectionTitle(lang, "not_found"), []);
            notFound["homes"] = site.Config.Languages.Select(l => ModelBuilder.Obj(("lang", l), ("url", site.Config.Url(SiteUrls.Home(l))),
                ("name", models.Strings(l)["language_name"]), ("title", site.Config.TitleFor(l)))).ToList<object?>();
            return notFound;
        }, InSitemap: false, Relative: false);
    }

    /// <summary>
    /// Every "not translated yet" page: for each page and each language it has no translation in, that language's page
    /// naming the languages it can be read in (<see cref="SiteUrls.Untranslated"/>). Not in the sitemap and not a link target.
    /// </summary>
    public IEnumerable<ListPage> Untranslated() => UntranslatedOf(site.Pages);

    /// <summary>The "not translated yet" pages of <paramref name="pages"/>' translation groups, each once.</summary>
    public IEnumerable<ListPage> UntranslatedOf(IEnumerable<ContentPage> pages)
    {
        var seen = new HashSet<ContentPage>(ReferenceEqualityComparer.Instance);
        foreach (var page in pages)
        {
            var translations = site.TranslationsOf(page);
            if (!seen.Add(translations[0]))
            {
                continue;
            }
            foreach (var missing in site.Config.Languages.Where(l => translations.All(t => t.Lang != l)))
            {
                yield return UntranslatedPage(missing, translations);
            }
        }
    }

    private ListPage UntranslatedPage(string lang, IReadOnlyList<ContentPage> translations)
    {
        var first = translations[0];
        var root = SiteUrls.Untranslated(lang, first.Lang, first.RootUrl);
        var alternates = translations.Select(t => (t.Lang, t.RootUrl)).ToList();
        return new ListPage("untranslated", lang, root, alternates, () =>
        {
            var model = models.PageBase("untranslated", lang, root, models.Strings(lang)["untranslated_title"] as string ?? first.Title, alternates);
            model["available"] = translations.Select(t => ModelBuilder.Obj(("lang", t.Lang), ("name", models.Strings(t.Lang)["language_name"] ?? t.Lang),
                ("title", t.Title), ("url", site.Config.Url(t.RootUrl)))).ToList<object?>();
            model["section_title"] = models.SectionTitle(lang, first.Section);
            model["section_url"] = site.Config.Url(SiteUrls.Section(lang, first.Section));
            return model;
        }, InSitemap: false);
    }

    /// <summary>The site root: sends a visitor to the default language's home (rendered without <c>baseof</c>).</summary>
    public ListPage Redirect()
    {
        var lang = site.Config.DefaultLanguage;
        var homes = InEveryLanguage(SiteUrls.Home);
        return new ListPage("redirect", lang, SiteUrls.Root, homes, () =>
        {
            var redirect = models.PageBase("redirect", lang, SiteUrls.Root, site.Config.TitleFor(lang), homes);
            redirect["target"] = RelativeUrls.From(SiteUrls.Root + "index.html", SiteUrls.Home(lang));
            return redirect;
        }, Wrapped: false, InSitemap: false);
    }

    /// <summary>The page's whole HTML document; null when the theme failed (reported).</summary>
    public string? Render(ListPage page)
    {
        var globals = models.Globals(page.Lang, page.Model());
        var html = page.Wrapped
            ? theme.RenderWrapped(page.Layout, BaseLayout, globals, diagnostics)
            : theme.Render(page.Layout, globals, diagnostics);
        return html is not null && page.Relative ? RelativeUrls.Apply(html, site.Config.BasePath, page.OutputPath) : html;
    }

    /// <summary>Every entry of the sitemap: content pages with their translations, and the list pages listed there.</summary>
    public List<(string RootUrl, IReadOnlyList<(string Lang, string RootUrl)> Alternates)> SitemapEntries()
    {
        var entries = site.Pages.Select(p => (p.RootUrl, ContentAlternates(p))).ToList();
        entries.AddRange(All().Where(p => p.InSitemap).Select(p => (p.RootUrl, p.Alternates)));
        return entries;
    }

    /// <summary>A content page's translations, for hreflang and the sitemap.</summary>
    public IReadOnlyList<(string Lang, string RootUrl)> ContentAlternates(ContentPage page) =>
        site.TranslationsOf(page).Select(p => (p.Lang, p.RootUrl)).ToList();

    private List<(string, string)> InEveryLanguage(Func<string, string> url) => site.Config.Languages.Select(l => (l, url(l))).ToList();

    internal static IEnumerable<ContentPage> Ordered(IEnumerable<ContentPage> pages) =>
        pages.OrderByDescending(p => p.Header.Date ?? DateOnly.MinValue).ThenBy(p => p.Title, StringComparer.Ordinal).ThenBy(p => p.RootUrl, StringComparer.Ordinal);
}
