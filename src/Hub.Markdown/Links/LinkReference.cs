using Markdig.Syntax.Inlines;

namespace Hub.Markdown.Links;

/// <summary>A link or image written in a page, with its position in the Markdown body (0-based line and column).</summary>
public sealed record LinkReference(LinkInline Inline, string Url, int Line, int Column)
{
    public bool IsImage => Inline.IsImage;
}
