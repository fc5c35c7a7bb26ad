using Hub.Markdown.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hub.Site.Yaml;

/// <summary>
/// YAML folds a line break inside a folded (<c>&gt;</c>, <c>&gt;-</c>) or plain scalar into a space; between two
/// Japanese characters that space splits the sentence where the source line was broken. This takes it out again,
/// by the same rule Markdown's soft breaks follow (<see cref="EastAsianBreaks"/>), so both kinds of text read alike.
/// </summary>
internal static class EastAsianFolding
{
    public static void Apply(YamlNode root, string text)
    {
        var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<YamlNode>();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            if (!seen.Add(node))
            {
                continue;
            }
            switch (node)
            {
                case YamlScalarNode { Value: { } value, Style: ScalarStyle.Folded or ScalarStyle.Plain } scalar when Span(text, scalar) is { } raw && raw.Contains('\n'):
                    var lines = raw.Split('\n');
                    // A folded scalar's first line is its header (">-"), not its text.
                    scalar.Value = EastAsianBreaks.Refold(value, scalar.Style == ScalarStyle.Folded ? lines[1..] : lines);
                    break;
                case YamlMappingNode mapping:
                    foreach (var (key, child) in mapping.Children)
                    {
                        pending.Push(key);
                        pending.Push(child);
                    }
                    break;
                case YamlSequenceNode sequence:
                    foreach (var item in sequence.Children)
                    {
                        pending.Push(item);
                    }
                    break;
            }
        }
    }

    private static string? Span(string text, YamlNode node)
    {
        var start = (int)node.Start.Index;
        var end = (int)node.End.Index;
        return start >= 0 && end <= text.Length && end > start ? text[start..end] : null;
    }
}
