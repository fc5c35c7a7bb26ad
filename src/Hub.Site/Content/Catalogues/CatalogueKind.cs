using Hub.Core.Diagnostics;
using Hub.Search;
using Hub.Site.Config;
using Hub.Site.Content.Kpis;
using Hub.Site.Rendering;
using Scriban.Runtime;
using Hub.Site.Scaffolding;
using static Hub.Site.Scaffolding.Scaffolder;

namespace Hub.Site.Content.Catalogues;

/// <summary>
/// <c>input/catalogues/*.yml</c>: question catalogues. Each question is a search result of its own, a catalogue is
/// embedded with <c>:::questions</c>, and the KPI pages its questions name list them.
/// </summary>
public sealed class CatalogueKind : ContentKind
{
    /// <summary>The search document kind of one catalogue question.</summary>
    public const string QuestionSearchKind = "question";

    /// <summary>The search document kind of a catalogue page itself (its questions are <see cref="QuestionSearchKind"/>).</summary>
    public const string CatalogueSearchKind = "catalogue";

    public override string Name => "catalogue";

    public override string Section => "catalogues";

    public override string Layout => "catalogue";

    public override string Pattern => "*.yml";

    public override ContentPage? Load(string path, string displayPath, SiteConfig config, DiagnosticBag diagnostics) =>
        CatalogueLoader.Load(this, path, displayPath, config, diagnostics);

    public override IEnumerable<(string Key, object? Value)> SummaryFields(ContentPage page) =>
        [("count", ((CataloguePage)page).Questions.Count)];

    public override string ModelName => "catalogue";

    public override ScriptObject BuildModel(ContentPage page, ModelBuilder models) => CatalogueModel.Build(models, (CataloguePage)page);

    public override IReadOnlyList<string> SearchKinds => [CatalogueSearchKind, QuestionSearchKind];

    public override IEnumerable<SearchDocument> SearchDocuments(ContentPage page, ModelBuilder models)
    {
        var catalogue = (CataloguePage)page;
        yield return new SearchDocument(CatalogueSearchKind, catalogue.Lang, catalogue.RootUrl, catalogue.Title, models.SectionTitle(page.Lang, page.Section),
            catalogue.Header.Summary, string.Empty, catalogue.Facets.SelectMany(f => f.Values.Select(v => v.Label)).ToList(), catalogue.Header.Tags);
        foreach (var q in catalogue.Questions)
        {
            var facetLabels = catalogue.Facets.SelectMany(f => q.Facets[f.Name].Select(f.LabelOf));
            var text = string.Join('\n', q.LookFor.Concat(q.RedFlags).Concat(q.FollowUps));
            yield return new SearchDocument(QuestionSearchKind, catalogue.Lang, catalogue.RootUrl + "#" + q.Id, q.Text, catalogue.Title,
                q.Intent ?? string.Empty, text, [], [.. q.Tags, .. facetLabels]);
        }
    }

    public override string EmbedName => EmbedRenderer.QuestionsEmbed;

    /// <summary>The KPI pages its questions name: each lists the questions that name it.</summary>
    public override IEnumerable<ContentPage> ModelsReading(ContentPage page, SiteContent site)
    {
        var named = ((CataloguePage)page).Questions.SelectMany(q => q.Kpis).Select(k => k.Slug).ToHashSet(StringComparer.Ordinal);
        return site.Kpis.Where(k => named.Contains(k.Slug));
    }

    public override string Scaffold(string schemaLine, string lang, string slug) => $"""
        {schemaLine}
        title: {Localized(lang, "新しい質問集", "새 질문 모음", "New question catalogue")}
        # lang: one of hub.yml's languages (a file name suffix such as .en.yml sets it too)
        lang: {lang}
        {ScaffoldComments.Audience}
        audience: interviewer
        summary: {Localized(lang, "この質問集の目的を書きます。", "이 질문 모음의 목적을 씁니다.", "What this catalogue is for.")}
        # translationKey: the same text in each language's file links the translations
        translationKey: {slug}
        {ScaffoldComments.Facets}
        facets:
          category:
            - {"{"} id: general, label: {Localized(lang, "一般", "일반", "General")} {"}"}
        {ScaffoldComments.Questions}
        questions:
          - id: q-01
            text: {Localized(lang, "最初の質問を書きます。", "첫 질문을 씁니다.", "Write the first question.")}
            # one value id (or a list of them) per facet
            category: general
            intent: {Localized(lang, "この質問で何が分かるか。", "이 질문으로 무엇을 알 수 있는지.", "What the question reveals.")}
            {ScaffoldComments.QuestionDetails}
            lookFor:
              - {Localized(lang, "良い回答のサイン", "좋은 답변의 신호", "A sign of a strong answer")}

        """;
}

public static class CatalogueKindExtensions
{
    /// <summary>Registers question catalogues (<see cref="CatalogueKind"/>).</summary>
    public static ContentKindsBuilder UseCatalogues(this ContentKindsBuilder builder) => builder.Use(new CatalogueKind());
}
