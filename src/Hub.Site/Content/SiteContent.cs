using Hub.Core.Diagnostics;
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

    public SiteContent(SiteConfig config, string inputDir, IReadOnlyList<ContentPage> pages, ContentKinds? kinds = null)
    {
        Config = config;
        InputDir = inputDir;
        Kinds = kinds ?? ContentKinds.Default;
        _pages = pages.OrderBy(p => p.RootUrl, StringComparer.Ordinal).ToList();
        _bySlug = _pages.GroupBy(p => p.Slug, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _bySource = _pages.ToDictionary(p => Path.GetFullPath(p.SourcePath), p => p, StringComparer.Ordinal);
        _translations = _pages.GroupBy(p => (p.Section, p.Header.TranslationKey))
            .ToDictionary(g => $"{g.Key.Section}/{g.Key.TranslationKey}", g => (IReadOnlyList<ContentPage>)g.OrderBy(p => config.Languages.ToList().IndexOf(p.Lang)).ToList(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Reports pages that cannot be part of one site and returns the pages to build: of pages written to one URL, or
    /// to URLs that differ only by case (one folder on case-insensitive file systems and hosts), only the first by
    /// path stays; two pages of one section and language that share a translation key are an error at the second's
    /// <c>translationKey</c> (a page that takes the key from its slug comes first).
    /// </summary>
    public static List<ContentPage> CheckIdentities(IEnumerable<ContentPage> pages, DiagnosticBag diagnostics)
    {
        var kept = new List<ContentPage>();
        foreach (var group in pages.OrderBy(p => p.DisplayPath, StringComparer.Ordinal).GroupBy(p => p.RootUrl, StringComparer.OrdinalIgnoreCase))
        {
            var first = group.First();
            kept.Add(first);
            foreach (var page in group.Skip(1))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateUrl, new SourceLocation(page.DisplayPath, 1, 1), page.RootUrl == first.RootUrl
                    ? $"two pages would be written to {page.RootUrl}: this one and {first.DisplayPath}"
                    : $"this page's URL {page.RootUrl} differs only by case from {first.RootUrl} of {first.DisplayPath}: they collide on case-insensitive file systems and hosts",
                    "give one of them another 'slug' or 'lang'");
            }
        }
        foreach (var group in kept.GroupBy(p => (p.Section, p.Lang, p.Header.TranslationKey)).Where(g => g.Count() > 1))
        {
            var ordered = group.OrderBy(p => p.Header.TranslationKeyLocation is null ? 0 : 1).ThenBy(p => p.DisplayPath, StringComparer.Ordinal).ToList();
            foreach (var page in ordered.Skip(1))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateTranslationKey, page.Header.TranslationKeyLocation ?? new SourceLocation(page.DisplayPath, 1, 1),
                    $"translationKey '{group.Key.TranslationKey}' is already used by {ordered[0].DisplayPath}, also in '{group.Key.Lang}': a page has one translation per language",
                    "give one of them another 'translationKey' or 'lang'");
            }
        }
        return kept;
    }

    /// <summary>
    /// True when <paramref name="page"/> could not join the site beside its pages but those <paramref name="leaving"/> it
    /// (see <see cref="CheckIdentities"/>): <c>hub serve</c> then runs a full build, which reports it.
    /// </summary>
    public bool Conflicts(ContentPage page, Predicate<ContentPage> leaving) =>
        _pages.Any(p => !ReferenceEquals(p, page) && !leaving(p)
            && (string.Equals(p.RootUrl, page.RootUrl, StringComparison.OrdinalIgnoreCase)
                || (p.Section == page.Section && p.Lang == page.Lang && p.Header.TranslationKey == page.Header.TranslationKey)));

    public SiteConfig Config { get; }

    /// <summary>The content kinds the site was loaded with: its sections, in order.</summary>
    public ContentKinds Kinds { get; }

    public string InputDir { get; }

    public IReadOnlyList<ContentPage> Pages => _pages;

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

    /// <summary>Every page of <paramref name="slug"/>, of any kind and language, by URL.</summary>
    public IReadOnlyList<ContentPage> WithSlug(string slug) => _bySlug.TryGetValue(slug, out var pages) ? pages : [];

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
