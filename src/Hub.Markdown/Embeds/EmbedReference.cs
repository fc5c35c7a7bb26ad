using Markdig.Extensions.CustomContainers;

namespace Hub.Markdown.Embeds;

/// <summary>
/// A <c>:::kind arguments</c> container (<c>:::kpi churn-rate</c>, <c>:::questions csm-hiring category=risk</c>).
/// Line and column are 0-based within the Markdown body.
/// </summary>
public sealed record EmbedReference(CustomContainer Container, string Kind, string Arguments, int Line, int Column);
