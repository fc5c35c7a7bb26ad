using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hub.Site.Content;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hub.Site.Tests.Schemas;

/// <summary>
/// Turns YAML into the JSON a schema validator sees, typing plain scalars as Hub reads them: YAML's null words are
/// null, <c>true</c>/<c>false</c> are booleans (Hub reads no other spelling as one), decimal numbers of the YAML
/// core schema are numbers, and everything else, quoted values included, is text.
/// </summary>
internal static partial class YamlJson
{
    /// <summary>A YAML file, or the front matter of a Markdown file, as JSON; null when it holds no document.</summary>
    public static JsonNode? FromFile(string relativePath, string text)
    {
        var yaml = relativePath.EndsWith(".md", StringComparison.Ordinal) ? FrontMatter.Split(text).Yaml : text;
        Assert.True(yaml is not null, $"{relativePath}: no front matter");
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    public static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c =>
            KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? string.Empty, Convert(c.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException($"unexpected YAML node {node.NodeType}"),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(text);
        }
        if (YamlValues.IsNull(scalar))
        {
            return null;
        }
        if (text is "true" or "false")
        {
            return JsonValue.Create(text == "true");
        }
        // NaN, infinity and numbers too large for JSON stay text: Hub rejects them as numbers too.
        if (CoreNumber().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return JsonNode.Parse(Canonical(text));
        }
        return JsonValue.Create(text);
    }

    /// <summary>The YAML number as JSON spells it (JSON has no leading '+', no bare '.5' and no '1.').</summary>
    private static string Canonical(string text)
    {
        var t = text.TrimStart('+');
        var negative = t.StartsWith('-');
        var digits = negative ? t[1..] : t;
        if (digits.StartsWith('.'))
        {
            digits = "0" + digits;
        }
        digits = digits.Replace(".e", ".0e", StringComparison.OrdinalIgnoreCase);
        if (digits.EndsWith('.'))
        {
            digits += "0";
        }
        // JSON forbids leading zeros (007); YAML's core schema reads them as decimal.
        var intEnd = digits.IndexOfAny(['.', 'e', 'E']);
        var intPart = intEnd < 0 ? digits : digits[..intEnd];
        var trimmed = intPart.TrimStart('0');
        digits = (trimmed.Length == 0 ? "0" : trimmed) + (intEnd < 0 ? string.Empty : digits[intEnd..]);
        return negative ? "-" + digits : digits;
    }

    /// <summary>The decimal int and float forms of the YAML 1.2 core schema.</summary>
    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex CoreNumber();
}
