namespace Hub.Search;

/// <summary>
/// One search result: a page, or one catalogue question (its <see cref="Url"/> ends with <c>#id</c>).
/// All text is plain text (no markup); <see cref="Url"/> is a path from the site root, without the base path: the
/// browser resolves it under whatever prefix serves the site, so one index works at any path.
/// </summary>
/// <param name="Kind"><c>article</c>, <c>catalogue</c>, <c>question</c>, <c>kpi</c> or <c>term</c> (a content kind's own).</param>
/// <param name="Lang">The language whose index holds the document (<c>ja</c>, <c>ko</c>, <c>en</c>…).</param>
/// <param name="Url">e.g. <c>/ja/catalogues/csm-hiring/#q-07</c>.</param>
/// <param name="Title">The page title, or the question's text.</param>
/// <param name="Section">A human label of where the result lives, e.g. the catalogue's title.</param>
/// <param name="Summary">The summary, a question's intent, a KPI's definition.</param>
/// <param name="Body">The rest of the text: article body, a question's look-fors and follow-ups, a KPI's body.</param>
/// <param name="Headings">Headings of the page.</param>
/// <param name="Tags">Tags, and any short keyword worth a title-level match (a KPI's abbreviation).</param>
public sealed record SearchDocument(
    string Kind,
    string Lang,
    string Url,
    string Title,
    string Section,
    string Summary,
    string Body,
    IReadOnlyList<string> Headings,
    IReadOnlyList<string> Tags)
{
    /// <summary>
    /// The headings of <see cref="Body"/> that readers can land on (<c>#id</c>), in order: a match under one is shown as a
    /// sub-result linking to it. Each title is found as a line of the body (a heading is a block of its own).
    /// </summary>
    public IReadOnlyList<SearchSection> Sections { get; init; } = [];
}

/// <summary>A heading of a document's body: its anchor (<c>id</c>) and its text.</summary>
public sealed record SearchSection(string Id, string Title);
