namespace Hub.Markdown.Links;

/// <summary>
/// A URL a page's Markdown puts into its HTML (a link, an image, an autolink, a reference definition a link uses),
/// as written, with the position of the URL itself in the Markdown body (0-based line and column).
/// </summary>
public sealed record UrlReference(string Url, int Line, int Column);
