using System.Globalization;
using Hub.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Hub.Site.Yaml;

/// <summary>
/// Typed, located access to a YAML mapping: each getter reports a diagnostic at the value's own line and column
/// when the value has the wrong shape, and <see cref="ReportUnknownKeys"/> names keys the schema does not know.
/// </summary>
public sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly DiagnosticBag _diagnostics;

    public YamlMap(YamlMappingNode node, string displayPath, int firstLine, DiagnosticBag diagnostics)
    {
        _node = node;
        DisplayPath = displayPath;
        FirstLine = firstLine;
        _diagnostics = diagnostics;
    }

    public string DisplayPath { get; }

    public int FirstLine { get; }

    public SourceLocation Location => LocationOf(_node);

    public IEnumerable<string> Keys => _node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty);

    public SourceLocation LocationOf(YamlNode node) => YamlSource.Locate(DisplayPath, FirstLine, node.Start);

    public YamlNode? Node(string key) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public SourceLocation KeyLocation(string key)
    {
        foreach (var k in _node.Children.Keys)
        {
            if (k is YamlScalarNode s && s.Value == key)
            {
                return LocationOf(k);
            }
        }
        return Location;
    }

    public bool Has(string key) => Node(key) is not null and not YamlScalarNode { Value: null or "" };

    public void ReportUnknownKeys(IReadOnlySet<string> known, string what, Severity severity)
    {
        foreach (var key in _node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (known.Contains(name))
            {
                continue;
            }
            var hint = DidYouMean.Closest(name, known);
            _diagnostics.Add(DiagnosticCodes.UnknownKey.Create(LocationOf(key), $"unknown key '{name}' in {what}",
                hint is null ? null : $"did you mean '{hint}'?", severity));
        }
    }

    public string? String(string key, bool required = false)
    {
        var node = Node(key);
        switch (node)
        {
            case null or YamlScalarNode { Value: null or "" } when required:
                _diagnostics.Error(DiagnosticCodes.RequiredKeyMissing, node is null ? Location : LocationOf(node), $"'{key}' is required");
                return null;
            case null:
                return null;
            case YamlScalarNode scalar:
                return scalar.Value;
            default:
                _diagnostics.Error(DiagnosticCodes.InvalidValue, LocationOf(node), $"'{key}' must be a text value");
                return null;
        }
    }

    public double? Number(string key)
    {
        var node = Node(key);
        if (node is null or YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            return null;
        }
        if (node is YamlScalarNode scalar && TryNumber(scalar.Value!, out var value))
        {
            return value;
        }
        _diagnostics.Error(DiagnosticCodes.InvalidValue, LocationOf(node), $"'{key}' must be a number");
        return null;
    }

    public bool? Bool(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }
        if (node is YamlScalarNode { Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }
        _diagnostics.Error(DiagnosticCodes.InvalidValue, LocationOf(node), $"'{key}' must be true or false");
        return null;
    }

    /// <summary>A list of text values; a single value is accepted as a list of one.</summary>
    public IReadOnlyList<(string Value, SourceLocation Location)> StringList(string key)
    {
        var node = Node(key);
        switch (node)
        {
            case null or YamlScalarNode { Value: null or "" }:
                return [];
            case YamlScalarNode scalar:
                return [(scalar.Value!, LocationOf(scalar))];
            case YamlSequenceNode sequence:
                var list = new List<(string, SourceLocation)>();
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: { } value })
                    {
                        list.Add((value, LocationOf(item)));
                    }
                    else
                    {
                        _diagnostics.Error(DiagnosticCodes.InvalidValue, LocationOf(item), $"'{key}' must be a list of text values");
                    }
                }
                return list;
            default:
                _diagnostics.Error(DiagnosticCodes.InvalidValue, LocationOf(node), $"'{key}' must be a list");
                return [];
        }
    }

    public YamlMap? Map(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }
        if (node is YamlMappingNode mapping)
        {
            return new YamlMap(mapping, DisplayPath, FirstLine, _diagnostics);
        }
        _diagnostics.Error(DiagnosticCodes.InvalidValue, LocationOf(node), $"'{key}' must be a mapping of keys to values");
        return null;
    }

    public IReadOnlyList<YamlMap> MapList(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required)
            {
                _diagnostics.Error(DiagnosticCodes.RequiredKeyMissing, Location, $"'{key}' is required");
            }
            return [];
        }
        if (node is not YamlSequenceNode sequence)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidValue, LocationOf(node), $"'{key}' must be a list");
            return [];
        }
        var maps = new List<YamlMap>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlMappingNode mapping)
            {
                maps.Add(new YamlMap(mapping, DisplayPath, FirstLine, _diagnostics));
            }
            else
            {
                _diagnostics.Error(DiagnosticCodes.InvalidValue, LocationOf(item), $"each item of '{key}' must be a mapping");
            }
        }
        return maps;
    }

    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
