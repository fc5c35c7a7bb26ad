using Hub.Site.Config;
using Hub.Site.Content.Catalogues;
using Hub.Site.Content.Kpis;

namespace Hub.Site.Content;

/// <summary>Every content page of a build, indexed the ways links, embeds and translations look them up.</summary>
public sealed class SiteContent
{
    private readonly Dictionary<string, ContentPage> _bySource;
    private readonly Dictionary<string, IReadOnlyList<ContentPage>> _translations;
    private readonly List<ContentPage> _pages;
    private readonly Dictionary<string, List<ContentPage>> _bySlug;

    public SiteContent(SiteConfig config, string inputDir, IReadOnlyList<ContentPage> pages)
    {
        Config = config;
        InputDir = inputDir;
        _pages = pages.OrderBy(p => p.RootUrl, StringComparer.Ordinal).ToList();
        _bySlug = _pages.GroupBy(p => p.Slug, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _bySource = _pages.ToDictionary(p => Path.GetFullPath(p.SourcePath), p => p, StringComparer.Ordinal);
        _translations = _pages.GroupBy(p => (p.Section, p.Header.TranslationKey))
            .ToDictionary(g => $"{g.Key.Section}/{g.Key.TranslationKey}", g => (IReadOnlyList<ContentPage>)g.OrderBy(p => config.Languages.ToList().IndexOf(p.Lang)).ToList(), StringComparer.Ordinal);
    }

    public SiteConfig Config { get; }

    public string InputDir { get; }

    public IReadOnlyList<ContentPage> Pages => _pages;

    /// <summary>
    /// Puts an edited page in place of its previous version. Only for an edit that keeps the page's identity
    /// (URL, language, translation key), which the caller checks.
    /// </summary>
    public void Replace(ContentPage old, ContentPage edited)
    {
        _pages[_pages.IndexOf(old)] = edited;
        var sameSlug = _bySlug[old.Slug];
        sameSlug[sameSlug.IndexOf(old)] = edited;
        _bySource[Path.GetFullPath(edited.SourcePath)] = edited;
        var key = $"{old.Section}/{old.Header.TranslationKey}";
        if (_translations.TryGetValue(key, out var list))
        {
            _translations[key] = list.Select(p => ReferenceEquals(p, old) ? edited : p).ToList();
        }
    }

    public IEnumerable<KpiPage> Kpis => Pages.OfType<KpiPage>();

    public IEnumerable<CataloguePage> Catalogues => Pages.OfType<CataloguePage>();

    public ContentPage? BySource(string fullPath) => _bySource.GetValueOrDefault(Path.GetFullPath(fullPath));

    /// <summary>The page and its translations, in the site's language order.</summary>
    public IReadOnlyList<ContentPage> TranslationsOf(ContentPage page) =>
        _translations.TryGetValue($"{page.Section}/{page.Header.TranslationKey}", out var list) ? list : [page];

    /// <summary>A page of a kind by slug, preferring the given language, then the default language.</summary>
    public T? Find<T>(string slug, string lang) where T : ContentPage
    {
        T? fallback = null;
        if (!_bySlug.TryGetValue(slug, out var candidates))
        {
            return null;
        }
        foreach (var page in candidates.OfType<T>())
        {
            if (page.Slug != slug)
            {
                continue;
            }
            if (page.Lang == lang)
            {
                return page;
            }
            if (fallback is null || page.Lang == Config.DefaultLanguage)
            {
                fallback = page;
            }
        }
        return fallback;
    }
}
