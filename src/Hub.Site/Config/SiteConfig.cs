namespace Hub.Site.Config;

/// <summary>The site's settings from <c>input/hub.yml</c>, with the command line's overrides applied.</summary>
public sealed record SiteConfig
{
    public required IReadOnlyDictionary<string, string> Title { get; init; }

    /// <summary>Absolute site URL, always ending in a slash; its path is replaced by <see cref="BasePath"/>.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The path the site is served under: <c>/</c> or <c>/repo/</c>.</summary>
    public required string BasePath { get; init; }

    /// <summary>Languages in order; the first is the default.</summary>
    public required IReadOnlyList<string> Languages { get; init; }

    public string? EditUrl { get; init; }

    public string Currency { get; init; } = "JPY";

    public string DefaultLanguage => Languages[0];

    public string TitleFor(string lang) =>
        Title.TryGetValue(lang, out var t) ? t : Title.TryGetValue(DefaultLanguage, out var d) ? d : Title.Values.FirstOrDefault() ?? "Hub";

    /// <summary>A site-root path (<c>/ja/kpis/x/</c>) as the site emits it, under the base path.</summary>
    public string Url(string rootPath) => BasePath + rootPath.TrimStart('/');

    /// <summary>The absolute URL of a site-root path, for canonical links, the sitemap and feeds.</summary>
    public string AbsoluteUrl(string rootPath) => new Uri(BaseUrl, Url(rootPath)).AbsoluteUri;

    public static string NormalizeBasePath(string? path)
    {
        var trimmed = (path ?? string.Empty).Trim().Trim('/');
        return trimmed.Length == 0 ? "/" : "/" + trimmed + "/";
    }
}
