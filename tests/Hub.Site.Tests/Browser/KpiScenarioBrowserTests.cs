using Deque.AxeCore.Playwright;
using Hub.Site.Tests.Infrastructure;
using Hub.Site.Tests.Kpis;
using Microsoft.Playwright;

namespace Hub.Site.Tests.Browser;

/// <summary>A KPI page's scenario comparison in Chromium: compare keeps scenario A, the form becomes B, both results,
/// the difference and both points on the charts are shown, the address holds both scenarios, and opening that address
/// restores the comparison; under the page's strict CSP, without a violation or a serious axe finding.</summary>
[Collection("browser")]
public sealed class KpiScenarioBrowserTests
{
    [BrowserFact]
    public async Task AComparisonShowsBothScenariosAndRoundTripsThroughTheAddress()
    {
        using var site = new TestSite(Fixtures.BasicWith(("kpis/grr.md", KpiInsightsFixture.Grr)));
        await using var session = await BrowserSession.StartAsync(site);
        var page = session.Page;
        await page.AddInitScriptAsync(CspBrowserTests.ReportViolations);
        await page.GotoAsync(session.Url("ja/kpis/grr/"));
        await page.WaitForFunctionAsync("() => document.documentElement.getAttribute('data-calculators') === 'ready'");

        var start = page.Locator("form.kpi-calculator .kpi-compare-start");
        var panel = page.Locator("form.kpi-calculator .kpi-compare-panel");
        var resultA = panel.Locator(".kpi-compare-result-a");
        var resultB = panel.Locator(".kpi-compare-result-b");
        var difference = panel.Locator(".kpi-compare-difference");
        var churned = page.Locator("form.kpi-calculator input[name=churnedMrr]");
        var chart = page.Locator("figure.kpi-sensitivity-chart[data-input=churnedMrr]");
        var ring = chart.Locator("circle.kpi-sensitivity-point-a");
        var dot = chart.Locator("circle.kpi-sensitivity-point");
        await Assertions.Expect(panel).ToBeHiddenAsync();
        Assert.Equal(0, await ring.CountAsync());

        await start.ClickAsync();
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await Assertions.Expect(start).ToBeHiddenAsync();
        await Assertions.Expect(resultA).ToHaveTextAsync("95.0%");
        await churned.FillAsync("15000");
        await Assertions.Expect(resultB).ToHaveTextAsync("96.5%");
        // 1.5 points up, 1.6 % more than A's 95 %.
        await Assertions.Expect(difference).ToHaveTextAsync("+1.5ポイント (+1.6%)");
        await Assertions.Expect(panel.Locator(".kpi-compare-a-inputs li")).ToHaveTextAsync(["期首のMRR: ¥1,000,000", "縮小したMRR: ¥20,000", "解約したMRR: ¥30,000"]);
        // Both points on the chart of the input that changed: A (30,000) at a third of the range, B (15,000) at its start.
        await Assertions.Expect(dot).ToHaveAttributeAsync("cx", "56.0");
        await Assertions.Expect(ring).ToHaveAttributeAsync("cx", "140.0");
        await Assertions.Expect(ring).ToHaveAttributeAsync("cy", "57.3");
        // Every chart shows both scenarios.
        Assert.Equal(await page.Locator("figure.kpi-sensitivity-chart").CountAsync(), await page.Locator("circle.kpi-sensitivity-point-a").CountAsync());

        await page.WaitForFunctionAsync("() => location.search.includes('b.churnedMrr=15000')");
        var shared = page.Url;
        var query = new Uri(shared).Query;
        Assert.Contains("a.churnedMrr=30000", query, StringComparison.Ordinal);
        Assert.Contains("a.startMrr=1000000", query, StringComparison.Ordinal);
        Assert.Contains("b.contractionMrr=20000", query, StringComparison.Ordinal);
        Assert.DoesNotContain("&churnedMrr=", "&" + query.TrimStart('?'), StringComparison.Ordinal);

        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id));

        // Opening the shared address in a fresh page restores the comparison as it was.
        var other = await Chromium.NewPageAsync(session.Browser);
        other.Console += (_, message) => { if (message.Type == "error") { session.ConsoleErrors.Add(message.Text); } };
        await other.AddInitScriptAsync(CspBrowserTests.ReportViolations);
        await other.GotoAsync(shared);
        await other.WaitForFunctionAsync("() => document.documentElement.getAttribute('data-calculators') === 'ready'");
        var otherPanel = other.Locator("form.kpi-calculator .kpi-compare-panel");
        await Assertions.Expect(otherPanel).ToBeVisibleAsync();
        await Assertions.Expect(other.Locator("form.kpi-calculator input[name=churnedMrr]")).ToHaveValueAsync("15000");
        await Assertions.Expect(otherPanel.Locator(".kpi-compare-result-a")).ToHaveTextAsync("95.0%");
        await Assertions.Expect(otherPanel.Locator(".kpi-compare-result-b")).ToHaveTextAsync("96.5%");
        await Assertions.Expect(otherPanel.Locator(".kpi-compare-difference")).ToHaveTextAsync("+1.5ポイント (+1.6%)");
        var otherChart = other.Locator("figure.kpi-sensitivity-chart[data-input=churnedMrr]");
        await Assertions.Expect(otherChart.Locator("circle.kpi-sensitivity-point-a")).ToHaveAttributeAsync("cx", "140.0");
        await Assertions.Expect(otherChart.Locator("circle.kpi-sensitivity-point")).ToHaveAttributeAsync("cx", "56.0");

        // Ending the comparison keeps B in the form and the address, and takes A's points off the charts.
        await otherPanel.Locator(".kpi-compare-end").ClickAsync();
        await Assertions.Expect(otherPanel).ToBeHiddenAsync();
        await Assertions.Expect(other.Locator("circle.kpi-sensitivity-point-a")).ToHaveCountAsync(0);
        await other.WaitForFunctionAsync("() => { const p = new URLSearchParams(location.search); return !p.has('a.churnedMrr') && p.get('churnedMrr') === '15000'; }");
        Assert.Empty(session.ConsoleErrors);
    }
}
