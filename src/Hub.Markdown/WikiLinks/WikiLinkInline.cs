using Markdig.Syntax.Inlines;

namespace Hub.Markdown.WikiLinks;

/// <summary>
/// A wikilink as written: <c>[[target]]</c>, <c>[[target|label]]</c>, <c>[[target#anchor]]</c>,
/// <c>[[section/target#anchor|label]]</c>. What it links to is the site's to say (<see cref="WikiLinkResolution"/>).
/// </summary>
public sealed class WikiLinkInline : LeafInline
{
    /// <summary>The text between <c>[[</c> and <c>]]</c>, as written: the key a page's resolution map uses.</summary>
    public required string Raw { get; init; }

    /// <summary>The part before the last <c>/</c> of the target (<c>kpis</c> in <c>[[kpis/churn-rate]]</c>), or null.</summary>
    public string? Qualifier { get; init; }

    /// <summary>The slug: <c>churn-rate</c>; empty for a link to an anchor of the same page (<c>[[#見出し]]</c>).</summary>
    public required string Slug { get; init; }

    /// <summary>The anchor after <c>#</c>, or null.</summary>
    public string? Anchor { get; init; }

    /// <summary>The text after <c>|</c>, or null: the link then shows its target's title.</summary>
    public string? Label { get; init; }
}
