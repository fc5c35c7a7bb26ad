using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Hub.Markdown.WikiLinks;

/// <summary>
/// Writes a wikilink as its resolution says (<c>&lt;a class="wikilink"&gt;</c>, with the other language's marker
/// after the text), or as the text written when the site gave none.
/// </summary>
internal sealed class HtmlWikiLinkRenderer(Func<WikiLinkInline, WikiLinkResolution?>? resolve) : HtmlObjectRenderer<WikiLinkInline>
{
    protected override void Write(HtmlRenderer renderer, WikiLinkInline obj)
    {
        if (resolve?.Invoke(obj) is not { } link)
        {
            renderer.WriteEscape("[[" + obj.Raw + "]]");
            return;
        }
        renderer.Write("<a class=\"wikilink");
        if (link.OtherLang is not null)
        {
            renderer.Write(" wikilink-other-lang");
        }
        renderer.Write("\" href=\"").WriteEscapeUrl(link.Url).Write('"');
        if (link.OtherLang is { } lang)
        {
            renderer.Write(" hreflang=\"").WriteEscape(lang).Write("\">");
            // The target's title is in its own language; a label the author wrote is in the page's.
            if (obj.Label is null)
            {
                renderer.Write("<span lang=\"").WriteEscape(lang).Write("\">").WriteEscape(link.Text).Write("</span>");
            }
            else
            {
                renderer.WriteEscape(link.Text);
            }
            if (link.Marker is { } marker)
            {
                renderer.Write(" <span class=\"wikilink-lang\">").WriteEscape(marker).Write("</span>");
            }
            renderer.Write("</a>");
            return;
        }
        renderer.Write('>').WriteEscape(link.Text).Write("</a>");
    }
}
