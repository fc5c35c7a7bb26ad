using Hub.Core.Diagnostics;
using Hub.Search;
using Hub.Site.Config;
using Hub.Site.Rendering;
using Hub.Site.Scaffolding;
using Scriban.Runtime;
using static Hub.Site.Scaffolding.Scaffolder;

namespace Hub.Site.Content.Glossary;

/// <summary>
/// <c>input/glossary/*.yml</c>: one term in one language per file (translations share the file name with a language
/// suffix, as for every kind). Each term has its page, the section page is an index grouped by initial
/// (<see cref="GlossaryInitials"/>), and each term is a search result of its own kind. Terms are explained wherever
/// they appear, so an edit of one needs a full build.
/// </summary>
public sealed class GlossaryKind : ContentKind
{
    /// <summary>The search document kind of a glossary term.</summary>
    public const string TermSearchKind = "term";

    public override string Name => "term";

    public override string Section => "glossary";

    public override string Layout => "term";

    public override string Pattern => "*.yml";

    public override string SectionLayout => "glossary";

    public override bool YieldsBareSlug => true;

    public override ContentPage? Load(string path, string displayPath, SiteConfig config, DiagnosticBag diagnostics) =>
        GlossaryLoader.Load(this, path, displayPath, config, diagnostics);

    public override IEnumerable<(string Key, object? Value)> SummaryFields(ContentPage page)
    {
        var term = (GlossaryPage)page;
        return [("reading", term.Reading), ("definition", term.Definition)];
    }

    public override string ModelName => "term";

    public override ScriptObject BuildModel(ContentPage page, ModelBuilder models) => GlossaryModel.Build(models, (GlossaryPage)page);

    public override void AddSectionFields(ScriptObject model, string lang, IReadOnlyList<ContentPage> pages, ModelBuilder models) =>
        model["groups"] = GlossaryModel.Groups(models, pages.OfType<GlossaryPage>());

    public override IReadOnlyList<string> SearchKinds => [TermSearchKind];

    public override IEnumerable<SearchDocument> SearchDocuments(ContentPage page, ModelBuilder models)
    {
        var term = (GlossaryPage)page;
        var text = string.Join('\n', term.Aliases.Select(a => a.Value).Prepend(term.Reading ?? string.Empty).Append(term.Definition));
        yield return new SearchDocument(TermSearchKind, term.Lang, term.RootUrl, term.Title, models.SectionTitle(term.Lang, term.Section),
            term.Definition, text, [], term.Header.Tags);
    }

    public override void CheckReferences(ContentPage page, SiteContent site, DiagnosticBag diagnostics) =>
        GlossaryChecks.Check((GlossaryPage)page, site, diagnostics);

    public override IEnumerable<ContentPage> PagesReading(ContentPage changed, SiteContent site) =>
        site.Pages.OfType<GlossaryPage>().Where(t => t.Related.Any(r => GlossaryChecks.Names(r.Reference, changed)));

    /// <summary>Every page explains the terms it uses (with the glossary's definitions), which only a full build redoes.</summary>
    public override bool RebuildsIncrementally => false;

    public override string Scaffold(string schemaLine, string lang, string slug) => $"""
        {schemaLine}
        # title: the term as it is written
        title: {slug}
        # lang: one of hub.yml's languages (a file name suffix such as .en.yml sets it too)
        lang: {lang}
        # reading: how the term is read (kana for Japanese, Hangul for Korean); the index groups the term by it
        # reading: {Localized(lang, "よみかた", "읽는 법", "pronunciation")}
        # aliases: other spellings that pages use for the same term, e.g. [Net Revenue Retention]
        aliases: []
        definition: {Localized(lang, "この用語の意味を一、二文で書きます。", "이 용어의 뜻을 한두 문장으로 씁니다.", "What the term means, in a sentence or two.")}
        # related: pages to read next, as section/slug, e.g. [kpis/churn-rate, articles/retention-playbook]
        related: []
        # translationKey: the same text in each language's file links the translations
        translationKey: {slug}

        """;
}

public static class GlossaryKindExtensions
{
    /// <summary>Registers the glossary (<see cref="GlossaryKind"/>).</summary>
    public static ContentKindsBuilder UseGlossary(this ContentKindsBuilder builder) => builder.Use(new GlossaryKind());
}
