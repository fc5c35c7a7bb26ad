using Hub.Core.Diagnostics;
using Hub.Site.Content;
using Hub.Site.Rendering;
using Hub.Templates;
using Scriban.Runtime;

namespace Hub.Site.Incremental;

/// <summary>
/// Renders one list page at a time (a language's home, a section, the tags index, one tag) and lists the
/// sitemap's entries, with the same models and order as <see cref="SiteRenderer.RenderGenerated"/> and
/// <see cref="SiteRenderer.RenderContent"/>. IncrementalRebuildTests compare the bytes with a full build's, so
/// a change there that is not mirrored here fails them.
/// </summary>
public sealed class GeneratedPages(SiteContent site, ModelBuilder models, ThemeRenderer theme, DiagnosticBag diagnostics)
{
    private const string BaseLayout = "baseof";

    /// <summary>The pages of one language, with each section's list sorted once for the home and section pages.</summary>
    public sealed class Language(string lang, IReadOnlyList<ContentPage> pages)
    {
        private readonly Dictionary<string, List<ContentPage>> _sections = new(StringComparer.Ordinal);

        public string Lang => lang;

        public IReadOnlyList<ContentPage> Pages => pages;

        public List<ContentPage> Section(string section)
        {
            if (!_sections.TryGetValue(section, out var list))
            {
                _sections[section] = list = Ordered(pages.Where(p => p.Section == section)).ToList();
            }
            return list;
        }

        /// <summary>Tag name -> its pages, in tag order (ordinal), as the full build groups them.</summary>
        public SortedDictionary<string, List<ContentPage>> Tags => field ??= ModelBuilder.GroupTags(pages);
    }

    public Language For(string lang) => new(lang, site.Pages.Where(p => p.Lang == lang).ToList());

    public static string HomePath(string lang) => $"/{lang}/";

    public static string SectionPath(string lang, string section) => $"/{lang}/{section}/";

    public static string TagsPath(string lang) => $"/{lang}/tags/";

    public static string TagPath(string lang, string tag) => $"/{lang}/tags/{ModelBuilder.TagSlug(tag)}/";

    public string? Home(Language language)
    {
        var lang = language.Lang;
        var homes = site.Config.Languages.Select(l => (l, $"/{l}/")).ToList();
        var home = models.PageBase("home", lang, HomePath(lang), site.Config.TitleFor(lang), homes);
        home["sections"] = SiteRenderer.Sections.Select(s => ModelBuilder.Obj(("name", s), ("title", models.SectionTitle(lang, s)),
            ("url", site.Config.Url($"/{lang}/{s}/")), ("count", language.Section(s).Count),
            ("pages", language.Section(s).Select(p => (object?)models.Summary(p)).ToList()))).ToList<object?>();
        home["recent"] = language.Pages.Where(p => p.Header.Date is not null).OrderByDescending(p => p.Header.Date).ThenBy(p => p.RootUrl, StringComparer.Ordinal)
            .Take(5).Select(p => (object?)models.Summary(p)).ToList();
        return Render("home", lang, home);
    }

    public string? Section(Language language, string section)
    {
        var lang = language.Lang;
        var alternates = site.Config.Languages.Select(l => (l, $"/{l}/{section}/")).ToList();
        var model = models.PageBase("section", lang, SectionPath(lang, section), models.SectionTitle(lang, section), alternates);
        model["section"] = section;
        model["pages"] = language.Section(section).Select(p => (object?)models.Summary(p)).ToList();
        return Render("section", lang, model);
    }

    public string? TagsIndex(Language language)
    {
        var lang = language.Lang;
        var alternates = site.Config.Languages.Select(l => (l, $"/{l}/tags/")).ToList();
        var model = models.PageBase("tags", lang, TagsPath(lang), models.SectionTitle(lang, "tags"), alternates);
        model["tag_list"] = language.Tags.Select(t => ModelBuilder.Obj(("name", t.Key), ("count", t.Value.Count),
            ("url", site.Config.Url(TagPath(lang, t.Key))))).ToList<object?>();
        return Render("tags", lang, model);
    }

    /// <summary>The page at a tag's URL (spellings with one slug share it, see <see cref="ModelBuilder.GroupTags"/>).</summary>
    public string? Tag(Language language, string tagSlugPath)
    {
        var lang = language.Lang;
        var (tag, tagged) = language.Tags.FirstOrDefault(t => TagPath(lang, t.Key) == tagSlugPath);
        if (tag is null)
        {
            return null;
        }
        var model = models.PageBase("tag", lang, tagSlugPath, tag, [(lang, tagSlugPath)]);
        model["tag"] = tag;
        model["pages"] = Ordered(tagged).Select(p => (object?)models.Summary(p)).ToList();
        return Render("tag", lang, model);
    }

    /// <summary>Every entry the full build puts in the sitemap: content pages with their translations, and each language's list pages.</summary>
    public List<(string RootUrl, IReadOnlyList<(string Lang, string RootUrl)> Alternates)> SitemapEntries()
    {
        var languages = site.Config.Languages;
        var entries = site.Pages.Select(p => (p.RootUrl, (IReadOnlyList<(string, string)>)site.TranslationsOf(p).Select(t => (t.Lang, t.RootUrl)).ToList())).ToList();
        var homes = languages.Select(l => (l, HomePath(l))).ToList();
        foreach (var lang in languages)
        {
            entries.Add((HomePath(lang), homes));
            foreach (var section in SiteRenderer.Sections)
            {
                entries.Add((SectionPath(lang, section), languages.Select(l => (l, SectionPath(l, section))).ToList()));
            }
            entries.Add((TagsPath(lang), languages.Select(l => (l, TagsPath(l))).ToList()));
            foreach (var tag in For(lang).Tags.Keys)
            {
                entries.Add((TagPath(lang, tag), [(lang, TagPath(lang, tag))]));
            }
            entries.Add(($"/{lang}/search/", languages.Select(l => (l, $"/{l}/search/")).ToList()));
        }
        return entries;
    }

    private string? Render(string layout, string lang, ScriptObject page)
    {
        return theme.RenderWrapped(layout, BaseLayout, models.Globals(lang, page), diagnostics);
    }

    private static IEnumerable<ContentPage> Ordered(IEnumerable<ContentPage> pages) =>
        pages.OrderByDescending(p => p.Header.Date ?? DateOnly.MinValue).ThenBy(p => p.Title, StringComparer.Ordinal).ThenBy(p => p.RootUrl, StringComparer.Ordinal);
}
