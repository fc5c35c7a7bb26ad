using Hub.Core.Diagnostics;
using Hub.Search;
using Hub.Site.Config;
using Hub.Site.Content;
using Hub.Site.Rendering;
using Hub.Site.Yaml;
using Scriban.Runtime;
using YamlDotNet.RepresentationModel;

namespace Hub.Site.Tests.Kinds;

/// <summary>A note: a short text with a title (a toy kind; Hub's own glossary is <c>Hub.Site.Content.Glossary</c>).</summary>
public sealed class NotePage : ContentPage
{
    public required string Definition { get; init; }
}

/// <summary>
/// A content kind defined outside Hub, as docs/architecture.md's "Adding a content kind" recipe builds it:
/// <c>input/notes/*.yml</c> with the common header keys and a <c>definition</c>, rendered by a <c>note</c> layout.
/// </summary>
public sealed class NoteKind : ContentKind
{
    public const string SearchKind = "note";

    private static readonly HashSet<string> Keys = new(PageHeader.CommonKeys, StringComparer.Ordinal) { "definition" };

    public override string Name => "note";

    public override string Section => "notes";

    public override string Layout => "note";

    public override string Pattern => "*.yml";

    public override ContentPage? Load(string path, string displayPath, SiteConfig config, DiagnosticBag diagnostics)
    {
        if (YamlSource.Load(TextFile.Read(path), displayPath, 1, diagnostics) is not YamlMappingNode node)
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, new SourceLocation(displayPath, 1, 1), "a note must be a mapping with title and definition");
            return null;
        }
        var map = new YamlMap(node, displayPath, 1, diagnostics);
        map.ReportUnknownKeys(Keys, "a note", Severity.Error);
        var header = PageHeader.Read(map, path, config, diagnostics);
        var definition = map.String("definition", required: true);
        return definition is null ? null : new NotePage { Kind = this, SourcePath = path, DisplayPath = displayPath, Header = header, Definition = definition };
    }

    public override IEnumerable<(string Key, object? Value)> SummaryFields(ContentPage page) => [("definition", ((NotePage)page).Definition)];

    public override string ModelName => "note";

    public override ScriptObject BuildModel(ContentPage page, ModelBuilder models) =>
        ModelBuilder.Obj(("note", page.Title), ("definition", ((NotePage)page).Definition));

    public override IReadOnlyList<string> SearchKinds => [SearchKind];

    public override IEnumerable<SearchDocument> SearchDocuments(ContentPage page, ModelBuilder models)
    {
        yield return new SearchDocument(SearchKind, page.Lang, page.RootUrl, page.Title, models.SectionTitle(page.Lang, page.Section),
            page.Header.Summary, ((NotePage)page).Definition, [], page.Header.Tags);
    }

    /// <summary>No JSON Schema describes a note: the schema line is left out.</summary>
    public override string Scaffold(string schemaLine, string lang, string slug) => $"title: {slug}\nlang: {lang}\ndefinition: What {slug} means.\n";
}
