using Hub.Core.Diagnostics;
using Hub.Markdown;
using Hub.Site.Config;
using Hub.Site.Yaml;
using YamlDotNet.RepresentationModel;

namespace Hub.Site.Content;

/// <summary>A Markdown file read from disk: its front matter as a located map, its header and its parsed body.</summary>
/// <remarks><paramref name="Yaml"/> is the front matter's text, for locating inside multi-line values.</remarks>
public sealed record MarkdownSource(YamlMap Map, PageHeader Header, MarkdownPage Body, int BodyFirstLine, string Yaml)
{
    public static MarkdownSource? Read(string path, string displayPath, SiteConfig config, DiagnosticBag diagnostics)
    {
        var text = TextFile.Read(path);
        if (ControlCharacters.IndexOf(text) is >= 0 and var offset)
        {
            diagnostics.Error(DiagnosticCodes.ControlCharacter, new Hub.Core.Diagnostics.SourceText(displayPath, text).Locate(offset),
                ControlCharacters.Describe(text, offset), ControlCharacters.Hint);
            return null;
        }
        var split = FrontMatter.Split(text);
        if (split.Unclosed)
        {
            diagnostics.Error(DiagnosticCodes.FrontMatterUnclosed, new SourceLocation(displayPath, 1, 1),
                "front matter starts with '---' but has no closing '---' line");
            return null;
        }
        if (split.Yaml is null)
        {
            diagnostics.Error(DiagnosticCodes.RequiredKeyMissing, new SourceLocation(displayPath, 1, 1),
                "the page has no front matter", "start the file with a '---' line, 'title: …' and another '---' line");
            return null;
        }
        var root = YamlSource.Load(split.Yaml, displayPath, split.YamlFirstLine, diagnostics);
        if (root is null)
        {
            return null;
        }
        if (root is not YamlMappingNode mapping)
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, new SourceLocation(displayPath, split.YamlFirstLine, 1), "front matter must be a mapping of keys to values");
            return null;
        }
        var map = new YamlMap(mapping, displayPath, split.YamlFirstLine, diagnostics);
        var header = PageHeader.Read(map, path, config, diagnostics);
        return ParseBody(split, displayPath, diagnostics) is { } body ? new MarkdownSource(map, header, body, split.BodyFirstLine, split.Yaml) : null;
    }

    /// <summary>
    /// Parses the body unless it nests deeper than Hub allows (<see cref="MarkdownDepthGuard"/>), which is reported
    /// where it happens; a limit Markdig still hits is reported at the body's first line.
    /// </summary>
    private static MarkdownPage? ParseBody(FrontMatter split, string displayPath, DiagnosticBag diagnostics)
    {
        if (MarkdownDepthGuard.Find(split.Body) is { } excess)
        {
            diagnostics.Error(DiagnosticCodes.MarkdownTooDeep, new SourceLocation(displayPath, excess.Line + split.BodyFirstLine - 1, excess.Column),
                excess.Inline
                    ? $"links, images or emphasis nested more than {MarkdownDepthGuard.Limit} levels deep"
                    : $"block quotes or lists nested more than {MarkdownDepthGuard.Limit} levels deep",
                "flatten the nesting");
            return null;
        }
        try
        {
            return MarkdownPage.Parse(split.Body, Rendering.SiteMarkdown.Options);
        }
        catch (ArgumentException)
        {
            // Markdig's own depth limit: only nesting the guard undercounts gets here.
            diagnostics.Error(DiagnosticCodes.MarkdownTooDeep, new SourceLocation(displayPath, split.BodyFirstLine, 1),
                "the Markdown is nested too deeply to read", "flatten the block quotes, lists, links and emphasis");
            return null;
        }
    }
}
