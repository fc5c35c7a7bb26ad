using Markdig;
using Markdig.Parsers.Inlines;

namespace Hub.Markdown.WikiLinks;

/// <summary>Adds the wikilink parser to the shared pipeline, ahead of Markdig's link parser; it stays off unless a page's options turn it on.</summary>
internal static class WikiLinkExtension
{
    public static MarkdownPipelineBuilder Use(MarkdownPipelineBuilder builder)
    {
        builder.InlineParsers.InsertBefore<LinkInlineParser>(new WikiLinkParser());
        return builder;
    }
}
