using AngleSharp.Dom;
using Hub.Site.Rendering;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Rendering;

/// <summary>The KPI index as a dashboard (issue 24, item 5): each card shows its formula in the inputs' labels, the
/// result of its default inputs computed and formatted at build time, and a link to its calculator.</summary>
public sealed class KpiDashboardTests : IDisposable
{
    private const string ChurnRate = """
        ---
        title: 解約率
        abbr: Churn
        category: retention
        formula: churned / customersAtStart
        result: { format: percent, decimals: 1, better: lower }
        inputs:
          - { name: churned, label: 解約した顧客数, unit: count, min: 0, default: 12 }
          - { name: customersAtStart, label: 期首の顧客数, unit: count, min: 1, default: 400 }
        examples:
          - { inputs: { churned: 12, customersAtStart: 400 }, result: 0.03 }
        ---

        期首の顧客のうち解約した割合です。
        """;

    private const string Pipeline = """
        ---
        title: パイプライン金額
        category: sales
        formula: deals * dealSize
        result: { format: number }
        inputs:
          - { name: deals, label: 商談数, unit: count, min: 0, default: 1200 }
          - { name: dealSize, label: 平均単価, unit: count, min: 0, default: 3 }
        ---

        商談の合計です。
        """;

    private const string NoDefaults = """
        ---
        title: 既定値なし
        category: sales
        formula: a / b
        result: { format: ratio }
        inputs:
          - { name: a, label: 分子, unit: count, min: 0 }
          - { name: b, label: 分母, unit: count, min: 1 }
        ---

        既定値がありません。
        """;

    private const string ChurnRateEn = """
        ---
        title: Churn rate
        category: retention
        formula: churned / customersAtStart
        result: { format: percent, decimals: 1, better: lower }
        inputs:
          - { name: churned, label: Customers lost, unit: count, min: 0, default: 12 }
          - { name: customersAtStart, label: Customers at start, unit: count, min: 1, default: 400 }
        ---

        The share of customers lost.
        """;

    private readonly TestSite _site = new(Fixtures.BasicWith(
        ("kpis/churn-rate.md", ChurnRate), ("kpis/pipeline.md", Pipeline), ("kpis/no-defaults.md", NoDefaults),
        ("kpis/churn-rate.en.md", ChurnRateEn)));

    public KpiDashboardTests() => _site.BuildOk();

    public void Dispose() => _site.Dispose();

    private IElement Card(string lang, string slug) =>
        _site.Html($"/{lang}/kpis/").QuerySelectorAll("main .kpi-cards .card")
            .Single(c => c.QuerySelector("a")!.GetAttribute("href")!.EndsWith($"/kpis/{slug}/", StringComparison.Ordinal));

    [Fact]
    public void EachCardShowsItsFormulaInWordsItsDefaultResultAndLinksToItsCalculator()
    {
        var churn = Card("ja", "churn-rate");
        var formula = churn.QuerySelector(".kpi-card-formula dd .hub-formula")!;
        Assert.Equal(["解約した顧客数", "期首の顧客数"], formula.QuerySelectorAll("var[data-input]").Select(v => v.TextContent));
        Assert.Equal("計算式", churn.QuerySelector(".kpi-card-formula dt")!.TextContent);
        var result = churn.QuerySelector(".kpi-card-result dd data")!;
        Assert.Equal("0.03", result.GetAttribute("value"));
        Assert.Equal(NumberDisplay.Format(12.0 / 400, "percent", 1, "ja", "JPY", "か月"), result.TextContent);
        Assert.Equal("3.0%", result.TextContent);
        var calculator = churn.QuerySelector(".kpi-card-calc a")!;
        Assert.Equal(churn.QuerySelector("a")!.GetAttribute("href") + "#calculator", calculator.GetAttribute("href"));
        Assert.Equal("解約率の計算機を開く", calculator.TextContent);
        // The anchor the link names is the calculator's heading on the KPI page.
        Assert.NotNull(_site.Html("/ja/kpis/churn-rate/").QuerySelector("section.kpi-calc h2#calculator"));

        // A number result is formatted by NumberDisplay as the worked examples are.
        Assert.Equal("3,600", Card("ja", "pipeline").QuerySelector(".kpi-card-result data")!.TextContent);
    }

    [Fact]
    public void AKpiWithoutDefaultsShowsItsFormulaButNoResult()
    {
        var card = Card("ja", "no-defaults");
        Assert.NotNull(card.QuerySelector(".kpi-card-formula var[data-input=a]"));
        Assert.Null(card.QuerySelector(".kpi-card-result"));
        Assert.NotNull(card.QuerySelector(".kpi-card-calc a"));
    }

    [Fact]
    public void TheEnglishIndexSpeaksEnglishAndTheHomePageKeepsItsShortCards()
    {
        var card = Card("en", "churn-rate");
        Assert.Equal("Open the Churn rate calculator", card.QuerySelector(".kpi-card-calc a")!.TextContent);
        Assert.Equal("With the default inputs", card.QuerySelector(".kpi-card-result dt")!.TextContent);
        Assert.Equal("3.0%", card.QuerySelector(".kpi-card-result data")!.TextContent);
        Assert.Equal(["Customers lost", "Customers at start"], card.QuerySelectorAll(".kpi-card-formula var").Select(v => v.TextContent));
        // The formula's typesetting is styled on the index.
        Assert.Contains(_site.Html("/en/kpis/").QuerySelectorAll("link[rel=stylesheet]"),
            l => l.GetAttribute("href")!.EndsWith("assets/css/calculator.css", StringComparison.Ordinal));
        Assert.Empty(_site.Html("/ja/").QuerySelectorAll(".kpi-card-facts"));
        Assert.NotEmpty(_site.Html("/ja/").QuerySelectorAll(".home-kpis .kpi-cards .card"));
    }
}
