using System.Globalization;
using AngleSharp.Dom;
using Hub.Site.Content.Kpis;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Kpis;

/// <summary>What a KPI page shows around its calculator, read from the built HTML: the result in other periods, the
/// benchmark bands with the result placed on them, the sensitivity charts; and the diagnostics of bad periods and
/// benchmarks.</summary>
public sealed class KpiInsightsTests
{
    private static IDocument BuildGrr(TestSite site)
    {
        site.BuildOk();
        return site.Html("/ja/kpis/grr/");
    }

    [Fact]
    public void TheCalculatorShowsTheDefaultResultInTheOtherPeriods()
    {
        using var site = new TestSite(KpiInsightsFixture.Files());
        var page = BuildGrr(site);
        var periods = page.QuerySelector("form.kpi-calculator .kpi-calc-periods")!;
        Assert.Equal("monthly", periods.GetAttribute("data-period"));
        var outputs = periods.QuerySelectorAll("output[data-key]").ToDictionary(o => o.GetAttribute("data-period")!, o => o);
        Assert.Equal(["quarterly", "annual"], outputs.Keys);
        Assert.Equal("period:retention:monthly:annual", outputs["annual"].GetAttribute("data-key"));
        // 95 % a month keeps about 54 % a year.
        Assert.Equal("54.0%", outputs["annual"].TextContent);
        Assert.Equal("85.7%", outputs["quarterly"].TextContent);
        var script = site.ReadOutput("/assets/js/kpi-formulas.js");
        Assert.Contains("\"period:retention:monthly:annual\": function (v)", script, StringComparison.Ordinal);
        Assert.Contains("\"period:retention:annual:monthly\": function (v)", script, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkedExamplesStateTheirPeriodAndShowTheOthers()
    {
        using var site = new TestSite(KpiInsightsFixture.Files());
        var page = BuildGrr(site);
        var results = page.QuerySelectorAll(".kpi-example .result").ToList();
        Assert.Equal(2, results.Count);
        Assert.Null(results[0].QuerySelector(".kpi-example-period"));
        Assert.Equal("(四半期 85.7% · 年次 54.0%)", results[0].QuerySelector(".kpi-example-conversions")!.TextContent);
        Assert.Equal("(年次)", results[1].QuerySelector(".kpi-example-period")!.TextContent);
        // 90 % a year is 99.1 % a month.
        Assert.Equal("(月次 99.1% · 四半期 97.4%)", results[1].QuerySelector(".kpi-example-conversions")!.TextContent);
    }

    [Fact]
    public void ABenchmarkIsABandWithTheResultConvertedToItsPeriodAndItsSourceUnderIt()
    {
        using var site = new TestSite(KpiInsightsFixture.Files());
        var page = BuildGrr(site);
        var figures = page.QuerySelectorAll("section.kpi-benchmarks figure.kpi-benchmark").ToList();
        Assert.Equal(2, figures.Count);
        var annual = figures[0];
        Assert.Equal("period:retention:monthly:annual", annual.GetAttribute("data-key"));
        Assert.StartsWith("中小企業 <SMB>", annual.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);
        var svg = annual.QuerySelector("svg.kpi-band")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        var titleId = svg.GetAttribute("aria-labelledby")!;
        Assert.Equal("中小企業 <SMB>: 下位 85.0%, 中央値 90.0%, 上位 95.0%", page.GetElementById(titleId)!.TextContent);
        Assert.NotNull(svg.QuerySelector("rect.kpi-band-range"));
        Assert.NotNull(svg.QuerySelector("line.kpi-band-median"));
        Assert.Equal(["85.0%", "90.0%", "95.0%"], svg.QuerySelectorAll("text.kpi-band-label").Select(t => t.TextContent));
        // The result (95 % a month) is placed at its annual value, 54 %, on the scale the chart declares.
        var min = double.Parse(svg.GetAttribute("data-min")!, CultureInfo.InvariantCulture);
        var max = double.Parse(svg.GetAttribute("data-max")!, CultureInfo.InvariantCulture);
        var annualResult = Math.Pow(0.95, 12);
        Assert.Equal(KpiChartGeometry.BandX(annualResult, min, max), svg.QuerySelector("circle.kpi-band-marker")!.GetAttribute("cx"));
        Assert.True(min <= annualResult && annualResult < 0.85, $"{min} {annualResult}");
        Assert.Equal("54.0%", annual.QuerySelector(".kpi-benchmark-value")!.TextContent);
        var source = annual.QuerySelector(".kpi-benchmark-source a")!;
        Assert.Equal("https://example.com/report?a=1&b=2", source.GetAttribute("href"));
        Assert.Equal("Survey & \"report\"", source.TextContent);
        Assert.Contains("(2023)", annual.QuerySelector(".kpi-benchmark-source")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2023-03", annual.QuerySelector(".kpi-benchmark-source time")!.GetAttribute("datetime"));

        // A benchmark of the KPI's own period places the result as it is, and a lone median draws no band.
        var monthly = figures[1];
        Assert.Null(monthly.GetAttribute("data-key"));
        Assert.Null(monthly.QuerySelector("rect.kpi-band-range"));
        Assert.Equal("95.0%", monthly.QuerySelector(".kpi-benchmark-value")!.TextContent);
    }

    [Fact]
    public void TheEnglishPageShowsTheSegmentInEnglish()
    {
        var files = KpiInsightsFixture.Files();
        files["kpis/grr.en.md"] = KpiInsightsFixture.Grr.Replace("title: GRR\n", "title: Gross revenue retention\n", StringComparison.Ordinal);
        using var site = new TestSite(files);
        site.BuildOk();
        var page = site.Html("/en/kpis/grr/");
        Assert.StartsWith("SMB", page.QuerySelector("figure.kpi-benchmark figcaption")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Benchmarks", page.GetElementById("benchmarks")!.TextContent);
        Assert.Equal("What moves the result", page.GetElementById("sensitivity")!.TextContent);
    }

    [Fact]
    public void EachInputHasASensitivityChartWithAxesALineThePointATitleAndATable()
    {
        using var site = new TestSite(KpiInsightsFixture.Files());
        var page = BuildGrr(site);
        var charts = page.QuerySelectorAll("section.kpi-sensitivity figure.kpi-sensitivity-chart").ToList();
        Assert.Equal(["startMrr", "contractionMrr", "churnedMrr"], charts.Select(c => c.GetAttribute("data-input")));
        var churned = charts[2];
        Assert.Equal("15000", churned.GetAttribute("data-lo"));
        Assert.Equal("60000", churned.GetAttribute("data-hi"));
        var svg = churned.QuerySelector("svg")!;
        Assert.Equal("「解約したMRR」を変えたときのGRR", page.GetElementById(svg.GetAttribute("aria-labelledby")!)!.TextContent);
        Assert.Equal(["x", "y"], svg.QuerySelectorAll("line.kpi-axis").Select(l => l.GetAttribute("data-axis")));
        Assert.Equal(["y-max", "y-min", "x-min", "x-max"], svg.QuerySelectorAll("text.kpi-axis-label").Select(t => t.GetAttribute("data-label")));
        Assert.Equal("¥15,000", svg.QuerySelector("[data-label=x-min]")!.TextContent);
        Assert.Equal("¥60,000", svg.QuerySelector("[data-label=x-max]")!.TextContent);
        // GRR falls as churned MRR rises: 96.5 % at 15,000, 92.0 % at 60,000.
        Assert.Equal("96.5%", svg.QuerySelector("[data-label=y-max]")!.TextContent);
        Assert.Equal("92.0%", svg.QuerySelector("[data-label=y-min]")!.TextContent);
        var path = svg.QuerySelector("path.kpi-sensitivity-line")!.GetAttribute("d")!;
        Assert.Equal(KpiChartGeometry.Samples + 1, path.Split(' ').Count(p => p.StartsWith('M') || p.StartsWith('L')));
        Assert.StartsWith("M56.0 12.0 ", path, StringComparison.Ordinal);
        Assert.EndsWith(" L308.0 148.0", path, StringComparison.Ordinal);
        // The current value (30,000 of 15,000 to 60,000) sits a third of the way along, on the line.
        var point = svg.QuerySelector("circle.kpi-sensitivity-point")!;
        Assert.Equal("140.0", point.GetAttribute("cx"));
        Assert.Equal("57.3", point.GetAttribute("cy"));
        var rows = churned.QuerySelectorAll("table tbody tr").Select(r => (r.Children[0].TextContent, r.Children[1].TextContent)).ToList();
        Assert.Equal([("¥15,000", "96.5%"), ("¥26,250", "95.4%"), ("¥37,500", "94.2%"), ("¥48,750", "93.1%"), ("¥60,000", "92.0%")], rows);
    }

    [Fact]
    public void PagesWithoutPeriodOrBenchmarksShowNeither()
    {
        using var site = new TestSite(Fixtures.Basic());
        site.BuildOk();
        var page = site.Html("/ja/kpis/churn-rate/");
        Assert.Null(page.QuerySelector(".kpi-calc-periods"));
        Assert.Null(page.QuerySelector(".kpi-benchmarks"));
        Assert.NotNull(page.QuerySelector(".kpi-sensitivity svg"));
    }

    public static TheoryData<string, string, string> BadFiles() => new()
    {
        { "compounding: retention\n", "compounding: compound\n", "kpis/grr.md(11,14): error HUB0220: compounding 'compound' is not one of retention, churn, sum" },
        { "period: monthly\ncompounding: retention\n", "compounding: retention\n", "kpis/grr.md(10,14): error HUB0220: 'compounding' needs the KPI's 'period' (for example: period: monthly)" },
        { "period: monthly\ncompounding: retention\n", "period: monthly\n", "kpis/grr.md(19,13): error HUB0220: the benchmark is stated for period 'annual', but the KPI's result is monthly and declares no 'compounding' to convert it (add 'compounding: retention', 'churn' or 'sum' to the KPI)" },
        { "    source: { title: Monthly guide, url: 'https://example.com/monthly', year: 2024 }\n", "    source: { url: 'https://example.com/monthly' }\n", "kpis/grr.md(25,13): error HUB0221: a benchmark's source needs 'title' and 'year'" },
        { "    source: { title: Monthly guide, url: 'https://example.com/monthly', year: 2024 }\n", "    source: { title: Monthly guide, url: 'javascript:alert(1)', year: 2024 }\n", "kpis/grr.md(25,42): error HUB0403: URL 'javascript:alert(1)' has the scheme 'javascript:', which is not allowed in a page (only http, https, mailto, relative and fragment URLs are allowed)" },
        { "    source: { title: Monthly guide, url: 'https://example.com/monthly', year: 2024 }\n", "    source: { title: Monthly guide, url: '/local', year: 2024 }\n", "kpis/grr.md(25,42): error HUB0221: a benchmark's source url '/local' must be an absolute http(s) URL" },
        { "    high: 0.95\n", "    high: 0.8\n", "kpis/grr.md(19,11): error HUB0221: a benchmark's figures must be in order: low <= median <= high" },
        { "  - segment: 月次の目安\n    median: 0.98\n", "  - segment: 月次の目安\n", "kpis/grr.md(23,5): error HUB0221: a benchmark needs at least one of 'low', 'median' and 'high'" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void BadPeriodsAndBenchmarksAreLocatedErrors(string find, string replace, string expected)
    {
        var text = KpiInsightsFixture.Grr.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(KpiInsightsFixture.Grr, text);
        using var site = new TestSite(new Dictionary<string, string> { ["kpis/grr.md"] = text });
        var result = site.Build();
        Assert.False(result.Succeeded);
        Assert.True(site.Shown(result).Contains(expected), string.Join("\n", site.Shown(result)));
    }

    [Fact]
    public void AnInvalidKpiPeriodIsReportedOnceNotAgainAtItsExamplesAndBenchmarks()
    {
        using var site = new TestSite(new Dictionary<string, string> { ["kpis/grr.md"] = KpiInsightsFixture.Grr.Replace("period: monthly\n", "period: yearly\n", StringComparison.Ordinal) });
        var shown = site.Shown(site.Build());
        Assert.Equal(["kpis/grr.md(10,9): error HUB0220: period 'yearly' is not one of monthly, quarterly, annual"], shown.Where(d => d.Contains("HUB0220", StringComparison.Ordinal)));
    }

    [Fact]
    public void AnExamplePeriodNeedsTheKpisPeriod()
    {
        var text = KpiInsightsFixture.Grr.Replace("period: monthly\ncompounding: retention\n", string.Empty, StringComparison.Ordinal)
            .Replace("    period: annual\n", string.Empty, StringComparison.Ordinal);
        using var site = new TestSite(new Dictionary<string, string> { ["kpis/grr.md"] = text });
        var result = site.Build();
        Assert.True(site.Shown(result).Contains("kpis/grr.md(12,101): error HUB0220: the example states a period, but the KPI declares none (add the KPI's 'period' (and 'compounding' to convert))"), string.Join("\n", site.Shown(result)));
    }
}
