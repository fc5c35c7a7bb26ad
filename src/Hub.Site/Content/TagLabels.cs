using Hub.Core.Diagnostics;
using Hub.Core.Files;
using Hub.Site.Config;
using Hub.Site.Yaml;
using YamlDotNet.RepresentationModel;

namespace Hub.Site.Content;

/// <summary>
/// The label of each tag per language, declared in one place, <c>input/tags.yml</c>: a tag keeps one slug (its URL)
/// in every language and shows the label of the page's language, or its own spelling where none is declared.
/// <code>
/// retention: { ja: リテンション, ko: 리텐션, en: Retention }
/// </code>
/// </summary>
public sealed class TagLabels
{
    public const string FileName = "tags.yml";

    private readonly Dictionary<string, Dictionary<string, string>> _labels;

    private TagLabels(Dictionary<string, Dictionary<string, string>> labels) => _labels = labels;

    /// <summary>Whether tags.yml declared any tag (whose "unused" warning then depends on every page's tags).</summary>
    public bool Any => _labels.Count > 0;

    /// <summary>No labels: every tag shows as written.</summary>
    public static TagLabels None { get; } = new(new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal));

    /// <summary>What a page of <paramref name="lang"/> shows for <paramref name="tag"/>: its label, else the tag as written.</summary>
    public string Label(string lang, string tag) =>
        _labels.TryGetValue(SiteUrls.TagSlug(tag), out var byLang) && byLang.TryGetValue(lang, out var label) ? label : tag;

    /// <summary>
    /// Reads <c>tags.yml</c> at the top of the input folder (none is no labels). A file that is not a mapping of tags to
    /// mappings of the site's languages to text is reported where it goes wrong (HUB0131); so is a tag that no page uses (HUB0132).
    /// </summary>
    public static TagLabels Load(string inputDir, SiteConfig config, IEnumerable<ContentPage> pages, Func<string, string> displayPath, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(inputDir, FileName);
        if (!File.Exists(path) || RootedFiles.CheckFile(new FileRoot(inputDir, "input folder"), path, displayPath, diagnostics) != FileCheck.Ok)
        {
            return None;
        }
        var display = displayPath(path);
        var root = YamlSource.Load(TextFile.Read(path), display, 1, diagnostics);
        if (root is null || root is YamlScalarNode { Value: null or "" })
        {
            return None;
        }
        SourceLocation At(YamlNode node) => YamlSource.Locate(display, 1, node.Start);
        if (root is not YamlMappingNode tags)
        {
            diagnostics.Error(DiagnosticCodes.TagLabelsInvalid, At(root), "tags.yml must map each tag to its labels by language",
                "write 'retention: { ja: リテンション, ko: 리텐션, en: Retention }'");
            return None;
        }
        var used = pages.SelectMany(p => p.Header.Tags).Select(SiteUrls.TagSlug).ToHashSet(StringComparer.Ordinal);
        var labels = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in tags.Children)
        {
            var tag = (keyNode as YamlScalarNode)?.Value?.Trim() ?? string.Empty;
            var slug = SiteUrls.TagSlug(tag);
            if (slug.Length == 0)
            {
                diagnostics.Error(DiagnosticCodes.TagLabelsInvalid, At(keyNode), "a tag in tags.yml must be a tag's name, as pages write it in 'tags'");
                continue;
            }
            if (value is not YamlMappingNode byLang)
            {
                diagnostics.Error(DiagnosticCodes.TagLabelsInvalid, At(value), $"tag '{tag}' must map languages to labels",
                    $"write '{tag}: {{ {string.Join(", ", config.Languages.Select(l => l + ": …"))} }}'");
                continue;
            }
            if (!used.Contains(slug))
            {
                diagnostics.Warning(DiagnosticCodes.TagLabelUnused, At(keyNode), $"no page has the tag '{tag}'",
                    Suggest(slug, used) is { } near ? $"did you mean '{near}'?" : "remove it, or tag a page with it");
            }
            var entry = labels.TryGetValue(slug, out var existing) ? existing : labels[slug] = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (langNode, labelNode) in byLang.Children)
            {
                var lang = (langNode as YamlScalarNode)?.Value ?? string.Empty;
                if (!config.Languages.Contains(lang))
                {
                    diagnostics.Error(DiagnosticCodes.TagLabelsInvalid, At(langNode), $"'{lang}' is not one of the site's languages ({string.Join(", ", config.Languages)})",
                        "label the tag in the languages listed in hub.yml");
                    continue;
                }
                if (labelNode is not YamlScalarNode { Value: { } label } || label.Trim().Length == 0 || YamlValues.IsNull(labelNode))
                {
                    diagnostics.Error(DiagnosticCodes.TagLabelsInvalid, At(labelNode), $"the {lang} label of tag '{tag}' must be text", "write the label, or leave the language out to show the tag as written");
                    continue;
                }
                entry[lang] = label.Trim();
            }
        }
        return new TagLabels(labels);
    }

    /// <summary>The used tag nearest to <paramref name="slug"/> by edit distance, when it is near enough to be a typo.</summary>
    private static string? Suggest(string slug, IEnumerable<string> used) =>
        used.Select(u => (Tag: u, Distance: Distance(slug, u))).Where(u => u.Distance <= Math.Max(1, slug.Length / 4))
            .OrderBy(u => u.Distance).ThenBy(u => u.Tag, StringComparer.Ordinal).Select(u => u.Tag).FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            previous = current;
        }
        return previous[b.Length];
    }
}
