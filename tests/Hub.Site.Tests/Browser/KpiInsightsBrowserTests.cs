using Hub.Site.Tests.Infrastructure;
using Hub.Site.Tests.Kpis;
using Microsoft.Playwright;

namespace Hub.Site.Tests.Browser;

/// <summary>The period conversions, benchmark markers and sensitivity charts of a KPI page follow the calculator in
/// Chromium, under the page's strict CSP, without a violation.</summary>
[Collection("browser")]
public sealed class KpiInsightsBrowserTests
{
    [BrowserFact]
    public async Task TypingConvertsTheResultAndMovesThePointsOnTheCharts()
    {
        using var site = new TestSite(Fixtures.BasicWith(("kpis/grr.md", KpiInsightsFixture.Grr)));
        await using var session = await BrowserSession.StartAsync(site);
        var page = session.Page;
        await page.AddInitScriptAsync(CspBrowserTests.ReportViolations);
        await page.GotoAsync(session.Url("ja/kpis/grr/"));
        await page.WaitForFunctionAsync("() => document.documentElement.getAttribute('data-calculators') === 'ready'");

        var annual = page.Locator(".kpi-calc-periods output[data-period=annual]");
        var churnedChart = page.Locator("figure.kpi-sensitivity-chart[data-input=churnedMrr]");
        var startChart = page.Locator("figure.kpi-sensitivity-chart[data-input=startMrr]");
        var marker = page.Locator("figure.kpi-benchmark").First.Locator("circle.kpi-band-marker");
        // The script redraws what the build drew from the same defaults: nothing moves before typing.
        Assert.Equal("54.0%", await annual.TextContentAsync());
        Assert.Equal("140.0", await churnedChart.Locator("circle").GetAttributeAsync("cx"));
        Assert.Equal("57.3", await churnedChart.Locator("circle").GetAttributeAsync("cy"));
        var markerX = await marker.GetAttributeAsync("cx");
        var startTop = startChart.Locator("[data-label=y-max]");
        Assert.Equal("97.5%", await startTop.TextContentAsync());

        await page.Locator("form.kpi-calculator input[name=churnedMrr]").FillAsync("15000");
        // 96.5 % a month is 65.2 % a year.
        await Assertions.Expect(annual).ToHaveTextAsync("65.2%");
        var point = churnedChart.Locator("circle.kpi-sensitivity-point");
        await Assertions.Expect(point).ToHaveAttributeAsync("cx", "56.0");
        await Assertions.Expect(point).ToHaveAttributeAsync("cy", "12.0");
        await Assertions.Expect(marker).Not.ToHaveAttributeAsync("cx", markerX!);
        await Assertions.Expect(page.Locator("figure.kpi-benchmark").First.Locator(".kpi-benchmark-value")).ToHaveTextAsync("65.2%");
        // The other inputs' charts are redrawn with the new value: their results rise.
        await Assertions.Expect(startTop).Not.ToHaveTextAsync("97.5%");
        await Assertions.Expect(churnedChart.Locator("tbody tr").First.Locator("td")).ToHaveTextAsync("96.5%");

        // A value beyond the declared range widens it: the point stays on the chart, at its right end.
        await page.Locator("form.kpi-calculator input[name=churnedMrr]").FillAsync("90000");
        await Assertions.Expect(point).ToHaveAttributeAsync("cx", "308.0");
        await Assertions.Expect(churnedChart.Locator("[data-label=x-max]")).ToHaveTextAsync("¥90,000");

        // An input the calculator cannot use hides the converted values instead of showing NaN.
        await page.Locator("form.kpi-calculator input[name=startMrr]").FillAsync("");
        await Assertions.Expect(annual).ToHaveTextAsync("–");
        await Assertions.Expect(marker).ToHaveAttributeAsync("visibility", "hidden");

        // What the page computes matches the conversion C# applies.
        var converted = await page.EvaluateAsync<double>("async () => " + CalculatorBrowserTests.FormulasModule + "['period:retention:monthly:annual']({ x: 0.95 })");
        Assert.Equal(Math.Pow(0.95, 12), converted);
        Assert.Empty(session.ConsoleErrors);
    }
}
