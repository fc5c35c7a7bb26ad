using System.Text;
using Deque.AxeCore.Playwright;
using Hub.Site.Tests.Browser;
using Hub.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hub.Site.Tests.Catalogues;

/// <summary>
/// A candidate's preparation sheet in Chromium under the dev server's CSP (issue 23, item 5): a catalogue with
/// <c>audience: candidate</c> offers it instead of a scorecard; fill it, reload and find it, export it (compared with
/// the files in Expected/), clear it. An interviewer's catalogue has none.
/// </summary>
[Collection("browser")]
public sealed class PreparationBrowserTests
{
    /// <summary>The expected export; <c>HUB_UPDATE_EXPECTED=1</c> writes what the browser exported instead (then review the diff).</summary>
    private static string Expected(string name, string actual)
    {
        var path = Path.Combine(TestSite.RepoRoot, "tests", "Hub.Site.Tests", "Catalogues", "Expected", name);
        if (Environment.GetEnvironmentVariable("HUB_UPDATE_EXPECTED") == "1")
        {
            File.WriteAllText(path, actual);
        }
        return File.ReadAllText(path).ReplaceLineEndings("\n");
    }

    [BrowserFact]
    public async Task ASheetIsFilledRestoredExportedAndCleared()
    {
        using var site = new TestSite(CatalogueFixtures.Site());
        await using var session = await BrowserSession.StartAsync(site);
        var page = await Chromium.NewPageAsync(session.Browser, new BrowserNewPageOptions { TimezoneId = "Asia/Tokyo", ViewportSize = new() { Width = 390, Height = 844 } });
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") { errors.Add(m.Text); } };
        page.PageError += (_, e) => errors.Add(e);
        // The saved record carries the time of the last change: a fixed clock makes the exports comparable.
        await page.Clock.SetFixedTimeAsync(new DateTime(2026, 12, 7, 10, 15, 0, DateTimeKind.Utc));
        await page.GotoAsync(session.Url("ja/catalogues/roles/"));
        var sheet = page.Locator("form.preparation-sheet[data-catalogue=roles]");
        await Assertions.Expect(sheet).ToHaveAttributeAsync("data-state", "ready");
        Assert.Equal(0, await page.Locator("form.scorecard").CountAsync());
        Assert.Equal(["r-01", "r-02", "r-03", "r-04"],
            await page.EvalOnSelectorAllAsync<string[]>("form.preparation-sheet li[data-question]", "els => els.map(e => e.getAttribute('data-question'))"));

        await page.GetByLabel("会社名").FillAsync("株式会社サンプル");
        await page.GetByLabel("日付").FillAsync("2026-12-10");
        await page.Locator("textarea[name='notes:r-01']").FillAsync("立ち上げ期間を聞く\n評価の基準も");
        await page.Locator("textarea[name='answer:r-01']").FillAsync("3か月。");
        await page.Locator("textarea[name='answer:r-03']").FillAsync("=SUM(1) \"引用\" " + CatalogueFixtures.Hostile);

        await page.ReloadAsync();
        await Assertions.Expect(sheet).ToHaveAttributeAsync("data-state", "ready");
        await Assertions.Expect(page.GetByLabel("会社名")).ToHaveValueAsync("株式会社サンプル");
        await Assertions.Expect(page.Locator("textarea[name='notes:r-01']")).ToHaveValueAsync("立ち上げ期間を聞く\n評価の基準も");
        await Assertions.Expect(page.Locator("textarea[name='answer:r-03']")).ToHaveValueAsync("=SUM(1) \"引用\" " + CatalogueFixtures.Hostile);
        Assert.Equal(0, await page.Locator("form.preparation-sheet img").CountAsync());

        var json = await Download(page, "export-json");
        Assert.Equal("roles-株式会社サンプル-2026-12-10.json", json.Name);
        Assert.Equal(Expected("preparation.json", json.Text), json.Text);
        var markdown = await Download(page, "export-markdown");
        Assert.Equal(Expected("preparation.md", markdown.Text), markdown.Text);
        var csv = await Download(page, "export-csv");
        // UTF-8 with a byte order mark; records end with CRLF (a note's own line break stays LF inside its quotes).
        Assert.StartsWith("\ufeff", csv.Text, StringComparison.Ordinal);
        var records = csv.Text[1..].Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(Expected("preparation.csv", records), records);
        Assert.Equal(5, csv.Text.Split("\r\n").Length - 1);
        await Assertions.Expect(sheet.Locator(".preparation-status")).ToHaveTextAsync("roles-株式会社サンプル-2026-12-10.csv として保存しました。");

        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));

        await sheet.Locator("[data-preparation=clear]").ClickAsync();
        await Assertions.Expect(page.GetByLabel("会社名")).ToHaveValueAsync("");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('hub.preparation')).length"));

        // An interviewer's catalogue offers no preparation sheet.
        await page.GotoAsync(session.Url("ja/catalogues/interview/"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(0, await page.Locator(".preparation-area").CountAsync());
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    private static async Task<(string Name, string Text)> Download(IPage page, string action)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($"[data-preparation={action}]").ClickAsync());
        var path = await download.PathAsync();
        return (download.SuggestedFilename, Encoding.UTF8.GetString(await File.ReadAllBytesAsync(path)));
    }
}
