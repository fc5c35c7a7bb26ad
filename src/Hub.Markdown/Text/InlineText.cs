using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Hub.Markdown.Text;

/// <summary>Plain text of Markdown nodes, for heading ids, tables of contents and search.</summary>
public static class InlineText
{
    public static string Of(ContainerInline? inline)
    {
        var sb = new StringBuilder();
        Append(inline, sb);
        return sb.ToString().Trim();
    }

    public static void Append(Inline? inline, StringBuilder sb) => Append(inline, sb, abbreviations: false);

    /// <param name="abbreviations">Whether an abbreviation (<c>*[ARR]: …</c>, rendered <c>&lt;abbr&gt;</c>) keeps its word: the
    /// document's text does (search would read "the  grew" otherwise); heading ids and tables of contents keep the ids they
    /// were given.</param>
    private static void Append(Inline? inline, StringBuilder sb, bool abbreviations)
    {
        switch (inline)
        {
            case null:
                return;
            case Markdig.Extensions.Abbreviations.AbbreviationInline abbreviation:
                if (abbreviations)
                {
                    sb.Append(abbreviation.Abbreviation.Label);
                }
                return;
            case LiteralInline literal:
                sb.Append(literal.Content.AsSpan());
                return;
            case CodeInline code:
                sb.Append(code.Content);
                return;
            case LineBreakInline lineBreak:
                if (!EastAsianLineBreakRenderer.Vanishes(lineBreak))
                {
                    sb.Append(' ');
                }
                return;
            case WikiLinks.WikiLinkInline wikiLink:
                sb.Append(wikiLink.Label ?? wikiLink.Slug);
                return;
            case HtmlEntityInline entity:
                sb.Append(entity.Transcoded.AsSpan());
                return;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    Append(child, sb, abbreviations);
                }
                return;
        }
    }

    /// <summary>All text of a document, block by block, separated by newlines.</summary>
    public static string OfDocument(MarkdownDocument document)
    {
        var sb = new StringBuilder();
        foreach (var block in document.Descendants())
        {
            switch (block)
            {
                case LeafBlock { Inline: { } inline }:
                    Append(inline, sb, abbreviations: true);
                    sb.Append('\n');
                    break;
                case CodeBlock code:
                    sb.Append(code.Lines.ToString()).Append('\n');
                    break;
            }
        }
        return sb.ToString();
    }
}
