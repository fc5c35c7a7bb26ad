using Hub.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hub.Site.Tests.Browser;

/// <summary>
/// The navigation of content pages in Chromium (issue 20, item 2): the sidebar as a drawer on a 390 px phone and beside
/// the text at 1280 px, the table of contents staying in view and marking the section read, heading links copying
/// their address, back to top, accessibility in both colour schemes, and print without navigation.
/// </summary>
[Collection("browser")]
public sealed class DocsNavigationBrowserTests(DocsNavigationBrowserTests.Served served) : IClassFixture<DocsNavigationBrowserTests.Served>
{
    /// <summary>The site of <see cref="Files"/>, served once for the class: no test edits it.</summary>
    public sealed class Served() : ServedSite(Files());

    /// <summary>A long Japanese article (twelve sections of several paragraphs) among a few others.</summary>
    private static Dictionary<string, string> Files()
    {
        var body = string.Concat(Enumerable.Range(1, 12).Select(i =>
            $"## 第{i}節\n\n" + string.Concat(Enumerable.Repeat($"第{i}節の本文です。顧客の目標を確かめ、次の打ち手を決めます。\n\n", 8))));
        return Fixtures.BasicWith(
            ("articles/long.md", $"---\ntitle: 長い記事\ndate: 2026-02-01\n---\n\n{body}"),
            ("articles/newer.md", "---\ntitle: 新しい記事\ndate: 2026-03-01\n---\n\n本文。\n"));
    }

    [BrowserFact]
    public async Task OnAPhoneTheSidebarIsADrawerThatEscapeCloses()
    {
        await using var session = await served.OpenAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(session.Url("ja/articles/long/"));
        var toggle = page.Locator("button.sidebar-toggle");
        var sidebar = page.Locator("#sidebar");
        await Assertions.Expect(toggle).ToBeVisibleAsync();
        await Assertions.Expect(sidebar).ToBeHiddenAsync();

        await toggle.ClickAsync();
        await Assertions.Expect(sidebar).ToBeVisibleAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        // Focus moves to this page's entry, and the page behind is out of reach.
        await Assertions.Expect(page.Locator("#sidebar a[aria-current=page]")).ToBeFocusedAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('main').inert"));

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(sidebar).ToBeHiddenAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(toggle).ToBeFocusedAsync();
        Assert.False(await page.EvaluateAsync<bool>("() => document.getElementById('main').inert"));

        // The close button closes it too, and a link in it navigates.
        await toggle.ClickAsync();
        await page.Locator("#sidebar .sidebar-close").ClickAsync();
        await Assertions.Expect(sidebar).ToBeHiddenAsync();
        await toggle.ClickAsync();
        await page.Locator("#sidebar a", new() { HasText = "新しい記事" }).ClickAsync();
        await page.WaitForURLAsync("**/ja/articles/newer/");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways");
        Assert.Empty(session.ConsoleErrors);
    }

    [BrowserFact]
    public async Task OnAWideScreenTheSidebarAndTheTocStayInViewAndTheTocMarksTheSectionRead()
    {
        await using var session = await served.OpenAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(1280, 800);
        await page.GotoAsync(session.Url("ja/articles/long/"));
        await Assertions.Expect(page.Locator("#sidebar")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("button.sidebar-toggle")).ToBeHiddenAsync();
        var toc = page.Locator("nav.toc");
        var prose = page.Locator(".prose");
        // The table of contents is beside the text, not above it.
        var tocBox = (await toc.BoundingBoxAsync())!;
        var proseBox = (await prose.BoundingBoxAsync())!;
        Assert.True(tocBox.X > proseBox.X + proseBox.Width - 1, $"the table of contents is not beside the text ({tocBox.X} vs {proseBox.X}+{proseBox.Width})");

        await page.Locator("#第8節").ScrollIntoViewIfNeededAsync();
        await page.EvaluateAsync("() => { const h = document.getElementById('第8節'); window.scrollBy(0, h.getBoundingClientRect().top - 40); }");
        var current = page.Locator("nav.toc a[aria-current]");
        await Assertions.Expect(current).ToHaveCountAsync(1);
        await Assertions.Expect(current).ToHaveTextAsync("第8節");
        await Assertions.Expect(current).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-current"));
        tocBox = (await toc.BoundingBoxAsync())!;
        Assert.True(tocBox.Y >= 0 && tocBox.Y < 800, $"the table of contents left the screen (top {tocBox.Y})");
        var sidebarBox = (await page.Locator("#sidebar").BoundingBoxAsync())!;
        Assert.True(sidebarBox.Y >= -1 && sidebarBox.Y < 800, $"the sidebar left the screen (top {sidebarBox.Y})");

        await page.EvaluateAsync("() => { const h = document.getElementById('第3節'); window.scrollBy(0, h.getBoundingClientRect().top - 40); }");
        await Assertions.Expect(current).ToHaveTextAsync("第3節");
        Assert.Empty(session.ConsoleErrors);
    }

    [BrowserFact]
    public async Task AHeadingLinkCopiesItsAddressAndSaysSo()
    {
        await using var session = await served.OpenAsync();
        var page = session.Page;
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = session.BaseAddress.TrimEnd('/') });
        await page.SetViewportSizeAsync(1280, 800);
        await page.GotoAsync(session.Url("ja/articles/long/"));
        var heading = page.Locator("#第2節");
        await heading.HoverAsync();
        await heading.Locator("a.heading-link").ClickAsync();
        var status = page.Locator(".copy-status");
        await Assertions.Expect(status).ToHaveTextAsync("リンクをコピーしました");
        await Assertions.Expect(status).ToBeVisibleAsync();
        await page.WaitForURLAsync(url => url.EndsWith("#" + Uri.EscapeDataString("第2節"), StringComparison.Ordinal));
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(session.Url("ja/articles/long/") + "#" + Uri.EscapeDataString("第2節"), copied);
        // The message goes away by itself.
        await Assertions.Expect(status).ToBeHiddenAsync(new() { Timeout = 10000 });
        Assert.Empty(session.ConsoleErrors);
    }

    [BrowserFact]
    public async Task BackToTopAppearsAfterScrollingAndReturnsToTheTop()
    {
        await using var session = await served.OpenAsync();
        var page = session.Page;
        foreach (var (width, height) in new[] { (390, 844), (1280, 800) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.GotoAsync(session.Url("ja/articles/long/"));
            var back = page.Locator(".back-to-top a");
            await Assertions.Expect(page.Locator("html.nav-floating")).ToHaveCountAsync(1);
            await Assertions.Expect(back).ToBeHiddenAsync();
            await page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
            await Assertions.Expect(back).ToBeVisibleAsync();
            await back.ClickAsync();
            await page.WaitForFunctionAsync("() => window.scrollY === 0");
            await Assertions.Expect(page.Locator("#main")).ToBeFocusedAsync();
            await Assertions.Expect(back).ToBeHiddenAsync();
        }
        Assert.Empty(session.ConsoleErrors);
    }

    [BrowserFact]
    public async Task AnArticleWithItsNavigationHasNoSeriousViolationsInEitherScheme()
    {
        await using var session = await served.OpenAsync();
        var page = session.Page;
        var failures = new List<string>();
        // Each layout is loaded once and checked in both schemes, every rule in each (AxeSweep).
        foreach (var (width, height, drawer) in new[] { (1280, 800, false), (390, 844, true) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.GotoAsync(session.Url("ja/articles/long/"));
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.EvaluateAsync("() => { const h = document.getElementById('第4節'); window.scrollBy(0, h.getBoundingClientRect().top - 40); }");
            await Assertions.Expect(page.Locator("nav.toc a[aria-current]")).ToHaveCountAsync(1);
            if (drawer)
            {
                await page.Locator("button.sidebar-toggle").ClickAsync();
                await Assertions.Expect(page.Locator("#sidebar")).ToBeVisibleAsync();
            }
            failures.AddRange(await AxeSweep.BothSchemesAsync(page, $"{width}px", everyRuleInDark: true));
        }
        Assert.Empty(failures);
        Assert.Empty(session.ConsoleErrors);
    }

    [BrowserFact]
    public async Task APrintedArticleHasNoNavigation()
    {
        await using var session = await served.OpenAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(1280, 800);
        await page.GotoAsync(session.Url("ja/articles/long/"));
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        foreach (var selector in new[] { "#sidebar", "button.sidebar-toggle", "nav.breadcrumbs", "nav.pager", ".back-to-top", "nav.toc", ".prose h2 a.heading-link" })
        {
            await Assertions.Expect(page.Locator(selector).First).ToBeHiddenAsync();
        }
        await Assertions.Expect(page.Locator(".prose")).ToBeVisibleAsync();
        Assert.Empty(session.ConsoleErrors);
    }
}
