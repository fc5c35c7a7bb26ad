using System.Globalization;
using Hub.Site.Content;
using Hub.Site.Content.Catalogues;
using Hub.Site.Content.Kpis;
using Hub.Site.Links;
using Scriban.Runtime;

namespace Hub.Site.Rendering;

/// <summary>
/// Builds the objects templates see (<c>site</c>, <c>page</c>, and each kind's own model such as <c>kpi</c> and
/// <c>catalogue</c>, see <see cref="ContentKind.BuildModel"/>), snake_case keys, plain values. Kind models are built
/// once per page and shared by every page that embeds them.
/// </summary>
/// <param name="formulaHtml">A KPI's formula as its page shows it (the formula step's, which knows it once formulas were checked).</param>
public sealed class ModelBuilder(SiteContent site, IReadOnlyDictionary<string, ScriptObject> strings, bool liveReload, Func<KpiPage, string> formulaHtml)
{
    private readonly Dictionary<ContentPage, ScriptObject> _summaries = new();
    private readonly Dictionary<ContentPage, ScriptObject> _kindModels = new();
    private readonly Dictionary<string, ScriptObject> _sites = new(StringComparer.Ordinal);

    /// <summary>Each section's page order, for the sidebar and previous/next links (<see cref="NavigationModel"/>).</summary>
    public Navigation Navigation { get; } = new(site);

    public SiteContent Site => site;

    /// <summary>Template functions (<c>relurl</c>, <c>absurl</c>), created once and shared by every page.</summary>
    private ScriptObject Functions => field ??= CreateFunctions();

    private ScriptObject CreateFunctions()
    {
        var functions = new ScriptObject();
        // Safe in an attribute whether or not the template escapes them: the base path is checked (SiteConfig.IsValidBasePath)
        // and what the template passes in is escaped.
        functions.SetValue("relurl", DelegateCustomFunction.CreateFunc<string, string>(path => UrlSafety.ForAttribute(site.Config.Url(path))), true);
        functions.SetValue("absurl", DelegateCustomFunction.CreateFunc<string, string>(path => UrlSafety.ForAttribute(site.Config.AbsoluteUrl(path))), true);
        return functions;
    }

    /// <summary>A KPI's formula as its page shows it (given by the formula step, which knows it once formulas were checked).</summary>
    public Func<KpiPage, string> FormulaHtml => formulaHtml;

    /// <summary>The build's formula step, for what KPI pages compute at build time (conversions, charts); null where a
    /// model is built without one.</summary>
    public FormulaStep? Formulas { get; init; }

    /// <summary>Each tag's label per language (<c>input/tags.yml</c>).</summary>
    public TagLabels Tags { get; init; } = TagLabels.None;

    /// <summary>When each page last changed (git, else front matter <c>updated</c>), shown in its meta and the sitemap.</summary>
    public LastUpdated Dates { get; init; } = LastUpdated.FrontMatterOnly;

    /// <summary>
    /// The tag pages of <paramref name="pages"/>: tag name -> its pages (each once, in the order given), in tag order
    /// (ordinal). Spellings that share a slug ("NRR" and "nrr", "health score" and "Health-Score") share one tag page,
    /// named by their ordinal-first spelling whatever order the pages come in, so no spelling's page overwrites another's.
    /// </summary>
    public static SortedDictionary<string, List<ContentPage>> GroupTags(IEnumerable<ContentPage> pages)
    {
        var bySlug = new Dictionary<string, (string Name, List<ContentPage> Pages)>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var tag in page.Header.Tags)
            {
                var slug = SiteUrls.TagSlug(tag);
                if (!bySlug.TryGetValue(slug, out var group))
                {
                    bySlug[slug] = (tag, [page]);
                    continue;
                }
                if (string.CompareOrdinal(tag, group.Name) < 0)
                {
                    bySlug[slug] = group = (tag, group.Pages);
                }
                // A page's tags are visited together, so a page already in this group is its last one.
                if (!ReferenceEquals(group.Pages[^1], page))
                {
                    group.Pages.Add(page);
                }
            }
        }
        var tags = new SortedDictionary<string, List<ContentPage>>(StringComparer.Ordinal);
        foreach (var (name, tagged) in bySlug.Values)
        {
            tags.Add(name, tagged);
        }
        return tags;
    }

    public ScriptObject Strings(string lang) => strings.TryGetValue(lang, out var s) ? s : strings[site.Config.DefaultLanguage];

    public string SectionTitle(string lang, string section) =>
        Strings(lang)["sections"] is ScriptObject sections && sections[section] is string title ? title : section;

    /// <summary>Prepares every shared model up front, so rendering in parallel only reads them.</summary>
    public void Prepare()
    {
        foreach (var lang in site.Config.Languages)
        {
            _sites[lang] = BuildSite(lang);
        }
        // Built in parallel, then stored in order: list entries first, as kind models read them (and nothing else built here).
        Store(_summaries, site.Pages, BuildSummary);
        Store(_kindModels, site.Pages.Where(p => p.Kind.ModelName is not null).ToList(), p => p.Kind.BuildModel(p, this)!);
    }

    private static void Store(Dictionary<ContentPage, ScriptObject> models, IReadOnlyList<ContentPage> pages, Func<ContentPage, ScriptObject> build)
    {
        var built = new ScriptObject[pages.Count];
        Parallel.For(0, pages.Count, i => built[i] = build(pages[i]));
        for (var i = 0; i < built.Length; i++)
        {
            models[pages[i]] = built[i];
        }
    }

    public ScriptObject SiteModel(string lang) => _sites[lang];

    /// <summary><c>hub serve</c>'s incremental rebuild: forgets the models of a page that was removed or replaced.</summary>
    public void Forget(ContentPage page)
    {
        _summaries.Remove(page);
        _kindModels.Remove(page);
    }

    /// <summary><c>hub serve</c>'s incremental rebuild: builds a new or edited page's list entry (before any <see cref="RefreshKindModel"/>).</summary>
    public void RefreshSummary(ContentPage page) => _summaries[page] = BuildSummary(page);

    /// <summary><c>hub serve</c>'s incremental rebuild: rebuilds the kind model of a page whose inputs changed.</summary>
    public void RefreshKindModel(ContentPage page)
    {
        if (page.Kind.BuildModel(page, this) is { } model)
        {
            _kindModels[page] = model;
        }
    }

    public ScriptObject Summary(ContentPage page) => _summaries[page];

    /// <summary>The page's kind model (<see cref="ContentKind.BuildModel"/>); only for a page whose kind has one.</summary>
    public ScriptObject KindModel(ContentPage page) => _kindModels[page];

    public ScriptObject Kpi(KpiPage page) => _kindModels[page];

    public ScriptObject Catalogue(CataloguePage page) => _kindModels[page];

    public ScriptObject Globals(string lang, ScriptObject page)
    {
        var globals = new ScriptObject
        {
            ["site"] = SiteModel(lang),
            ["page"] = page,
            ["i18n"] = Strings(lang),
        };
        foreach (var (name, function) in Functions)
        {
            globals[name] = function;
        }
        return globals;
    }

    /// <summary>The common part of every page model: identity, URLs and the language switcher.</summary>
    public ScriptObject PageBase(string kind, string lang, string rootUrl, string title, IReadOnlyList<(string Lang, string RootUrl)> translations)
    {
        var alternates = translations.Select(t => Obj(("lang", t.Lang), ("url", site.Config.Url(t.RootUrl)), ("permalink", site.Config.AbsoluteUrl(t.RootUrl)))).ToList();
        var switcher = site.Config.Languages.Select(l =>
        {
            var match = translations.FirstOrDefault(t => t.Lang == l);
            var target = match.RootUrl ?? SiteUrls.Home(l);
            return Obj(("lang", l), ("name", Strings(l)["language_name"] ?? l), ("url", site.Config.Url(target)),
                ("current", l == lang), ("translated", match.RootUrl is not null));
        }).ToList();
        return Obj(("kind", kind), ("lang", lang), ("url", site.Config.Url(rootUrl)), ("root_url", rootUrl),
            ("permalink", site.Config.AbsoluteUrl(rootUrl)), ("title", title), ("summary", string.Empty),
            ("alternates", alternates), ("languages", switcher), ("tags", new List<object?>()), ("toc", new List<object?>()));
    }

    public ScriptObject ContentPageModel(ContentPage page, string contentHtml)
    {
        var translations = site.TranslationsOf(page).Select(p => (p.Lang, p.RootUrl)).ToList();
        var model = PageBase(page.Layout, page.Lang, page.RootUrl, page.Title, translations);
        // A language the page is not translated into leads to that language's "not translated yet" page, not its home.
        if (model["languages"] is List<ScriptObject> languages)
        {
            foreach (var entry in languages.Where(l => l["translated"] is false && l["lang"] is string))
            {
                entry["url"] = site.Config.Url(SiteUrls.Untranslated((string)entry["lang"]!, translations[0].Lang, translations[0].RootUrl));
            }
        }
        foreach (var (key, value) in Summary(page))
        {
            model[key] = value;
        }
        model["content"] = contentHtml;
        model["section_title"] = SectionTitle(page.Lang, page.Section);
        model["section_url"] = site.Config.Url(SiteUrls.Section(page.Lang, page.Section));
        model["draft"] = page.Header.Draft; // only with drafts included (hub serve, --drafts): the layout marks the page
        model["toc"] = page.Body?.Headings.Where(h => h.Level is 2 or 3).Select(h => Obj(("level", h.Level), ("text", h.Text), ("id", h.Id))).ToList<object?>() ?? [];
        model["toc_tree"] = page.Body is { } body ? TocTree.Build(body.Headings) : new List<object?>();
        model["nav"] = NavigationModel.Build(page, Navigation, this);
        model["edit_url"] = site.Config.EditUrl is { } edit
            ? edit.TrimEnd('/') + "/" + string.Join('/', Path.GetRelativePath(site.InputDir, page.SourcePath).Replace('\\', '/').Split('/').Select(Uri.EscapeDataString))
            : null;
        model["updated"] = UpdatedModel(page);
        if (page.Kind.ModelName is { } name)
        {
            model[name] = KindModel(page);
        }
        return model;
    }

    /// <summary>Each content page's last change as the sitemap's <c>lastmod</c>, by its site-root URL.</summary>
    public IReadOnlyDictionary<string, string> LastModified() =>
        site.Pages.Select(p => (p.RootUrl, Date: Dates.Of(p))).Where(p => p.Date is not null)
            .ToDictionary(p => p.RootUrl, p => p.Date!.DateTime, StringComparer.Ordinal);

    /// <summary><c>page.updated</c>: the W3C date-time for <c>&lt;time datetime&gt;</c>, the day in the language's format (<c>i18n.meta.date_format</c>) and its source; null without one.</summary>
    private ScriptObject? UpdatedModel(ContentPage page)
    {
        if (Dates.Of(page) is not { } date)
        {
            return null;
        }
        var format = Strings(page.Lang)["meta"] is ScriptObject meta && meta["date_format"] is string f && f.Length > 0 ? f : "yyyy-MM-dd";
        // The invariant culture: the format alone decides (month names in English, none in Japanese or Korean), whatever the machine's culture.
        return Obj(("datetime", date.DateTime), ("text", date.Day.ToString(format, CultureInfo.InvariantCulture)), ("source", date.Source));
    }

    private ScriptObject BuildSite(string lang)
    {
        var config = site.Config;
        return Obj(("title", config.TitleFor(lang)), ("lang", lang), ("default_lang", config.DefaultLanguage),
            ("base_path", config.BasePath), ("base_url", config.AbsoluteUrl(SiteUrls.Root)), ("home_url", config.Url(SiteUrls.Home(lang))),
            ("currency", config.Currency), ("live_reload", liveReload), ("edit_url", config.EditUrl),
            ("content_security_policy", Output.ContentSecurityPolicy.Policy),
            ("sections", site.Kinds.Sections
                .Select(s => Obj(("name", s), ("title", SectionTitle(lang, s)), ("url", config.Url(SiteUrls.Section(lang, s))))).ToList<object?>()),
            ("search_url", config.Url(SiteUrls.Search(lang))), ("tags_url", config.Url(SiteUrls.Tags(lang))));
    }

    private ScriptObject BuildSummary(ContentPage page)
    {
        var header = page.Header;
        var summary = Obj(("kind", page.Layout), ("lang", page.Lang), ("title", header.Title), ("summary", header.Summary),
            ("url", site.Config.Url(page.RootUrl)), ("permalink", site.Config.AbsoluteUrl(page.RootUrl)),
            ("slug", page.Slug), ("section", page.Section),
            ("date", header.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("tags", header.Tags.Select(t => Obj(("name", Tags.Label(page.Lang, t)), ("slug", SiteUrls.TagSlug(t)), ("url", site.Config.Url(SiteUrls.Tag(page.Lang, t))))).ToList<object?>()));
        foreach (var (key, value) in page.Kind.SummaryFields(page))
        {
            summary[key] = value;
        }
        return summary;
    }

    public static ScriptObject Obj(params (string Key, object? Value)[] entries)
    {
        var obj = new ScriptObject(entries.Length);
        foreach (var (key, value) in entries)
        {
            obj[key] = value;
        }
        return obj;
    }
}
