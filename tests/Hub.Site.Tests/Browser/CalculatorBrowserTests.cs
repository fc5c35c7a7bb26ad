using Hub.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hub.Site.Tests.Browser;

/// <summary>Calculators in Chromium under the preview server's strict CSP, compared with the C# evaluation.</summary>
[Collection("browser")]
public sealed class CalculatorBrowserTests(CalculatorBrowserTests.Served served) : IClassFixture<CalculatorBrowserTests.Served>
{
    /// <summary>A page script expression: the <c>formulas</c> export of kpi-formulas.js, found next to the page's calculator module.</summary>
    internal const string FormulasModule = """(await import(new URL(document.querySelector("script[data-module$='calculator.js']").getAttribute('data-module').replace(/calculator\.js$/, 'kpi-formulas.js'), location.href).href)).formulas""";

    /// <summary>The site of <see cref="Site"/> without a base path, served once for the tests that only read it.</summary>
    public sealed class Served() : ServedSite(Site());

    private static Dictionary<string, string> Site()
    {
        var files = Fixtures.Basic();
        files["kpis/ltv.md"] = """
            ---
            title: 顧客生涯価値
            abbr: LTV
            formula: arpa * grossMargin / churnRate
            result: { format: currency, decimals: 0, better: higher }
            inputs:
              - { name: arpa, label: ARPA, unit: currency, min: 0, default: 50000 }
              - { name: grossMargin, label: 粗利率, unit: percent, min: 0, max: 1, default: 0.8 }
              - { name: churnRate, label: 月次解約率, unit: percent, min: 0, max: 1, default: 0.02 }
            examples:
              - { inputs: { arpa: 50000, grossMargin: 0.8, churnRate: 0.02 }, result: 2000000 }
            ---

            本文。
            """;
        return files;
    }

    private static async Task<string> OutputText(IPage page, string slug) =>
        (await page.Locator($"form.kpi-calculator[data-kpi='{slug}'] output").TextContentAsync())!.Trim();

    [BrowserFact]
    public async Task TypingUpdatesTheResultAndPercentInputsAreTypedAsPercent()
    {
        await using var session = await served.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(session.Url("ja/kpis/ltv/"));
        await page.WaitForFunctionAsync("() => document.documentElement.getAttribute('data-calculators') === 'ready'");
        var form = page.Locator("form.kpi-calculator[data-kpi='ltv']");
        Assert.Equal("80", await form.Locator("input[name=grossMargin]").InputValueAsync());
        Assert.Contains("2,000,000", await OutputText(page, "ltv"), StringComparison.Ordinal);

        await form.Locator("input[name=churnRate]").FillAsync("4");
        await Assertions.Expect(form.Locator("output")).ToContainTextAsync("1,000,000");
        await page.WaitForURLAsync("**/ltv/?*churnRate=4*");

        await form.Locator("input[name=churnRate]").FillAsync("0");
        var message = await OutputText(page, "ltv");
        Assert.DoesNotContain("NaN", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", message, StringComparison.Ordinal);
        Assert.DoesNotContain("∞", message, StringComparison.Ordinal);
        Assert.Equal("error", await form.GetAttributeAsync("data-state"));

        await form.Locator("input[name=arpa]").FillAsync("");
        message = await OutputText(page, "ltv");
        Assert.DoesNotContain("NaN", message, StringComparison.Ordinal);
        Assert.Equal("error", await form.GetAttributeAsync("data-state"));
        Assert.Empty(session.ConsoleErrors);
    }

    [BrowserFact]
    public async Task ASharedUrlRestoresTheCalculationAndMatchesCSharp()
    {
        await using var session = await served.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(session.Url("ja/kpis/churn-rate/?churned=7&customersAtStart=350"));
        await page.WaitForFunctionAsync("() => document.documentElement.getAttribute('data-calculators') === 'ready'");
        var form = page.Locator("form.kpi-calculator[data-kpi='churn-rate']");
        Assert.Equal("7", await form.Locator("input[name=churned]").InputValueAsync());
        var expected = (7.0 / 350).ToString("P1", System.Globalization.CultureInfo.GetCultureInfo("ja")).Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.Equal(expected, (await OutputText(page, "churn-rate")).Replace(" ", string.Empty, StringComparison.Ordinal));
        // The calculator's module and the build share the formulas of the generated ES module, which defines no global.
        Assert.Equal(7.0 / 350, await page.EvaluateAsync<double>("async () => " + FormulasModule + "['churn-rate']({ churned: 7, customersAtStart: 350 })"));
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.HubFormulas"));

        await form.Locator("input[name=customersAtStart]").FillAsync("0");
        Assert.Equal("error", await form.GetAttributeAsync("data-state"));
        Assert.DoesNotContain("NaN", await OutputText(page, "churn-rate"), StringComparison.Ordinal);
        Assert.Empty(session.ConsoleErrors);
    }

    [BrowserFact]
    public async Task AnEmbeddedCalculatorWorksInAnArticle()
    {
        using var site = new TestSite(Site());
        await using var session = await BrowserSession.StartAsync(site, basePath: "/hub/");
        var page = session.Page;
        await page.GotoAsync(session.Url("ja/articles/retention/"));
        await page.WaitForFunctionAsync("() => document.documentElement.getAttribute('data-calculators') === 'ready'");
        var form = page.Locator("form.kpi-calculator[data-kpi='churn-rate']");
        await form.Locator("input[name=churned]").FillAsync("40");
        await Assertions.Expect(form.Locator("output")).ToContainTextAsync("10");
        Assert.Empty(session.ConsoleErrors);
    }
}
