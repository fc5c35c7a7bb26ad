using System.Text.RegularExpressions;
using Hub.Core.Diagnostics;
using Hub.Core.Files;
using Hub.Site.Content;
using Hub.Site.Links;
using Hub.Site.Yaml;
using YamlDotNet.RepresentationModel;

namespace Hub.Site.Config;

/// <summary>Reads <c>input/hub.yml</c> into a <see cref="SiteConfig"/>, reporting every problem at its line.</summary>
public static partial class SiteConfigLoader
{
    private static readonly HashSet<string> Keys = new(StringComparer.Ordinal) { "title", "baseUrl", "languages", "editUrl", "currency" };

    public static SiteConfig? Load(string inputDir, string? basePathOverride, Func<string, string> displayPath, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(inputDir, "hub.yml");
        var display = displayPath(path);
        var check = RootedFiles.CheckFile(new FileRoot(inputDir, "input folder"), path, displayPath, diagnostics);
        if (check == FileCheck.Refused)
        {
            return null;
        }
        if (check == FileCheck.Missing)
        {
            diagnostics.Error(DiagnosticCodes.ConfigMissing, SourceLocation.FileOnly(display), "the site has no hub.yml",
                "create one with title, baseUrl and languages; see the README");
            return null;
        }
        var root = YamlSource.Load(RootedFiles.ReadAllText(path), display, 1, diagnostics);
        if (root is null)
        {
            return null;
        }
        if (root is not YamlMappingNode mapping)
        {
            diagnostics.Error(DiagnosticCodes.ConfigInvalid, new SourceLocation(display, 1, 1), "hub.yml must be a mapping of settings");
            return null;
        }
        var map = new YamlMap(mapping, display, 1, diagnostics);
        map.ReportUnknownKeys(Keys, "hub.yml", Severity.Error);

        var languages = new List<string>();
        foreach (var (lang, location) in map.StringList("languages"))
        {
            if (!LanguageCode().IsMatch(lang))
            {
                diagnostics.Error(DiagnosticCodes.ConfigInvalid, location, $"'{lang}' is not a language code such as ja, ko or en");
            }
            // Each language is a folder of the site: en-us and en-US would be one folder on case-insensitive systems.
            if (languages.FirstOrDefault(l => string.Equals(l, lang, StringComparison.OrdinalIgnoreCase)) is { } listed)
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, location, listed == lang
                    ? $"language '{lang}' is listed twice in 'languages'"
                    : $"language '{lang}' is listed twice in 'languages' (as '{listed}': language folders collide on case-insensitive file systems)",
                    "list each language once");
                continue;
            }
            languages.Add(lang);
        }
        if (languages.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.RequiredKeyMissing, map.Location, "'languages' is required", "for example: languages: [ja, ko, en]");
            return null;
        }

        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (map.Node("title"))
        {
            case YamlScalarNode nullTitle when YamlValues.IsNull(nullTitle):
                diagnostics.Error(DiagnosticCodes.RequiredKeyMissing, map.LocationOf(nullTitle), "'title' is required");
                break;
            case YamlScalarNode { Value: { } single }:
                foreach (var lang in languages)
                {
                    titles[lang] = single;
                }
                break;
            case YamlMappingNode:
                var titleMap = map.Map("title")!;
                foreach (var lang in titleMap.Keys)
                {
                    if (YamlValues.IsNull(titleMap.Node(lang)))
                    {
                        diagnostics.Error(DiagnosticCodes.RequiredKeyMissing, titleMap.LocationOf(titleMap.Node(lang)!), $"the '{lang}' title is empty");
                        continue;
                    }
                    titles[lang] = titleMap.String(lang) ?? string.Empty;
                }
                break;
            default:
                diagnostics.Error(DiagnosticCodes.RequiredKeyMissing, map.Location, "'title' is required");
                break;
        }

        var baseUrlText = map.String("baseUrl") ?? "http://localhost/";
        if (UrlSafety.DisallowedScheme(baseUrlText) is { } baseScheme)
        {
            diagnostics.Error(DiagnosticCodes.UnsafeUrl, map.LocationOf(map.Node("baseUrl")!), UrlSafety.Message("baseUrl", baseUrlText, baseScheme), UrlSafety.AllowedHint);
            return null;
        }
        if (!Uri.TryCreate(baseUrlText, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != "http" && baseUrl.Scheme != "https"))
        {
            diagnostics.Error(DiagnosticCodes.ConfigInvalid, map.LocationOf(map.Node("baseUrl")!), $"baseUrl '{baseUrlText}' must be an absolute http(s) URL");
            return null;
        }
        if (basePathOverride is not null && !SiteConfig.IsValidBasePath(basePathOverride))
        {
            diagnostics.Error(DiagnosticCodes.BasePathInvalid, SourceLocation.FileOnly("--base-path"), SiteConfig.BasePathError(basePathOverride));
            return null;
        }
        if (basePathOverride is null && !SiteConfig.IsValidBasePath(baseUrl.AbsolutePath))
        {
            diagnostics.Error(DiagnosticCodes.BasePathInvalid, map.LocationOf(map.Node("baseUrl")!), $"baseUrl's path: {SiteConfig.BasePathError(baseUrl.AbsolutePath)}");
            return null;
        }
        var basePath = SiteConfig.NormalizeBasePath(basePathOverride ?? baseUrl.AbsolutePath);
        var editUrl = map.String("editUrl");
        if (editUrl is not null && UrlSafety.DisallowedScheme(editUrl) is { } editScheme)
        {
            diagnostics.Error(DiagnosticCodes.UnsafeUrl, map.LocationOf(map.Node("editUrl")!), UrlSafety.Message("editUrl", editUrl, editScheme), UrlSafety.AllowedHint);
        }
        var currency = map.String("currency") ?? "JPY";
        if (!CurrencyCode().IsMatch(currency))
        {
            diagnostics.Error(DiagnosticCodes.ConfigInvalid, map.LocationOf(map.Node("currency")!), $"currency '{currency}' must be an ISO 4217 code such as JPY, KRW or USD");
        }
        return new SiteConfig
        {
            Title = titles,
            BaseUrl = new Uri(baseUrl.GetLeftPart(UriPartial.Authority) + "/"),
            BasePath = basePath,
            Languages = languages,
            EditUrl = editUrl,
            Currency = currency,
        };
    }

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageCode();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
