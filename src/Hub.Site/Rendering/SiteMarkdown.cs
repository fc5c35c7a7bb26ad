using Hub.Markdown;
using Hub.Site.Content;

namespace Hub.Site.Rendering;

/// <summary>The site's vocabulary handed to Hub.Markdown: the embeds <see cref="EmbedRenderer"/> renders and the ids the theme reserves.</summary>
public static class SiteMarkdown
{
    public static readonly MarkdownOptions Options = new()
    {
        EmbedKinds = new HashSet<string>(StringComparer.Ordinal) { EmbedRenderer.KpiEmbed, EmbedRenderer.QuestionsEmbed },
        ReservedIds = ThemeIds.Reserved,
        WikiLinks = true,
    };
}
