using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Hub.Markdown.Embeds;

/// <summary>Writes embeds through an <see cref="IEmbedRenderer"/>, and other custom containers as Markdig does.</summary>
internal sealed class HtmlEmbedRenderer(IReadOnlyDictionary<CustomContainer, EmbedReference> embeds, IEmbedRenderer embedRenderer)
    : HtmlObjectRenderer<CustomContainer>
{
    private readonly HtmlCustomContainerRenderer _fallback = new();

    protected override void Write(HtmlRenderer renderer, CustomContainer obj)
    {
        if (embeds.TryGetValue(obj, out var embed) && embedRenderer.Render(embed) is { } html)
        {
            renderer.EnsureLine();
            renderer.Write(html);
            renderer.EnsureLine();
            return;
        }
        _fallback.Write(renderer, obj);
    }
}
