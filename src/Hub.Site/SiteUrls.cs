using Hub.Markdown.Headings;

namespace Hub.Site;

/// <summary>
/// Every path Hub writes, from the site root and without the base path (<see cref="Config.SiteConfig.Url"/> adds it):
/// the one place that knows the site's URL layout.
/// </summary>
public static class SiteUrls
{
    public const string Root = "/";

    public const string Sitemap = "/sitemap.xml";

    public const string NotFound = "/404.html";

    public const string Robots = "/robots.txt";

    /// <summary>A language's home page: <c>/ja/</c>.</summary>
    public static string Home(string lang) => $"/{lang}/";

    /// <summary>A content page: <c>/ja/kpis/churn-rate/</c>.</summary>
    public static string Page(string lang, string section, string slug) => $"/{lang}/{section}/{slug}/";

    /// <summary>A section's list page: <c>/ja/articles/</c>.</summary>
    public static string Section(string lang, string section) => $"/{lang}/{section}/";

    /// <summary>A language's tag index: <c>/ja/tags/</c>.</summary>
    public static string Tags(string lang) => $"/{lang}/tags/";

    /// <summary>A tag's page, shared by the spellings with one <see cref="TagSlug"/>: <c>/ja/tags/onboarding/</c>.</summary>
    public static string Tag(string lang, string tag) => $"/{lang}/tags/{TagSlug(tag)}/";

    /// <summary>A language's search page: <c>/ja/search/</c>.</summary>
    public static string Search(string lang) => $"/{lang}/search/";

    /// <summary>The debrief page of a catalogue with a scorecard, under the catalogue's own URL.</summary>
    public static string Debrief(string catalogueRootUrl) => catalogueRootUrl + "debrief/";

    /// <summary>
    /// The "not translated yet" page of a language for a page without a translation in it, named by the first of its
    /// translations in language order (<paramref name="lang"/> of <paramref name="rootUrl"/>):
    /// <c>/ko/untranslated/ja/kpis/connect-rate/</c>.
    /// </summary>
    public static string Untranslated(string missing, string lang, string rootUrl) => $"/{missing}/untranslated/{lang}{rootUrl[(lang.Length + 1)..]}";

    /// <summary>A language's Atom feed: <c>/ja/feed.xml</c>.</summary>
    public static string Feed(string lang) => $"/{lang}/feed.xml";

    /// <summary>A tag's URL segment: its heading slug, or <c>tag</c> for a tag with nothing to slug.</summary>
    public static string TagSlug(string tag)
    {
        var slug = HeadingSlugger.Slugify(tag);
        return slug.Length == 0 ? "tag" : slug;
    }
}
