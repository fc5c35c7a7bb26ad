using System.Text.RegularExpressions;

namespace Hub.Site.Config;

/// <summary>The site's settings from <c>input/hub.yml</c>, with the command line's overrides applied.</summary>
public sealed partial record SiteConfig
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

    /// <summary>
    /// Whether <paramref name="path"/> can serve as the base path: empty or <c>/</c>, or segments of letters, digits,
    /// <c>-._~</c> and percent-escapes separated by single slashes, a leading and a trailing slash optional. Every
    /// URL the site emits starts with it, so it must neither leave the site (<c>//host/</c>, <c>javascript:</c>) nor
    /// need escaping in an attribute.
    /// </summary>
    public static bool IsValidBasePath(string path) => path.Length == 0 || path == "/" || BasePathPattern().IsMatch(path);

    public static string BasePathError(string path) =>
        $"base path '{path}' must be a path of plain segments (letters, digits, '-', '.', '_', '~'), such as /cs-hub/";

    public static string NormalizeBasePath(string? path)
    {
        var trimmed = (path ?? string.Empty).Trim().Trim('/');
        return trimmed.Length == 0 ? "/" : "/" + trimmed + "/";
    }

    [GeneratedRegex(@"\A/?(?:(?!\.{1,2}(?:/|\z))(?:[A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})+/)*(?:(?!\.{1,2}\z)(?:[A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})+)?\z")]
    private static partial Regex BasePathPattern();
}
