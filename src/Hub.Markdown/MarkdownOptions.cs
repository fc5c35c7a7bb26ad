namespace Hub.Markdown;

/// <summary>
/// What a site tells the Markdown library about itself. The library knows no site vocabulary: which
/// <c>:::name</c> containers are embeds and which element ids the page around a body already uses come from here.
/// </summary>
public sealed class MarkdownOptions
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>No embeds and no reserved ids: every custom container renders as Markdig renders it.</summary>
    public static readonly MarkdownOptions Default = new();

    /// <summary>The names of the custom containers that are embeds (<c>:::name arguments</c>), compared ordinally.</summary>
    public IReadOnlySet<string> EmbedKinds { get; init; } = None;

    /// <summary>Element ids a heading must never get (it gets <c>id-1</c> … instead).</summary>
    public IReadOnlySet<string> ReservedIds { get; init; } = None;

    /// <summary>Whether <c>[[target]]</c> is a wikilink (<see cref="WikiLinks.WikiLinkInline"/>); off, it is text as in CommonMark.</summary>
    public bool WikiLinks { get; init; }
}
