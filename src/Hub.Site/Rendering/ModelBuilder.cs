using System.Globalization;
using Hub.Markdown.Headings;
using Hub.Site.Content;
using Hub.Site.Content.Catalogues;
using Hub.Site.Content.Kpis;
using Hub.Site.Links;
using Scriban.Runtime;

namespace Hub.Site.Rendering;

/// <summary>
/// Builds the objects templates see (<c>site</c>, <c>page</c>, <c>kpi</c>, <c>catalogue</c>), snake_case keys,
/// plain values. Kind-specific models are built once per page and shared by every page that embeds them.
/// </summary>
/// <param name="formulaHtml">A KPI's formula as its page shows it (the formula step's, which knows it once formulas were checked).</param>
public sealed class ModelBuilder(SiteContent site, IReadOnlyDictionary<string, ScriptObject> strings, bool liveReload, Func<KpiPage, string> formulaHtml)
{
    private readonly Dictionary<ContentPage, ScriptObject> _summaries = new();
    private readonly Dictionary<KpiPage, ScriptObject> _kpis = new();
    private readonly Dictionary<CataloguePage, ScriptObject> _catalogues = new();
    private readonly Dictionary<string, ScriptObject> _sites = new(StringComparer.Ordinal);

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

    public static string TagSlug(string tag)
    {
        var slug = HeadingSlugger.Slugify(tag);
        return slug.Length == 0 ? "tag" : slug;
    }

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
                var slug = TagSlug(tag);
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
        // Each kind is built in parallel (building reads only what earlier kinds stored), then stored in order.
        Store(_summaries, site.Pages, BuildSummary);
        Store(_kpis, site.Kpis.ToList(), BuildKpi);
        Store(_catalogues, site.Catalogues.ToList(), c => CatalogueModel.Build(this, c));
    }

    private static void Store<TPage>(Dictionary<TPage, ScriptObject> models, IReadOnlyList<TPage> pages, Func<TPage, ScriptObject> build)
        where TPage : notnull
    {
        var built = new ScriptObject[pages.Count];
        Parallel.For(0, pages.Count, i => built[i] = build(pages[i]));
        for (var i = 0; i < built.Length; i++)
        {
            models[pages[i]] = built[i];
        }
    }

    public ScriptObject SiteModel(string lang) => _sites[lang];

    /// <summary>Gives an edited page the list entry of its previous version (its header is unchanged).</summary>
    public void Replace(ContentPage old, ContentPage edited) => _summaries[edited] = _summaries[old];

    /// <summary><c>hub serve</c>'s incremental rebuild: forgets the models of a page that was removed or replaced.</summary>
    public void Forget(ContentPage page)
    {
        _summaries.Remove(page);
        if (page is KpiPage kpi)
        {
            _kpis.Remove(kpi);
        }
        if (page is CataloguePage catalogue)
        {
            _catalogues.Remove(catalogue);
        }
    }

    /// <summary><c>hub serve</c>'s incremental rebuild: builds a new or edited page's list entry (before any <see cref="RefreshKindModel"/>).</summary>
    public void RefreshSummary(ContentPage page) => _summaries[page] = BuildSummary(page);

    /// <summary><c>hub serve</c>'s incremental rebuild: rebuilds the shared KPI or catalogue model of a page whose inputs changed.</summary>
    public void RefreshKindModel(ContentPage page)
    {
        switch (page)
        {
            case KpiPage kpi:
                _kpis[kpi] = BuildKpi(kpi);
                break;
            case CataloguePage catalogue:
                _catalogues[catalogue] = CatalogueModel.Build(this, catalogue);
                break;
        }
    }

    public ScriptObject Summary(ContentPage page) => _summaries[page];

    public ScriptObject Kpi(KpiPage page) => _kpis[page];

    public ScriptObject Catalogue(CataloguePage page) => _catalogues[page];

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
            var target = match.RootUrl ?? $"/{l}/";
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
        foreach (var (key, value) in Summary(page))
        {
            model[key] = value;
        }
        model["content"] = contentHtml;
        model["section_title"] = SectionTitle(page.Lang, page.Section);
        model["section_url"] = site.Config.Url($"/{page.Lang}/{page.Section}/");
        model["draft"] = page.Header.Draft; // only with drafts included (hub serve, --drafts): the layout marks the page
        model["toc"] = page.Body?.Headings.Where(h => h.Level is 2 or 3).Select(h => Obj(("level", h.Level), ("text", h.Text), ("id", h.Id))).ToList<object?>() ?? [];
        model["edit_url"] = site.Config.EditUrl is { } edit
            ? edit.TrimEnd('/') + "/" + string.Join('/', Path.GetRelativePath(site.InputDir, page.SourcePath).Replace('\\', '/').Split('/').Select(Uri.EscapeDataString))
            : null;
        switch (page)
        {
            case KpiPage kpi:
                model["kpi"] = Kpi(kpi);
                break;
            case CataloguePage catalogue:
                model["catalogue"] = Catalogue(catalogue);
                break;
        }
        return model;
    }

    private ScriptObject BuildSite(string lang)
    {
        var config = site.Config;
        return Obj(("title", config.TitleFor(lang)), ("lang", lang), ("default_lang", config.DefaultLanguage),
            ("base_path", config.BasePath), ("base_url", config.AbsoluteUrl("/")), ("home_url", config.Url($"/{lang}/")),
            ("currency", config.Currency), ("live_reload", liveReload), ("edit_url", config.EditUrl),
            ("content_security_policy", Output.ContentSecurityPolicy.Policy),
            ("sections", new[] { ArticlesSection, CataloguesSection, KpisSection }
                .Select(s => Obj(("name", s), ("title", SectionTitle(lang, s)), ("url", config.Url($"/{lang}/{s}/")))).ToList<object?>()),
            ("search_url", config.Url($"/{lang}/search/")), ("tags_url", config.Url($"/{lang}/tags/")));
    }

    private const string ArticlesSection = "articles";
    private const string CataloguesSection = "catalogues";
    private const string KpisSection = "kpis";

    private ScriptObject BuildSummary(ContentPage page)
    {
        var header = page.Header;
        return Obj(("kind", page.Layout), ("lang", page.Lang), ("title", header.Title), ("summary", header.Summary),
            ("url", site.Config.Url(page.RootUrl)), ("permalink", site.Config.AbsoluteUrl(page.RootUrl)),
            ("slug", page.Slug), ("section", page.Section),
            ("date", header.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("tags", header.Tags.Select(t => Obj(("name", t), ("url", site.Config.Url($"/{page.Lang}/tags/{TagSlug(t)}/")))).ToList<object?>()),
            ("abbr", (page as KpiPage)?.Abbr),
            ("count", (page as CataloguePage)?.Questions.Count));
    }

    private string MonthsUnit(string lang) =>
        Strings(lang)["kpi"] is ScriptObject kpi && kpi["units"] is ScriptObject units && units["months"] is string months ? months : "months";

    private ScriptObject BuildKpi(KpiPage kpi)
    {
        var labels = kpi.Inputs.ToDictionary(i => i.Name, i => i.Label, StringComparer.Ordinal);
        var questions = site.Catalogues
            .SelectMany(c => c.Questions.Where(q => q.Kpis.Any(k => k.Slug == kpi.Slug)).Select(q => (Catalogue: c, Question: q)))
            .OrderBy(x => x.Catalogue.Lang == kpi.Lang ? 0 : 1).ThenBy(x => x.Catalogue.RootUrl, StringComparer.Ordinal)
            .Select(x => Obj(("text", x.Question.Text), ("url", site.Config.Url(x.Catalogue.RootUrl) + "#" + x.Question.Id),
                ("catalogue", x.Catalogue.Title), ("lang", x.Catalogue.Lang)))
            .ToList<object?>();
        return Obj(("slug", kpi.Slug), ("title", kpi.Title), ("abbr", kpi.Abbr), ("url", site.Config.Url(kpi.RootUrl)),
            ("lang", kpi.Lang), ("formula", kpi.Formula.Expression),
            ("formula_html", formulaHtml(kpi)),
            ("result", Obj(("format", kpi.Result.Format), ("decimals", kpi.Result.Decimals), ("better", kpi.Result.Better))),
            ("inputs", kpi.Inputs.Select(i => Obj(("name", i.Name), ("label", i.Label), ("unit", i.Unit), ("min", i.Min), ("max", i.Max),
                ("step", i.Step), ("default", i.Default), ("help", i.Help))).ToList<object?>()),
            ("cadence", kpi.Cadence), ("indicator", kpi.Indicator),
            ("examples", kpi.Examples.Select(e => Obj(
                ("inputs", kpi.Inputs.Where(i => e.Inputs.ContainsKey(i.Name)).Select(i => Obj(("name", i.Name), ("label", labels[i.Name]), ("unit", i.Unit),
                    ("value", e.Inputs[i.Name]), ("display", NumberDisplay.Input(e.Inputs[i.Name], i.Unit, kpi.Lang, site.Config.Currency)))).ToList<object?>()),
                ("result", e.Result),
                ("result_display", NumberDisplay.Format(e.Result, kpi.Result.Format, kpi.Result.Decimals, kpi.Lang, site.Config.Currency, MonthsUnit(kpi.Lang))))).ToList<object?>()),
            ("related", kpi.Related.Select(r => site.Find<KpiPage>(r.Slug, kpi.Lang)).OfType<KpiPage>()
                .Select(r => Summary(r)).ToList<object?>()),
            ("questions", questions));
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
