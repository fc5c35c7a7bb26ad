using System.Text;
using Deque.AxeCore.Playwright;
using Hub.Site.Tests.Browser;
using Hub.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hub.Site.Tests.Catalogues;

/// <summary>
/// An interview in Chromium under the dev server's CSP: start a scorecard from a kit, fill it, reload and find it, export
/// it (compared with the files in Expected/), print it blank, continue and delete it from the catalogue page.
/// </summary>
[Collection("browser")]
public sealed class ScorecardBrowserTests(ScorecardBrowserTests.Server server) : IClassFixture<ScorecardBrowserTests.Server>
{
    private const string PagePath = "ja/catalogues/hiring/";

    public sealed class Server : IAsyncLifetime, IDisposable
    {
        private readonly TestSite _site = new(ScorecardFixtures.Site());

        public BrowserSession Session { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            if (Chromium.MissingReason is null)
            {
                Session = await BrowserSession.StartAsync(_site);
            }
        }

        public async Task DisposeAsync()
        {
            if (Session is not null)
            {
                await Session.DisposeAsync();
            }
        }

        public void Dispose() => _site.Dispose();
    }

    private async Task<(IPage Page, List<string> Errors)> Open(string query)
    {
        var page = await Chromium.NewPageAsync(server.Session.Browser, new BrowserNewPageOptions { TimezoneId = "Asia/Tokyo", ViewportSize = new() { Width = 390, Height = 844 } });
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };
        page.PageError += (_, e) => errors.Add(e);
        page.Dialog += (_, d) => errors.Add("dialog: " + d.Message);
        // Saved scorecards carry the time of the last change: a fixed clock makes the exports comparable.
        await page.Clock.SetFixedTimeAsync(new DateTime(2026, 12, 7, 10, 15, 0, DateTimeKind.Utc));
        await page.GotoAsync(server.Session.Url(PagePath) + query);
        return (page, errors);
    }

    private static Task<string[]> ShownQuestions(IPage page) =>
        page.EvalOnSelectorAllAsync<string[]>(".scorecard-question", "els => els.filter(e => !e.hidden).map(e => e.getAttribute('data-question'))");

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
    public async Task AScorecardIsFilledSavedRestoredExportedPrintedAndDeleted()
    {
        var (page, errors) = await Open("?kit=q-02,q-01");
        var form = page.Locator("form.scorecard[data-catalogue=hiring]");
        Assert.False(await form.IsVisibleAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "面接を始める" }).ClickAsync();
        await Assertions.Expect(form).ToBeVisibleAsync();
        Assert.Equal(["q-01", "q-02"], await ShownQuestions(page));
        Assert.False(await page.Locator(".catalogue-filters").IsVisibleAsync());

        await page.GetByLabel("候補者", new() { Exact = true }).FillAsync(ScorecardFixtures.Hostile + "山田");
        await page.GetByLabel("面接官", new() { Exact = true }).FillAsync("佐藤");
        await Assertions.Expect(page.GetByLabel("面接日", new() { Exact = true })).ToHaveValueAsync("2026-12-07");
        await page.Locator("textarea[name='note:q-01']").FillAsync("解約理由を数字で整理した\n=SUM(A1)");
        await page.Locator("input[name=judgement][value='3']").CheckAsync();
        await page.Locator("input[name=recommendation][value='4']").CheckAsync();
        await page.GetByLabel("次の面接官に確かめてほしいこと").FillAsync("他部署との調整の実例");

        // A reload (a closed tab opened again) brings the same scorecard back.
        await page.ReloadAsync();
        await Assertions.Expect(form).ToBeVisibleAsync();
        Assert.Equal(ScorecardFixtures.Hostile + "山田", await page.GetByLabel("候補者", new() { Exact = true }).InputValueAsync());
        Assert.Equal("解約理由を数字で整理した\n=SUM(A1)", await page.Locator("textarea[name='note:q-01']").InputValueAsync());
        Assert.True(await page.Locator("input[name=judgement][value='3']").IsCheckedAsync());
        Assert.False(await page.Locator("input[name=teamwork]:checked").IsVisibleAsync());
        Assert.True(await page.Locator("input[name=recommendation][value='4']").IsCheckedAsync());
        Assert.Equal(["q-01", "q-02"], await ShownQuestions(page));

        var json = await Download(page, "export-json");
        Assert.Equal("hiring-img-src-x-onerror-alert-1-山田-2026-12-07.json", json.Name);
        Assert.Equal(Expected("scorecard.json", json.Text), json.Text);
        var markdown = await Download(page, "export-markdown");
        Assert.Equal(Expected("scorecard.md", markdown.Text), markdown.Text);
        var csv = await Download(page, "export-csv");
        // UTF-8 with a byte order mark; records end with CRLF (a note's own line break stays LF inside its quotes).
        Assert.StartsWith("\uFEFF", csv.Text, StringComparison.Ordinal);
        var records = csv.Text[1..].Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(Expected("scorecard.csv", records), records);
        Assert.Equal(7, csv.Text.Split("\r\n").Length - 1);

        // A blank print: the form alone, values left out.
        await page.EvaluateAsync("() => { window.print = () => { document.body.setAttribute('data-printed', 'yes'); }; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "白紙のシートを印刷" }).ClickAsync();
        await Assertions.Expect(page.Locator("body[data-printed=yes]")).ToHaveCountAsync(1);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        foreach (var hidden in new[] { ".site-header", ".catalogue-filters", "#catalogue-kit", ".question-group", ".scorecard-actions", ".page-header" })
        {
            Assert.False(await page.Locator(hidden).First.IsVisibleAsync(), hidden + " is printed");
        }
        Assert.True(await form.IsVisibleAsync());
        Assert.Equal("rgba(0, 0, 0, 0)", await page.GetByLabel("候補者", new() { Exact = true }).EvaluateAsync<string>("e => getComputedStyle(e).color"));
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // Back on the catalogue, the scorecard is listed to continue; the hostile name is text.
        await page.GetByRole(AriaRole.Button, new() { Name = "質問集に戻る" }).ClickAsync();
        var saved = page.Locator(".scorecard-saved-item");
        await Assertions.Expect(saved).ToHaveCountAsync(1);
        Assert.Equal(ScorecardFixtures.Hostile + "山田・2問・2026-12-07", await saved.Locator(".scorecard-saved-name").TextContentAsync());
        Assert.Equal(0, await page.Locator(".scorecard-saved img").CountAsync());
        await page.ReloadAsync();
        await Assertions.Expect(saved).ToHaveCountAsync(1);
        await saved.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^続きを入力") }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("面接官", new() { Exact = true })).ToHaveValueAsync("佐藤");

        await page.GetByRole(AriaRole.Button, new() { Name = "このシートを削除" }).ClickAsync();
        await Assertions.Expect(form).ToBeHiddenAsync();
        await Assertions.Expect(saved).ToHaveCountAsync(0);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('hub.scorecard')).length"));
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task TheInterviewFormHasNoSeriousAccessibilityViolationsAndWorksByKeyboard()
    {
        var (page, errors) = await Open("");
        await page.GetByRole(AriaRole.Button, new() { Name = "面接を始める" }).ClickAsync();
        Assert.Equal(["q-01", "q-02", "q-03"], await ShownQuestions(page));
        // Focus moves to the candidate field.
        Assert.Equal("candidate", await page.EvaluateAsync<string>("() => document.activeElement.name"));
        await page.Locator(".scorecard-question[data-question=q-02] summary").ClickAsync();
        var results = await page.Locator("main").RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
        // A rating is chosen with the arrow keys.
        await page.Locator("input[name=teamwork][value='1']").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.True(await page.Locator("input[name=teamwork][value='2']").IsCheckedAsync());
        // On a 390 px phone nothing is wider than the screen.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    private static async Task<(string Name, string Text)> Download(IPage page, string action)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($"[data-scorecard={action}]").ClickAsync());
        var path = await download.PathAsync();
        return (download.SuggestedFilename, Encoding.UTF8.GetString(await File.ReadAllBytesAsync(path)));
    }
}
