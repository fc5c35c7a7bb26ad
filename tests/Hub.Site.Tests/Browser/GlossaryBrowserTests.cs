using Hub.Site.Tests.Glossary;
using Hub.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hub.Site.Tests.Browser;

/// <summary>
/// A glossary term explained in a page's text, in Chromium under the page's strict Content-Security-Policy: its
/// definition shows on mouse hover, on keyboard focus (and Escape hides it) and on a tap on a phone, without moving
/// the text around it.
/// </summary>
[Collection("browser")]
public sealed class GlossaryBrowserTests(GlossaryBrowserTests.Served served) : IClassFixture<GlossaryBrowserTests.Served>
{
    /// <summary>The glossary test site, served once for the class: no test edits it.</summary>
    public sealed class Served() : ServedSite(TermMarkupTests.Files());

    [BrowserFact]
    public async Task ADefinitionShowsOnHoverOnKeyboardFocusAndOnTap()
    {
        await using var session = await served.OpenAsync();
        var page = session.Page;
        await page.AddInitScriptAsync(CspBrowserTests.ReportViolations);
        await page.GotoAsync(session.Url("ja/articles/terms/"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var mrr = page.Locator("#term-mrr");
        var paragraph = page.Locator(".prose p").First;
        await Assertions.Expect(mrr).ToBeHiddenAsync();
        var before = await paragraph.BoundingBoxAsync();

        // Mouse: hovering the term shows its definition over the text, which does not move; leaving hides it.
        await page.Locator("button[aria-describedby='term-mrr']").HoverAsync();
        await Assertions.Expect(mrr).ToBeVisibleAsync();
        Assert.Equal("毎月繰り返し発生する売上の合計。", await mrr.TextContentAsync());
        var after = await paragraph.BoundingBoxAsync();
        Assert.Equal((before!.X, before.Y, before.Width, before.Height), (after!.X, after.Y, after.Width, after.Height));
        await page.Locator("h1").HoverAsync();
        await Assertions.Expect(mrr).ToBeHiddenAsync();

        // Keyboard: Tab moves from term to term, each showing its own definition; Escape hides it where focus stays.
        await page.Locator("button[aria-describedby='term-mrr']").FocusAsync();
        await Assertions.Expect(mrr).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        var csql = page.Locator("#term-csql");
        await Assertions.Expect(page.Locator("button[aria-describedby='term-csql']")).ToBeFocusedAsync();
        await Assertions.Expect(csql).ToBeVisibleAsync();
        await Assertions.Expect(mrr).ToBeHiddenAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(csql).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("button[aria-describedby='term-csql']")).ToBeFocusedAsync();

        // Touch, on a 390 px phone: a tap shows the definition, a tap elsewhere hides it.
        await using var phone = await BrowserTab.OpenAsync(served.Session, BrowserTab.Phone);
        var mobile = phone.Page;
        await mobile.AddInitScriptAsync(CspBrowserTests.ReportViolations);
        await mobile.GotoAsync(session.Url("ja/articles/terms/"));
        await mobile.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var sql = mobile.Locator("#term-sql");
        await Assertions.Expect(sql).ToBeHiddenAsync();
        await mobile.Locator("button[aria-describedby='term-sql']").TapAsync();
        await Assertions.Expect(sql).ToBeVisibleAsync();
        await mobile.Locator("h1").TapAsync();
        await Assertions.Expect(sql).ToBeHiddenAsync();

        Assert.Empty(phone.ConsoleErrors);
        Assert.Empty(session.ConsoleErrors);
    }

    [BrowserFact]
    public async Task TermPagesTheIndexAndExplainedTermsHaveNoSeriousAccessibilityViolations()
    {
        await using var session = await served.OpenAsync();
        var page = session.Page;
        var failures = new List<string>();
        // Each page is loaded once and checked in both schemes (AxeSweep).
        foreach (var path in new[] { "ja/articles/terms/", "ja/glossary/", "ja/glossary/nrr/" })
        {
            await page.GotoAsync(session.Url(path));
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            failures.AddRange(await AxeSweep.BothSchemesAsync(page, path));
        }
        Assert.Empty(failures);
        Assert.Empty(session.ConsoleErrors);
    }
}
