using Hub.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hub.Site.Tests.Browser;

[Collection("browser")]
public sealed class NavigationBrowserTests(BasicServedSite basic)
{
    [BrowserFact]
    public async Task TheLanguageSwitcherLeadsToTheTranslationUnderTheBasePath()
    {
        using var site = new TestSite(Fixtures.Basic());
        await using var session = await BrowserSession.StartAsync(site, basePath: "/cs-hub/");
        var page = session.Page;
        await page.GotoAsync(session.Url("ja/articles/retention/"));
        Assert.Equal("ja", await page.GetAttributeAsync("html", "lang"));
        await page.Locator(".lang-switch a[hreflang=en]").ClickAsync();
        await page.WaitForURLAsync("**/cs-hub/en/articles/retention/");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Raising retention", await page.Locator("h1").TextContentAsync());

        await page.Locator(".lang-switch a[hreflang=ko]").ClickAsync();
        await page.WaitForURLAsync("**/cs-hub/ko/untranslated/ja/articles/retention/");
        Assert.Equal("ko", await page.GetAttributeAsync("html", "lang"));
        // No Korean translation: the Korean "not translated yet" page leads to the languages it can be read in.
        await page.Locator(".untranslated-available a[hreflang=en]").ClickAsync();
        await page.WaitForURLAsync("**/cs-hub/en/articles/retention/");

        Assert.Empty(session.ConsoleErrors);
    }

    [BrowserFact]
    public async Task KeyboardUsersCanSkipToContentAndToggleTheColourTheme()
    {
        await using var session = await basic.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(session.Url("ja/"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("document.activeElement.className"));
        var toggle = page.Locator(".theme-toggle");
        await toggle.ClickAsync();
        var first = await page.GetAttributeAsync("html", "data-theme");
        await toggle.ClickAsync();
        Assert.NotEqual(first, await page.GetAttributeAsync("html", "data-theme"));
        Assert.Empty(session.ConsoleErrors);
    }

    [BrowserFact]
    public async Task ServeRebuildsOnSaveAndReloadsTheOpenPage()
    {
        using var site = new TestSite(Fixtures.Basic());
        await using var session = await BrowserSession.StartAsync(site);
        var page = session.Page;
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        session.Server.PageSubscribed += () => subscribed.TrySetResult();
        await page.GotoAsync(session.Url("ko/articles/crm/"));
        Assert.Equal("CRM 기초", await page.Locator("h1").TextContentAsync());
        var rebuilt = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        session.Server.Rebuilt += ok => rebuilt.TrySetResult(ok);
        // The save must come after the page listens for reloads, or the reload would go unheard.
        await subscribed.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var navigation = page.WaitForLoadStateAsync(LoadState.Load, new PageWaitForLoadStateOptions { Timeout = 30000 });
        site.Write("articles/crm.ko.md", "---\ntitle: CRM 기초 (수정)\n---\n\n## 고객 여정\n\n본문.\n");
        Assert.True(await rebuilt.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        await navigation;
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("CRM 기초 (수정)", new LocatorAssertionsToHaveTextOptions { Timeout = 30000 });
        Assert.Empty(session.ConsoleErrors);
    }

    [BrowserFact]
    public async Task TheServerRefusesPathsOutsideTheOutputFolder()
    {
        var session = basic.Session;
        using var http = new HttpClient();
        var escape = await http.GetAsync(session.BaseAddress + "%2e%2e/%2e%2e/input/hub.yml");
        Assert.NotEqual(System.Net.HttpStatusCode.OK, escape.StatusCode);
        var ok = await http.GetAsync(session.Url("ja/"));
        Assert.Equal(System.Net.HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("default-src 'self'", ok.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}

[CollectionDefinition("browser", DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BasicServedSite>;
