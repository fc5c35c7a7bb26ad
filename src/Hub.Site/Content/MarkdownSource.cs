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
        var text = SourceText.Read(path);
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
        return new MarkdownSource(map, header, MarkdownPage.Parse(split.Body, ThemeIds.Reserved), split.BodyFirstLine, split.Yaml);
    }
}
