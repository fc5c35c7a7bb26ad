using Hub.Core.Diagnostics;
using Hub.Site.Content;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hub.Site.Yaml;

/// <summary>
/// Loads YAML into YamlDotNet's node tree and turns its errors into located diagnostics. <paramref name="firstLine"/>
/// is the file line the YAML text starts on (front matter starts on line 2), so every location is in the file.
/// Text a page cannot carry (<see cref="ControlCharacters"/>) and nesting the parser could not survive
/// (<see cref="YamlDepthGuard"/>) are refused before YamlDotNet sees them; a control character written as an
/// escape (<c>"\x01"</c>) is refused at its value.
/// </summary>
public static class YamlSource
{
    public static YamlNode? Load(string text, string displayPath, int firstLine, DiagnosticBag diagnostics)
    {
        if (ControlCharacters.IndexOf(text) is >= 0 and var offset)
        {
            var location = new Hub.Core.Diagnostics.SourceText(displayPath, text).Locate(offset);
            diagnostics.Error(DiagnosticCodes.ControlCharacter, location with { Line = location.Line + firstLine - 1 },
                ControlCharacters.Describe(text, offset), ControlCharacters.Hint);
            return null;
        }
        if (YamlDepthGuard.Find(text) is var (line, column))
        {
            diagnostics.Error(DiagnosticCodes.YamlTooDeep, new SourceLocation(displayPath, line + firstLine - 1, column),
                $"YAML nested more than {YamlDepthGuard.Limit} levels deep", "flatten the lists and mappings");
            return null;
        }
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0)
            {
                return new YamlMappingNode();
            }
            var root = stream.Documents[0].RootNode;
            if (!CheckScalars(root, displayPath, firstLine, diagnostics))
            {
                return null;
            }
            EastAsianFolding.Apply(root, text);
            return root;
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException?.Message ?? ex.Message;
            // YamlDotNet prefixes messages with "(Line: …, Col: …, Idx: …) - (…): "; the location is ours to print.
            var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith("(Line:", StringComparison.Ordinal) && cut > 0)
            {
                message = message[(cut + 3)..];
            }
            diagnostics.Error(DiagnosticCodes.YamlSyntax, Locate(displayPath, firstLine, ex.Start), $"invalid YAML: {message}");
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet reports some malformed documents (an unclosed flow sequence) this way, without a mark.
            var mark = LastGoodMark(text);
            var location = mark is null ? new SourceLocation(displayPath, firstLine, 1) : Locate(displayPath, firstLine, mark.Value);
            diagnostics.Error(DiagnosticCodes.YamlSyntax, location, "invalid YAML: the value starting here is not closed", "check for an unclosed [, { or quote");
            return null;
        }
    }

    /// <summary>Reports every key and value whose text (after YAML's escapes) holds a character a page cannot carry.</summary>
    private static bool CheckScalars(YamlNode root, string displayPath, int firstLine, DiagnosticBag diagnostics)
    {
        var ok = true;
        // A loop, not recursion, and every node once: an alias makes the tree a graph.
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
                case YamlScalarNode { Value: { } value } when ControlCharacters.IndexOf(value) is >= 0 and var offset:
                    diagnostics.Error(DiagnosticCodes.ControlCharacter, Locate(displayPath, firstLine, node.Start),
                        ControlCharacters.Describe(value, offset), ControlCharacters.Hint);
                    ok = false;
                    break;
                case YamlMappingNode mapping:
                    foreach (var (key, value) in mapping.Children)
                    {
                        pending.Push(key);
                        pending.Push(value);
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
        return ok;
    }

    /// <summary>Where the parser last stood before it failed: the start of the value it could not finish.</summary>
    private static Mark? LastGoodMark(string text)
    {
        Mark? last = null;
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                if (parser.Current is { } current)
                {
                    last = current.Start;
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            return e is YamlException y ? y.Start : last;
        }
        return last;
    }

    public static SourceLocation Locate(string displayPath, int firstLine, Mark mark) =>
        new(displayPath, (int)mark.Line + firstLine - 1, (int)mark.Column);
}
