using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace Hub.Markdown.Text;

/// <summary>
/// Renders a soft line break between two Japanese or Chinese characters as nothing (<see cref="EastAsianBreaks"/>):
/// a browser shows a newline as a space, which splits a Japanese sentence wherever its source line was broken.
/// Every other break renders as Markdig renders it.
/// </summary>
internal sealed class EastAsianLineBreakRenderer : HtmlObjectRenderer<LineBreakInline>
{
    private readonly LineBreakInlineRenderer _default = new();

    protected override void Write(HtmlRenderer renderer, LineBreakInline obj)
    {
        if (Vanishes(obj))
        {
            return;
        }
        _default.Write(renderer, obj);
    }

    /// <summary>True for a soft break between two Japanese or Chinese characters, which shows as nothing.</summary>
    public static bool Vanishes(LineBreakInline obj) =>
        !obj.IsHard && LastChar(obj.PreviousSibling) is { } before && FirstChar(obj.NextSibling) is { } after && EastAsianBreaks.Joins(before, after);

    /// <summary>The last character an inline shows, looking into emphasis and links; null for code, images and the like.</summary>
    private static int? LastChar(Inline? inline) => inline switch
    {
        LiteralInline { Content: var content } when content.Length > 0 => EastAsianBreaks.CodePointBefore(content.ToString(), content.Length),
        ContainerInline container and not LinkInline { IsImage: true } => LastChar(container.LastChild),
        _ => null,
    };

    private static int? FirstChar(Inline? inline) => inline switch
    {
        LiteralInline { Content: var content } when content.Length > 0 => EastAsianBreaks.CodePointAt(content.ToString(), 0),
        ContainerInline container and not LinkInline { IsImage: true } => FirstChar(container.FirstChild),
        _ => null,
    };
}
