namespace Hub.Markdown.WikiLinks;

/// <summary>A wikilink written in a page, with the position of its <c>[[</c> in the Markdown body (0-based line and column).</summary>
public sealed record WikiLinkReference(WikiLinkInline Inline, int Line, int Column)
{
    public string Raw => Inline.Raw;
}
