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

    /// <summary>
    /// Adds a page (<c>hub serve</c>'s incremental rebuild), keeping every index in the order the constructor
    /// gives: pages by URL, translations by language then URL. The caller checks that its URL is free.
    /// </summary>
    public void Add(ContentPage page)
    {
        _pages.Insert(InsertionPoint(_pages, page), page);
        if (!_bySlug.TryGetValue(page.Slug, out var sameSlug))
        {
            _bySlug[page.Slug] = sameSlug = [];
        }
        sameSlug.Insert(InsertionPoint(sameSlug, page), page);
        _bySource[Path.GetFullPath(page.SourcePath)] = page;
        var key = TranslationKey(page);
        var languages = Config.Languages.ToList();
        _translations[key] = (_translations.TryGetValue(key, out var list) ? list : []).Append(page)
            .OrderBy(p => languages.IndexOf(p.Lang)).ThenBy(p => p.RootUrl, StringComparer.Ordinal).ToList();
    }

    /// <summary>Removes a page (<c>hub serve</c>'s incremental rebuild) from every index.</summary>
    public void Remove(ContentPage page)
    {
        _pages.Remove(page);
        if (_bySlug.TryGetValue(page.Slug, out var sameSlug) && sameSlug.Remove(page) && sameSlug.Count == 0)
        {
            _bySlug.Remove(page.Slug);
        }
        var source = Path.GetFullPath(page.SourcePath);
        if (_bySource.TryGetValue(source, out var current) && ReferenceEquals(current, page))
        {
            _bySource.Remove(source);
        }
        var key = TranslationKey(page);
        if (_translations.TryGetValue(key, out var list))
        {
            var rest = list.Where(p => !ReferenceEquals(p, page)).ToList();
            if (rest.Count == 0)
            {
                _translations.Remove(key);
            }
            else
            {
                _translations[key] = rest;
            }
        }
    }

    /// <summary>The page written to <paramref name="rootUrl"/>, if any.</summary>
    public ContentPage? ByRootUrl(string rootUrl)
    {
        var lo = 0;
        var hi = _pages.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var c = string.CompareOrdinal(_pages[mid].RootUrl, rootUrl);
            if (c == 0)
            {
                return _pages[mid];
            }
            (lo, hi) = c < 0 ? (mid + 1, hi) : (lo, mid - 1);
        }
        return null;
    }

    private static string TranslationKey(ContentPage page) => $"{page.Section}/{page.Header.TranslationKey}";

    /// <summary>Where <paramref name="page"/> goes in a list ordered by URL (after pages of the same URL, as a stable sort puts them).</summary>
    private static int InsertionPoint(List<ContentPage> sorted, ContentPage page)
    {
        var lo = 0;
        var hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (string.CompareOrdinal(sorted[mid].RootUrl, page.RootUrl) <= 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
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
