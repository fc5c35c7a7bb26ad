namespace Hub.Markdown.Headings;

/// <summary>A heading of a page: its level, plain text and anchor id.</summary>
public sealed record HeadingInfo(int Level, string Text, string Id);
