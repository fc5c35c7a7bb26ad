using System.Globalization;
using Hub.Core.Diagnostics;
using Hub.Site.Config;
using Hub.Site.Yaml;
using YamlDotNet.RepresentationModel;

namespace Hub.Site.Content;

/// <summary>The front matter keys every content kind accepts, read and checked in one place.</summary>
public sealed record PageHeader
{
    public static readonly IReadOnlySet<string> CommonKeys =
        new HashSet<string>(StringComparer.Ordinal) { "title", "summary", "lang", "date", "tags", "draft", "slug", "translationKey", "translationOf", "updated" };

    public required string Title { get; init; }

    public string Summary { get; init; } = string.Empty;

    public required string Lang { get; init; }

    public required string Slug { get; init; }

    public required string TranslationKey { get; init; }

    /// <summary>Where the front matter sets <c>translationKey</c>; null when it defaults to the slug.</summary>
    public SourceLocation? TranslationKeyLocation { get; init; }

    /// <summary>The source version a translation was made from (<c>translationOf</c>, see <see cref="Translations.TranslationHash"/>), or null.</summary>
    public string? TranslationOf { get; init; }

    /// <summary>Where the front matter sets <c>translationOf</c>.</summary>
    public SourceLocation? TranslationOfLocation { get; init; }

    public DateOnly? Date { get; init; }

    /// <summary>When the page last changed, as its front matter says (<c>updated</c>); git's date wins where the build reads git (see <see cref="LastUpdated"/>).</summary>
    public DateOnly? Updated { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public bool Draft { get; init; }

    /// <summary>
    /// Reads the common keys. The file name gives the slug and, with a language suffix (<c>x.en.md</c>), the
    /// language; front matter wins over both.
    /// </summary>
    public static PageHeader Read(YamlMap map, string sourcePath, SiteConfig config, DiagnosticBag diagnostics)
    {
        var (fileSlug, fileLang) = SlugAndLanguage(sourcePath, config);
        var lang = map.String("lang") ?? fileLang ?? config.DefaultLanguage;
        if (!config.Languages.Contains(lang))
        {
            var node = map.Node("lang");
            diagnostics.Error(DiagnosticCodes.UnknownLanguage, node is null ? map.Location : map.LocationOf(node),
                $"language '{lang}' is not one of the site's languages ({string.Join(", ", config.Languages)})", "add it to 'languages' in hub.yml");
            lang = config.DefaultLanguage;
        }
        var slug = map.String("slug") ?? fileSlug;
        if (!IsValidSlug(slug))
        {
            var node = map.Node("slug");
            diagnostics.Error(DiagnosticCodes.InvalidValue, node is null ? SourceLocation.FileOnly(map.DisplayPath) : map.LocationOf(node),
                $"'{slug}' cannot be used in a URL", "use letters, digits and hyphens");
        }
        DateOnly? date = null;
        if (map.String("date") is { } dateText)
        {
            if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                || (DateTime.TryParse(dateText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var dt) && (parsed = DateOnly.FromDateTime(dt)) != default))
            {
                date = parsed;
            }
            else
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, map.LocationOf(map.Node("date")!), $"'{dateText}' is not a date", "write it as YYYY-MM-DD");
            }
        }
        string? title;
        if (map.Node("title") is { } titleNode && YamlValues.IsNull(titleNode) && titleNode is YamlScalarNode { Value: { Length: > 0 } nullWord })
        {
            // YAML reads "title: ~" and "title: null" as no value, not as the text "null".
            diagnostics.Error(DiagnosticCodes.RequiredKeyMissing, map.LocationOf(titleNode), $"'title' is required ('{nullWord}' means no value)",
                $"write the title; quote it (\"{nullWord}\") if it is the word itself");
            title = null;
        }
        else
        {
            title = map.String("title", required: true);
        }
        var translationOf = map.String("translationOf");
        if (translationOf is not null && !Translations.TranslationHash.IsValid(translationOf))
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, map.LocationOf(map.Node("translationOf")!), $"translationOf '{translationOf}' is not a source version",
                "let 'hub translations --mark' write it");
            translationOf = null;
        }
        return new PageHeader
        {
            Title = title ?? slug,
            Summary = map.String("summary") ?? string.Empty,
            Lang = lang,
            Slug = slug,
            TranslationKey = map.String("translationKey") ?? slug,
            TranslationKeyLocation = map.Node("translationKey") is null ? null : map.KeyLocation("translationKey"),
            TranslationOf = translationOf,
            TranslationOfLocation = translationOf is null ? null : map.LocationOf(map.Node("translationOf")!),
            Date = date,
            Updated = ReadDay(map, "updated", diagnostics),
            Tags = map.StringList("tags").Select(t => t.Value.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
            Draft = map.Bool("draft") ?? false,
        };
    }

    /// <summary>A day written as YYYY-MM-DD (or a YAML timestamp, whose day is taken), or null with a located error.</summary>
    private static DateOnly? ReadDay(YamlMap map, string key, DiagnosticBag diagnostics)
    {
        if (map.String(key) is not { } text)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return DateOnly.FromDateTime(instant.DateTime);
        }
        diagnostics.Error(DiagnosticCodes.InvalidValue, map.LocationOf(map.Node(key)!), $"{key} '{text}' is not a date", "write it as YYYY-MM-DD");
        return null;
    }

    public static (string Slug, string? Lang) SlugAndLanguage(string sourcePath, SiteConfig config)
    {
        var name = Path.GetFileNameWithoutExtension(sourcePath);
        var dot = name.LastIndexOf('.');
        if (dot > 0 && config.Languages.Contains(name[(dot + 1)..]))
        {
            return (name[..dot], name[(dot + 1)..]);
        }
        return (name, null);
    }

    private static bool IsValidSlug(string slug) =>
        slug.Length > 0 && slug.All(c => char.IsLetterOrDigit(c) || c is '-' or '_') && !slug.StartsWith('-');
}
