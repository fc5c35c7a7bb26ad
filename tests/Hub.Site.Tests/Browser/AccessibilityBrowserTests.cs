using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Browser;

/// <summary>axe-core over whole pages of every kind, in light and dark mode (the colour rules, <see cref="AxeSchemes"/>): no serious or critical violation.</summary>
[Collection("browser")]
public sealed class AccessibilityBrowserTests
{
    [BrowserFact]
    public async Task EveryKindOfPageHasNoSeriousViolations()
    {
        using var site = new TestSite(Fixtures.Basic());
        await using var session = await BrowserSession.StartAsync(site);
        var page = session.Page;
        var failures = new List<string>();
        foreach (var scheme in new[] { Microsoft.Playwright.ColorScheme.Light, Microsoft.Playwright.ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            foreach (var path in new[] { "ja/", "ja/articles/retention/", "ja/kpis/churn-rate/", "ja/catalogues/hiring/", "ko/search/?q=고객", "en/tags/", "ja/articles/" })
            {
                await page.GotoAsync(session.Url(path));
                await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
                await page.Locator("#site-search").FocusAsync();
                var results = await page.RunAxe(AxeSchemes.For(scheme));
                failures.AddRange(results.Violations.Where(v => v.Impact is "serious" or "critical")
                    .Select(v => $"{scheme} {path}: {v.Id} ({string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))})"));
            }
        }
        Assert.Empty(failures);
        Assert.Empty(session.ConsoleErrors);
    }
}
