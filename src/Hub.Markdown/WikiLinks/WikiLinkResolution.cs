namespace Hub.Markdown.WikiLinks;

/// <summary>
/// What a wikilink becomes in the page: its URL, its text (the label written, else the target's title), and, when
/// the link falls back to a page of another language, that language's code and the marker shown after the text.
/// </summary>
public sealed record WikiLinkResolution(string Url, string Text, string? OtherLang = null, string? Marker = null);
