using Hub.Markdown.WikiLinks;

namespace Hub.Site.Links;

/// <summary>
/// What a page's links become once resolved (<see cref="LinkResolver.Resolve(Content.ContentPage)"/>): the URL each
/// link's URL as written emits, what each wikilink (by its text as written) shows, and the links to other pages.
/// </summary>
public sealed record PageLinks(IReadOnlyDictionary<string, string> Urls, IReadOnlyDictionary<string, WikiLinkResolution> WikiLinks, IReadOnlyList<LinkEdge> Edges)
{
    public static readonly PageLinks None = new(new Dictionary<string, string>(), new Dictionary<string, WikiLinkResolution>(), []);
}
