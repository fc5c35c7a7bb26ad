using System.Net;
using Markdig.Extensions.Alerts;
using Markdig.Helpers;
using Markdig.Renderers;

namespace Hub.Markdown;

/// <summary>Alert titles (<c>&gt; [!WARNING]</c>) in the page's language, keeping Markdig's icon.</summary>
internal static class Alerts
{
    /// <summary>
    /// Writes Markdig's title (its icon, then the kind in English) with the text after the icon replaced by
    /// <paramref name="title"/>'s for the kind; a kind it has no title for keeps the English one.
    /// </summary>
    public static Action<HtmlRenderer, StringSlice> LocalizedTitle(Func<string, string?> title) => (renderer, kind) =>
    {
        using var buffer = new StringWriter();
        AlertBlockRenderer.DefaultRenderKind(new HtmlRenderer(buffer), kind);
        var html = buffer.ToString();
        var iconEnd = html.LastIndexOf("</svg>", StringComparison.Ordinal);
        var titleEnd = html.LastIndexOf("</p>", StringComparison.Ordinal);
        if (title(kind.ToString().ToLowerInvariant()) is { Length: > 0 } text && iconEnd >= 0 && titleEnd > iconEnd)
        {
            iconEnd += "</svg>".Length;
            html = html[..iconEnd] + WebUtility.HtmlEncode(text) + html[titleEnd..];
        }
        renderer.Write(html);
    };
}
