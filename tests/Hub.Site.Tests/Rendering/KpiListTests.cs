using Hub.Site.Content.Kpis;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Rendering;

/// <summary>Lists that lead with what people use (issue 20, item 3): KPIs by category and order, the home page's cards.</summary>
public sealed class KpiListTests
{
    private static string Kpi(string title, string? category, int? order, string abbr = "", string body = "定義です。二文目は出ません。") => $"""
        ---
        title: {title}
        {(abbr.Length > 0 ? "abbr: " + abbr : string.Empty)}
        {(category is null ? string.Empty : "category: " + category)}
        {(order is null ? string.Empty : "order: " + order)}
        formula: a / b
        result: {"{"} format: percent {"}"}
        inputs:
          - {"{"} name: a, label: A, unit: count, min: 0, default: 1 {"}"}
          - {"{"} name: b, label: B, unit: count, min: 1, default: 2 {"}"}
        examples:
          - {"{"} inputs: {"{"} a: 1, b: 2 {"}"}, result: 0.5 {"}"}
        ---

        {body}
        """;

    // Built once for the run and shared (read only) with the other classes that build the same fixture.
    private readonly TestSite _site = BuiltSites.Of(Fixtures.BasicWith(
        ("kpis/churn-rate.md", Kpi("解約率", "retention", 10, "Churn")),
        ("kpis/nrr.md", Kpi("NRR(ネット・レベニュー・リテンション)", "retention", 20, "NRR")),
        ("kpis/arr.md", Kpi("ARR", "revenue", 10)),
        ("kpis/win-rate.md", Kpi("受注率", "sales", 5)),
        ("kpis/cac.md", Kpi("CAC", "acquisition", null, body: "新規顧客1社あたりの獲得費用。")),
        ("kpis/misc.md", Kpi("あれこれ", null, null)),
        ("kpis/nrr.en.md", Kpi("Net revenue retention (NRR)", "retention", 20, "NRR", "Revenue kept and grown. Second sentence."))));

    [Fact]
    public void TheKpiSectionGroupsKpisByCategoryInOrderWithTheirOneLineSummary()
    {
        var page = _site.Html("/ja/kpis/");
        var groups = page.QuerySelectorAll("main section.kpi-group").ToList();
        Assert.Equal(["継続・解約", "売上・拡大", "獲得・マーケティング", "営業", "その他"], groups.Select(g => g.QuerySelector("h2")!.TextContent));
        Assert.Equal(["解約率 (Churn)", "NRR(ネット・レベニュー・リテンション)"],
            groups[0].QuerySelectorAll(".card > a").Select(a => a.TextContent.Trim()));
        Assert.Equal("定義です。", groups[0].QuerySelector(".card p")!.TextContent);
        Assert.Equal("新規顧客1社あたりの獲得費用。", groups[2].QuerySelector(".card p")!.TextContent);
        var en = _site.Html("/en/kpis/").QuerySelector("main section.kpi-group")!;
        Assert.Equal("Retention and churn", en.QuerySelector("h2")!.TextContent);
        Assert.Equal("Revenue kept and grown.", en.QuerySelector(".card p")!.TextContent);
    }

    [Theory]
    [InlineData("ja", "検索")]
    [InlineData("ko", "검색")]
    [InlineData("en", "Search")]
    public void TheHomePageLeadsWithSearchThenCatalogueAndKpiCards(string lang, string search)
    {
        var main = _site.Html($"/{lang}/").QuerySelector("main")!;
        var first = main.QuerySelector("section")!;
        Assert.Contains("hero", first.ClassList);
        Assert.Equal(search, first.QuerySelector("form[role=search] button")!.TextContent);
        Assert.NotEmpty(first.QuerySelector(".home-intro")!.TextContent.Trim());
        var sections = main.QuerySelectorAll(":scope > section.home-section").Select(s => s.ClassName ?? string.Empty).ToList();
        Assert.StartsWith("home-section home-catalogues", sections[0]);
        Assert.StartsWith("home-section home-kpis", sections[1]);
        if (lang == "ja")
        {
            Assert.Equal("採用面接の質問", main.QuerySelector(".home-catalogues .card .card-title")!.TextContent);
            Assert.Equal("解約率", main.QuerySelector(".home-kpis .kpi-group h3 + ul .card .card-title")!.TextContent);
        }
    }

    [Fact]
    public void AnUnknownCategoryIsALocatedErrorThatSuggestsTheClosest()
    {
        using var site = new TestSite(Fixtures.BasicWith(("kpis/churn-rate.md", Kpi("解約率", "retension", 10))));
        var result = site.Build();
        Assert.False(result.Succeeded);
        var shown = site.Shown(result);
        Assert.Contains(shown, d => d.StartsWith("kpis/churn-rate.md(4,11): error HUB", StringComparison.Ordinal)
            && d.Contains("category 'retension'", StringComparison.Ordinal) && d.Contains("did you mean 'retention'?", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("期首の顧客のうち解約した割合です。次の文。", "期首の顧客のうち解約した割合です。")]
    [InlineData("The share of customers lost. More.", "The share of customers lost.")]
    [InlineData("기간 중 해지한 고객의 비율입니다. 다음.", "기간 중 해지한 고객의 비율입니다.")]
    [InlineData("Version 2.5 of the rate", "Version 2.5 of the rate")]
    public void AKpisOneLineIsTheFirstSentence(string text, string expected) => Assert.Equal(expected, KpiLead.FirstSentence(text));
}
