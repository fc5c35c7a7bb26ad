namespace Hub.Site.Tests.Browser;

/// <summary>axe-core over whole pages of every kind, in light and dark mode (the colour rules, <see cref="AxeSchemes"/>): no serious or critical violation.</summary>
[Collection("browser")]
public sealed class AccessibilityBrowserTests(BasicServedSite basic)
{
    [BrowserFact]
    public async Task EveryKindOfPageHasNoSeriousViolations()
    {
        await using var session = await basic.OpenAsync();
        var page = session.Page;
        var failures = new List<string>();
        // Each page is loaded once and checked in both schemes (AxeSweep).
        foreach (var path in new[] { "ja/", "ja/articles/retention/", "ja/kpis/churn-rate/", "ja/catalogues/hiring/", "ko/search/?q=고객", "en/tags/", "ja/articles/" })
        {
            await page.GotoAsync(session.Url(path));
            await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
            await page.Locator("#site-search").FocusAsync();
            failures.AddRange(await AxeSweep.BothSchemesAsync(page, path));
        }
        Assert.Empty(failures);
        Assert.Empty(session.ConsoleErrors);
    }
}
