using Hub.Core.Diagnostics;
using Hub.Site.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hub.Site.Content.Kpis;

/// <summary>
/// Finds where each line of a <c>formula:</c> value is in the file, so that a diagnostic inside a multi-line formula
/// (<c>formula: |</c>, <c>formula: &gt;</c>, or a plain or quoted value that goes on to the next lines) points at its
/// own line and column rather than at the key's. YAML removes each line's indentation (and folds line breaks into
/// spaces for <c>&gt;</c> and flow values), so each source line's text is looked up in the value in order.
/// </summary>
public static class FormulaLines
{
    public static FormulaText Of(string expression, YamlScalarNode scalar, YamlMap map, string yaml)
    {
        var start = map.LocationOf(scalar);
        var block = scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded;
        var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
        var lines = new List<FormulaLine>();
        if (!block)
        {
            lines.Add(new FormulaLine(0, start.Line, start.Column + (quoted ? 1 : 0)));
        }
        var first = (int)scalar.Start.Line;
        var last = (int)scalar.End.Line;
        if (last > first)
        {
            var source = yaml.Split('\n');
            var cursor = lines.Count == 0 ? 0 : FirstLineLength(source[first - 1], (int)scalar.Start.Column, quoted);
            var indent = -1;
            // Lines are 1-based: source[first] is the line after the one the value starts on.
            for (var i = first; i < last && i < source.Length; i++)
            {
                var text = source[i].TrimEnd('\r');
                var content = text.TrimStart(' ', '\t');
                if (block && content.Length > 0)
                {
                    // A block scalar ends at the first line indented less than its first; its end mark may be there.
                    indent = indent < 0 ? text.Length - content.Length : indent;
                    if (text.Length - content.Length < indent)
                    {
                        break;
                    }
                }
                var found = FindPrefix(expression, content.TrimEnd(), cursor, out var length);
                if (found < 0)
                {
                    continue;
                }
                lines.Add(new FormulaLine(found, start.Line + (i + 1 - first), text.Length - content.Length + 1));
                cursor = found + length;
            }
        }
        if (lines.Count == 0)
        {
            lines.Add(new FormulaLine(0, start.Line, start.Column));
        }
        return new FormulaText(expression, start, lines);
    }

    /// <summary>How much of the value the first line holds (a flow value's text runs to the end of its line).</summary>
    private static int FirstLineLength(string line, int column, bool quoted) =>
        Math.Max(0, line.TrimEnd('\r').TrimEnd().Length - (column - 1) - (quoted ? 1 : 0));

    /// <summary>Where the longest prefix of <paramref name="content"/> occurs in the value from <paramref name="cursor"/>
    /// on: a line's text may end in a closing quote or a flow mapping's comma, or hold an escape the value resolved.</summary>
    private static int FindPrefix(string value, string content, int cursor, out int length)
    {
        cursor = Math.Min(cursor, value.Length);
        for (length = content.Length; length > 0; length--)
        {
            var found = value.IndexOf(content[..length], cursor, StringComparison.Ordinal);
            if (found >= 0)
            {
                return found;
            }
        }
        return -1;
    }
}
