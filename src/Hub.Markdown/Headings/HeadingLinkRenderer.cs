using Markdig.Renderers;
using Markdig.Renderers.Html;
using Hub.Markdown.Text;
using Markdig.Syntax;

namespace Hub.Markdown.Headings;

/// <summary>
/// Renders headings as Markdig does, and gives each level-2 and level-3 heading with an id a link to itself after its
/// text (<c>&lt;a class="heading-link" href="#id" aria-label="…"&gt;</c>): a plain link to the anchor without
/// script, which the theme's script also copies to the clipboard. <paramref name="label"/> names the link from the
/// heading's plain text in the page's language.
/// </summary>
public sealed class HeadingLinkRenderer(Func<string, string> label) : HtmlObjectRenderer<HeadingBlock>
{
    private static readonly string[] Tags = ["h1", "h2", "h3", "h4", "h5", "h6"];

    protected override void Write(HtmlRenderer renderer, HeadingBlock obj)
    {
        var tag = Tags[Math.Clamp(obj.Level, 1, 6) - 1];
        if (renderer.EnableHtmlForBlock)
        {
            renderer.Write('<').Write(tag).WriteAttributes(obj).Write('>');
        }
        renderer.WriteLeafInline(obj);
        if (renderer.EnableHtmlForBlock)
        {
            if (obj.Level is 2 or 3 && obj.TryGetAttributes()?.Id is { Length: > 0 } id)
            {
                renderer.Write(" <a class=\"heading-link\" href=\"#").WriteEscapeUrl(id).Write("\" aria-label=\"")
                    .WriteEscape(label(InlineText.Of(obj.Inline))).Write("\"><span aria-hidden=\"true\">#</span></a>");
            }
            renderer.Write("</").Write(tag).WriteLine(">");
        }
        renderer.EnsureLine();
    }
}
