using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace Hub.Markdown.WikiLinks;

/// <summary>
/// Parses <c>[[…]]</c> into a <see cref="WikiLinkInline"/> when the page's <see cref="MarkdownOptions.WikiLinks"/>
/// is on (read from the parser context, as the pipeline is shared by every page). The text between the brackets
/// stays on one line and holds no bracket, and no <c>[</c> comes just before; anything else is left to Markdig's own link parser.
/// </summary>
internal sealed class WikiLinkParser : InlineParser
{
    /// <summary>The parser context property that turns wikilinks on for one parse.</summary>
    public const string ContextKey = "hub.wikilinks";

    public WikiLinkParser()
    {
        OpeningCharacters = ['['];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (processor.Context?.Properties.TryGetValue(ContextKey, out var on) != true || on is not true
            || slice.PeekChar(1) != '['
            // A run of three or more brackets is brackets, not a wikilink inside one.
            || slice.PeekCharExtra(-1) == '[')
        {
            return false;
        }
        var text = slice.Text;
        var start = slice.Start;
        var end = -1;
        for (var i = start + 2; i < slice.End; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '[')
            {
                return false;
            }
            if (c == ']')
            {
                if (text[i + 1] != ']')
                {
                    return false;
                }
                end = i;
                break;
            }
        }
        if (end < 0)
        {
            return false;
        }
        var raw = text[(start + 2)..end];
        var pipe = raw.IndexOf('|', StringComparison.Ordinal);
        var label = pipe < 0 ? null : raw[(pipe + 1)..].Trim();
        var target = (pipe < 0 ? raw : raw[..pipe]).Trim();
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var anchor = hash < 0 ? null : target[(hash + 1)..].Trim();
        var path = (hash < 0 ? target : target[..hash]).Trim();
        if (path.Length == 0 && string.IsNullOrEmpty(anchor))
        {
            return false;
        }
        var slash = path.LastIndexOf('/');
        var inline = new WikiLinkInline
        {
            Raw = raw,
            Qualifier = slash < 0 ? null : path[..slash],
            Slug = slash < 0 ? path : path[(slash + 1)..],
            Anchor = string.IsNullOrEmpty(anchor) ? null : anchor,
            Label = string.IsNullOrEmpty(label) ? null : label,
            Span = new SourceSpan(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(end + 1)),
            Line = line,
            Column = column,
        };
        processor.Inline = inline;
        slice.Start = end + 2;
        return true;
    }
}
