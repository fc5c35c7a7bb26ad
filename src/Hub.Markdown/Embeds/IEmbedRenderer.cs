namespace Hub.Markdown.Embeds;

/// <summary>Renders the HTML of an embed; the site decides what each kind shows.</summary>
public interface IEmbedRenderer
{
    /// <summary>HTML for the embed, or null to render the container as Markdig does by default.</summary>
    string? Render(EmbedReference embed);
}
