using Hub.Core.Diagnostics;
using Hub.Site.Yaml;
using Hub.Templates;
using Scriban.Runtime;
using YamlDotNet.RepresentationModel;

namespace Hub.Site.Rendering;

/// <summary>
/// The theme's UI strings: <c>i18n/{lang}.yml</c> plus <c>i18n/{part}/{lang}.yml</c> as <c>i18n.{part}.*</c>,
/// laid over English so a string missing in one language still shows.
/// </summary>
public static class UiStrings
{
    public static IReadOnlyDictionary<string, ScriptObject> Load(ThemeFiles theme, IReadOnlyList<string> languages, DiagnosticBag diagnostics)
    {
        var files = theme.List("i18n", "*.yml");
        var result = new Dictionary<string, ScriptObject>(StringComparer.Ordinal);
        foreach (var lang in languages)
        {
            var strings = new ScriptObject();
            foreach (var layer in lang == "en" ? ["en"] : new[] { "en", lang })
            {
                foreach (var file in files)
                {
                    var parts = file["i18n/".Length..^".yml".Length].Split('/');
                    if (parts[^1] != layer)
                    {
                        continue;
                    }
                    var target = strings;
                    foreach (var part in parts[..^1])
                    {
                        if (target[part] is not ScriptObject child)
                        {
                            child = new ScriptObject();
                            target[part] = child;
                        }
                        target = child;
                    }
                    var path = theme.Resolve(file)!;
                    if (YamlSource.Load(Hub.Core.Files.RootedFiles.ReadAllText(path), PathDisplay.For(path), 1, diagnostics) is YamlMappingNode mapping)
                    {
                        Merge(target, mapping);
                    }
                }
            }
            result[lang] = strings;
        }
        return result;
    }

    private static void Merge(ScriptObject target, YamlMappingNode mapping)
    {
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            if (key is null)
            {
                continue;
            }
            switch (valueNode)
            {
                case YamlScalarNode scalar:
                    target[key] = scalar.Value ?? string.Empty;
                    break;
                case YamlMappingNode child:
                    if (target[key] is not ScriptObject obj)
                    {
                        obj = new ScriptObject();
                        target[key] = obj;
                    }
                    Merge(obj, child);
                    break;
                case YamlSequenceNode sequence:
                    target[key] = sequence.Children.OfType<YamlScalarNode>().Select(s => (object?)s.Value).ToList();
                    break;
            }
        }
    }
}
