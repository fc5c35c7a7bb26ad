using Hub.Core.Diagnostics;
using Hub.Search;
using Hub.Site.Config;
using Hub.Site.Content;
using Hub.Site.Rendering;
using Hub.Site.Yaml;
using Scriban.Runtime;
using YamlDotNet.RepresentationModel;

namespace Hub.Site.Tests.Kinds;

/// <summary>A glossary term: its title is the term; it has a definition.</summary>
public sealed class GlossaryPage : ContentPage
{
    public required string Definition { get; init; }
}

/// <summary>
/// A content kind defined outside Hub, as docs/architecture.md's "Adding a content kind" recipe builds it:
/// <c>input/glossary/*.yml</c> with the common header keys and a <c>definition</c>, rendered by a <c>term</c> layout.
/// </summary>
public sealed class GlossaryKind : ContentKind
{
    public const string SearchKind = "term";

    private static readonly HashSet<string> Keys = new(PageHeader.CommonKeys, StringComparer.Ordinal) { "definition" };

    public override string Name => "term";

    public override string Section => "glossary";

    public override string Layout => "term";

    public override string Pattern => "*.yml";

    public override ContentPage? Load(string path, string displayPath, SiteConfig config, DiagnosticBag diagnostics)
    {
        if (YamlSource.Load(TextFile.Read(path), displayPath, 1, diagnostics) is not YamlMappingNode node)
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, new SourceLocation(displayPath, 1, 1), "a glossary term must be a mapping with title and definition");
            return null;
        }
        var map = new YamlMap(node, displayPath, 1, diagnostics);
        map.ReportUnknownKeys(Keys, "a glossary term", Severity.Error);
        var header = PageHeader.Read(map, path, config, diagnostics);
        var definition = map.String("definition", required: true);
        return definition is null ? null : new GlossaryPage { Kind = this, SourcePath = path, DisplayPath = displayPath, Header = header, Definition = definition };
    }

    public override IEnumerable<(string Key, object? Value)> SummaryFields(ContentPage page) => [("definition", ((GlossaryPage)page).Definition)];

    public override string ModelName => "term";

    public override ScriptObject BuildModel(ContentPage page, ModelBuilder models) =>
        ModelBuilder.Obj(("term", page.Title), ("definition", ((GlossaryPage)page).Definition));

    public override IReadOnlyList<string> SearchKinds => [SearchKind];

    public override IEnumerable<SearchDocument> SearchDocuments(ContentPage page, ModelBuilder models)
    {
        yield return new SearchDocument(SearchKind, page.Lang, page.RootUrl, page.Title, models.SectionTitle(page.Lang, page.Section),
            page.Header.Summary, ((GlossaryPage)page).Definition, [], page.Header.Tags);
    }

    /// <summary>No JSON Schema describes a glossary term: the schema line is left out.</summary>
    public override string Scaffold(string schemaLine, string lang, string slug) => $"title: {slug}\nlang: {lang}\ndefinition: What {slug} means.\n";
}
