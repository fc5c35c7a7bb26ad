using Hub.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hub.Site.Yaml;

/// <summary>
/// Loads YAML into YamlDotNet's node tree and turns its errors into located diagnostics. <paramref name="firstLine"/>
/// is the file line the YAML text starts on (front matter starts on line 2), so every location is in the file.
/// Nesting the parser could not survive (<see cref="YamlDepthGuard"/>) is refused before YamlDotNet sees it.
/// </summary>
public static class YamlSource
{
    public static YamlNode? Load(string text, string displayPath, int firstLine, DiagnosticBag diagnostics)
    {
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
            return stream.Documents[0].RootNode;
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
