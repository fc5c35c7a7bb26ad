using Hub.Core.Diagnostics;
using Hub.Search;
using Hub.Site.Config;
using Hub.Site.Rendering;
using Scriban.Runtime;

namespace Hub.Site.Content;

/// <summary>
/// Everything Hub knows about one kind of content page (articles, catalogues, KPIs, or a kind a site adds), in one
/// object: where its files live, how one is loaded, what templates and search see of its pages, what an incremental
/// rebuild must redo when one changes, and what <c>hub new</c> writes. The loader, the renderer, the search step,
/// serve's incremental rebuild and <c>hub new</c> iterate the registered kinds (<see cref="ContentKinds"/>) instead
/// of naming them, as Markdig's pipeline iterates its extensions.
/// <para>
/// A kind is stateless: one instance serves every build. Its pages carry it (<see cref="ContentPage.Kind"/>).
/// </para>
/// </summary>
public abstract class ContentKind
{
    /// <summary>The kind's name for authors: <c>hub new &lt;name&gt;</c> and its JSON Schema (<c>schemas/{name}.schema.json</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The folder under <c>input/</c>, the URL segment of its pages (<c>/ja/{section}/slug/</c>) and its section page.</summary>
    public abstract string Section { get; }

    /// <summary>The theme layout its pages render with (<c>layouts/{layout}.scriban-html</c>), also the page model's <c>kind</c>.</summary>
    public abstract string Layout { get; }

    /// <summary>The file name pattern of its files in <see cref="Section"/>, e.g. <c>*.md</c>.</summary>
    public abstract string Pattern { get; }

    /// <summary>Whether files in sub-folders of <see cref="Section"/> are pages too (articles), or only the folder's own files.</summary>
    public virtual bool Recursive => false;

    /// <summary>Reads one file; null when it cannot become a page (each reason reported in <paramref name="diagnostics"/>).
    /// The page returned has <see cref="ContentPage.Kind"/> set to this kind.</summary>
    public abstract ContentPage? Load(string path, string displayPath, SiteConfig config, DiagnosticBag diagnostics);

    /// <summary>Whether <paramref name="relativePath"/> (from <c>input/</c>, '/'-separated) is one of its files, by the rules of
    /// <see cref="ContentLoader.Discover"/>.</summary>
    public bool Claims(string relativePath)
    {
        var slash = relativePath.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !relativePath.AsSpan(0, slash).SequenceEqual(Section))
        {
            return false;
        }
        var name = relativePath[(slash + 1)..];
        return (Recursive || !name.Contains('/', StringComparison.Ordinal))
            && System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(Pattern, Path.GetFileName(name), ignoreCase: false);
    }

    // ---- What templates see ----

    /// <summary>
    /// The fields of a page's list entry (<c>page</c> in section, tag and home lists) beyond the common ones, e.g. a
    /// KPI's abbreviation. A change to any of them re-renders the lists that show the page.
    /// </summary>
    public virtual IEnumerable<(string Key, object? Value)> SummaryFields(ContentPage page) => [];

    /// <summary>The name of the kind's own model in a page's template globals (<c>page.kpi</c>), or null when it has none.</summary>
    public virtual string? ModelName => null;

    /// <summary>
    /// The kind's own model of a page, built once and shared by its page and every embed of it. It may read any
    /// page's list entry (<see cref="ModelBuilder.Summary"/>), never another kind's model. Null when the kind has
    /// none (<see cref="ModelName"/> is null).
    /// </summary>
    public virtual ScriptObject? BuildModel(ContentPage page, ModelBuilder models) => null;

    /// <summary>The theme layout of its section page (<c>/ja/{section}/</c>): the shared list of pages unless the kind lays out its own (the glossary's index).</summary>
    public virtual string SectionLayout => "section";

    /// <summary>Adds the kind's own fields to its section page's model of <paramref name="lang"/> (the glossary's groups by initial), given its pages in list order.</summary>
    public virtual void AddSectionFields(ScriptObject model, string lang, IReadOnlyList<ContentPage> pages, ModelBuilder models)
    {
    }

    // ---- What the whole site checks ----

    /// <summary>Reports what <paramref name="page"/> says about other pages that the site contradicts (a related page that
    /// does not exist), once every page is loaded, in a full build and in serve's.</summary>
    public virtual void CheckReferences(ContentPage page, SiteContent site, DiagnosticBag diagnostics)
    {
    }

    // ---- What search sees ----

    /// <summary>
    /// Whether a wikilink by bare slug (<c>[[arr]]</c>) leaves this kind's page to a page of another kind with the same
    /// slug instead of calling the link ambiguous: a glossary term named like the KPI it explains does, since the term
    /// explains itself wherever it appears and the reader following the link wants the KPI.
    /// </summary>
    public virtual bool YieldsBareSlug => false;

    /// <summary>The kinds of search document it writes (<see cref="SearchDocument.Kind"/>); the search page filters by them.</summary>
    public virtual IReadOnlyList<string> SearchKinds => [ArticleSearchKind];

    /// <summary>The search document kind of a plain page.</summary>
    public const string ArticleSearchKind = "article";

    /// <summary>Its page's search documents: by default one of kind <c>article</c> with the page's text and headings.</summary>
    public virtual IEnumerable<SearchDocument> SearchDocuments(ContentPage page, ModelBuilder models)
    {
        yield return new SearchDocument(ArticleSearchKind, page.Lang, page.RootUrl, page.Title, models.SectionTitle(page.Lang, page.Section),
            page.Header.Summary, page.Body?.PlainText() ?? string.Empty, page.Body?.Headings.Select(h => h.Text).ToList() ?? [], page.Header.Tags)
        {
            Sections = SearchSections(page),
        };
    }

    /// <summary>The headings of <paramref name="page"/>'s body a search result can link to (<see cref="SearchDocument.Sections"/>).</summary>
    protected static IReadOnlyList<SearchSection> SearchSections(ContentPage page) =>
        page.Body?.Headings.Select(h => new SearchSection(h.Id, h.Text)).ToList() ?? [];

    // ---- What an incremental rebuild (hub serve) redoes ----

    /// <summary>
    /// Whether <c>hub serve</c> can take an edit of one of its files without a full build. KPIs cannot: their formulas
    /// feed the calculators' script, which only a full build writes.
    /// </summary>
    public virtual bool RebuildsIncrementally => true;

    /// <summary>The embed (<c>:::{name} slug</c>) that shows its pages inside others, or null: pages embedding a page are
    /// re-rendered when it or its model changes.</summary>
    public virtual string? EmbedName => null;

    /// <summary>
    /// The pages, of any kind, whose own model (<see cref="BuildModel"/>) reads <paramref name="page"/>, in
    /// <paramref name="site"/> as it is now: rebuilt when <paramref name="page"/> is added, edited or removed
    /// (a catalogue's questions are listed on the KPI pages they name).
    /// </summary>
    public virtual IEnumerable<ContentPage> ModelsReading(ContentPage page, SiteContent site) => [];

    /// <summary>
    /// Its own pages whose model (<see cref="BuildModel"/>) reads the list entry of <paramref name="changed"/>, a page of
    /// any kind, in <paramref name="site"/> as it is now: rebuilt when <paramref name="changed"/> is added, edited or
    /// removed (a glossary term lists its related pages by title).
    /// </summary>
    public virtual IEnumerable<ContentPage> PagesReading(ContentPage changed, SiteContent site) => [];

    // ---- hub new ----

    /// <summary>The extension of the file <c>hub new</c> writes (<c>.md</c>).</summary>
    public virtual string Extension => Path.GetExtension(Pattern);

    /// <summary>
    /// The text of a new, valid file of this kind for <c>hub new</c>, or null when the kind has no scaffold.
    /// <paramref name="schemaLine"/> is the comment that points YAML editors at the kind's JSON Schema.
    /// </summary>
    public virtual string? Scaffold(string schemaLine, string lang, string slug) => null;

    /// <summary>What <c>hub new</c> tells the author after writing the file, if anything (an article starts as a draft).</summary>
    public virtual string? ScaffoldNote => null;
}
