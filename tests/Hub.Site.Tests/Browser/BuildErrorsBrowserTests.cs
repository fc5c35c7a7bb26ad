using Hub.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hub.Site.Tests.Browser;

/// <summary>
/// <c>hub serve</c> shows a failed build where the author looks (issue 19, item 6): an overlay over the open page
/// listing each diagnostic, as text only, under the strict CSP, dismissable from the keyboard, gone once a build
/// succeeds and the page reloads.
/// </summary>
[Collection("browser")]
public sealed class BuildErrorsBrowserTests
{
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 60000 };

    [BrowserFact]
    public async Task AFailedRebuildShowsItsErrorsOverTheOpenPageUntilTheNextBuildSucceeds()
    {
        using var site = new TestSite(Fixtures.Basic());
        await using var session = await BrowserSession.StartAsync(site);
        var page = session.Page;
        await page.AddInitScriptAsync(CspBrowserTests.ReportViolations);
        await page.GotoAsync(session.Url("ko/articles/crm/"));
        var overlay = page.Locator(".hub-build-errors");
        Assert.Equal(0, await overlay.CountAsync());

        var broken = Rebuilt(session);
        site.Write("articles/crm.ko.md", "---\ntitle: CRM 기초\n---\n\n본문. [다음](missing.md)\n");
        Assert.False(await broken);
        await Assertions.Expect(overlay).ToBeVisibleAsync(Visible);
        Assert.Equal("alertdialog", await overlay.GetAttributeAsync("role"));
        var item = overlay.Locator(".hub-build-error");
        Assert.Equal(1, await item.CountAsync());
        Assert.Equal($"{Path.Combine(site.Input, "articles", "crm.ko.md")}(5,10)", await item.Locator(".hub-build-error-place").TextContentAsync());
        Assert.Equal("error HUB0401", await item.Locator(".hub-build-error-code").TextContentAsync());
        Assert.Equal($"link to 'missing.md' points to a missing file ({Path.Combine(site.Input, "articles", "missing.md")})",
            await item.Locator(".hub-build-error-message").TextContentAsync());
        // The page under it is still the last good build.
        Assert.Equal("CRM 기초", await page.Locator("h1").TextContentAsync());

        // The fix reloads the page, which comes back with the new content and without the overlay.
        await page.EvaluateAsync("window.hubStale = true");
        var fixedBuild = Rebuilt(session);
        site.Write("articles/crm.ko.md", "---\ntitle: CRM 기초 (수정)\n---\n\n본문.\n");
        Assert.True(await fixedBuild);
        await page.WaitForFunctionAsync("() => !window.hubStale && document.readyState === 'complete'", null, new PageWaitForFunctionOptions { Timeout = 60000 });
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("CRM 기초 (수정)", new LocatorAssertionsToHaveTextOptions { Timeout = 60000 });
        Assert.Equal(0, await overlay.CountAsync());
        Assert.Empty(session.ConsoleErrors);
    }

    [BrowserFact]
    public async Task APageOpenedWhileTheBuildFailsShowsTheErrorsAsTextAndTheKeyboardDismissesThem()
    {
        using var site = new TestSite(Fixtures.Basic());
        await using var session = await BrowserSession.StartAsync(site);
        var page = session.Page;
        await page.AddInitScriptAsync(CspBrowserTests.ReportViolations);
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };

        var broken = Rebuilt(session);
        site.Write("catalogues/bad.yml", "title: 壊れた質問集\nquestions:\n  - id: q-01\n    text: テスト\n    \"<img src=x onerror=alert(1)>\": red\n");
        Assert.False(await broken);
        await page.GotoAsync(session.Url("ja/articles/retention/"));
        var overlay = page.Locator(".hub-build-errors");
        await Assertions.Expect(overlay).ToBeVisibleAsync(Visible);
        var bad = Path.Combine(site.Input, "catalogues", "bad.yml");
        Assert.Equal($"{bad}(5,5)", await overlay.Locator(".hub-build-error-place").TextContentAsync());
        Assert.Equal("unknown key '<img src=x onerror=alert(1)>' in a question", await overlay.Locator(".hub-build-error-message").TextContentAsync());
        Assert.Equal(0, await overlay.Locator("img").CountAsync());
        // The dialog takes the focus, so Esc reaches it at once.
        Assert.True(await page.EvaluateAsync<bool>("document.activeElement.classList.contains('hub-build-errors-close')"));
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(overlay).ToHaveCountAsync(0);

        // Reopened, the errors are there again; the close button dismisses them too.
        await page.ReloadAsync();
        await Assertions.Expect(overlay).ToBeVisibleAsync(Visible);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Close" }).ClickAsync();
        await Assertions.Expect(overlay).ToHaveCountAsync(0);

        Assert.Empty(dialogs);
        Assert.Empty(session.ConsoleErrors);
    }

    /// <summary>Completes with whether the next rebuild that a file change triggers succeeds.</summary>
    private static Task<bool> Rebuilt(BrowserSession session)
    {
        var rebuilt = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Once(bool ok)
        {
            session.Server.Rebuilt -= Once;
            rebuilt.TrySetResult(ok);
        }
        session.Server.Rebuilt += Once;
        return rebuilt.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }
}
