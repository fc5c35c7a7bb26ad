using Hub.Core.Diagnostics;
using Hub.Search;
using Hub.Site.Config;
using Hub.Site.Rendering;
using Scriban.Runtime;
using Hub.Site.Scaffolding;
using static Hub.Site.Scaffolding.Scaffolder;

namespace Hub.Site.Content.Kpis;

/// <summary>
/// <c>input/kpis/*.md</c>: KPI pages with a formula, checked by Roslyn and compiled to the calculators' script;
/// embedded with <c>:::kpi</c>. An edit needs a full build (the script is written only by one).
/// </summary>
public sealed class KpiKind : ContentKind
{
    /// <summary>The search document kind of a KPI page.</summary>
    public const string KpiSearchKind = "kpi";

    public override string Name => "kpi";

    public override string Section => "kpis";

    public override string Layout => "kpi";

    public override string Pattern => "*.md";

    public override ContentPage? Load(string path, string displayPath, SiteConfig config, DiagnosticBag diagnostics) =>
        KpiLoader.Load(this, path, displayPath, config, diagnostics);

    public override IEnumerable<(string Key, object? Value)> SummaryFields(ContentPage page) =>
        [("abbr", ((KpiPage)page).Abbr), ("abbr_shown", ((KpiPage)page).AbbrToShow),
            ("category", ((KpiPage)page).Category), ("order", ((KpiPage)page).Order), ("lead", KpiLead.Of((KpiPage)page))];

    public override string ModelName => "kpi";

    public override ScriptObject BuildModel(ContentPage page, ModelBuilder models) => KpiModel.Build(models, (KpiPage)page);

    public override IReadOnlyList<string> SearchKinds => [KpiSearchKind];

    public override IEnumerable<SearchDocument> SearchDocuments(ContentPage page, ModelBuilder models)
    {
        var kpi = (KpiPage)page;
        // The calculator's input labels come after the definition and body: a snippet starts with what the KPI is.
        var inputs = kpi.Inputs.Select(i => i.Label + (i.Help is null ? string.Empty : " " + i.Help));
        yield return new SearchDocument(KpiSearchKind, kpi.Lang, kpi.RootUrl, kpi.Title, models.SectionTitle(page.Lang, page.Section),
            kpi.Header.Summary, string.Join('\n', inputs.Prepend((kpi.Body?.PlainText() ?? string.Empty).TrimEnd('\n')).Where(t => t.Length > 0)), kpi.Body?.Headings.Select(h => h.Text).ToList() ?? [],
            kpi.Abbr is null ? kpi.Header.Tags : [.. kpi.Header.Tags, kpi.Abbr])
        {
            Sections = SearchSections(page),
        };
    }

    public override bool RebuildsIncrementally => false;

    public override string EmbedName => EmbedRenderer.KpiEmbed;

    public override string Scaffold(string schemaLine, string lang, string slug) => $"""
        ---
        {schemaLine}
        title: {Localized(lang, "新しいKPI", "새 KPI", "New KPI")}
        # lang: one of hub.yml's languages (a file name suffix such as .en.md sets it too)
        lang: {lang}
        {ScaffoldComments.Formula}
        formula: part / total
        {ScaffoldComments.Result}
        result: {"{"} format: percent, decimals: 1, better: higher {"}"}
        {ScaffoldComments.Inputs}
        inputs:
          - {"{"} name: part, label: {Localized(lang, "該当数", "해당 수", "Part")}, unit: count, min: 0, default: 30 {"}"}
          - {"{"} name: total, label: {Localized(lang, "全体数", "전체 수", "Total")}, unit: count, min: 1, default: 120 {"}"}
        {ScaffoldComments.Cadence}
        cadence: monthly
        {ScaffoldComments.Indicator}
        indicator: lagging
        {ScaffoldComments.Examples}
        examples:
          - {"{"} inputs: {"{"} part: 30, total: 120 {"}"}, result: 0.25 {"}"}
        # related: slugs of other KPI pages, e.g. [churn-rate]
        ---

        {Localized(lang, "このKPIの定義と使い方を書きます。", "이 KPI의 정의와 쓰임을 씁니다.", "Define the KPI and when to use it.")}

        """;
}

public static class KpiKindExtensions
{
    /// <summary>Registers KPI pages (<see cref="KpiKind"/>).</summary>
    public static ContentKindsBuilder UseKpis(this ContentKindsBuilder builder) => builder.Use(new KpiKind());
}
