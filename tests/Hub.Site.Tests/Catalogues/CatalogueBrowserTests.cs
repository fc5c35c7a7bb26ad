using System.Text;
using Deque.AxeCore.Playwright;
using Hub.Site.Tests.Browser;
using Hub.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hub.Site.Tests.Catalogues;

/// <summary>
/// What a person does on a catalogue page in Chromium under the dev server's CSP: filter, follow a filtered link, build
/// an interview kit, print it and export it. One server and browser for the class; a fresh page per test.
/// </summary>
[Collection("browser")]
public sealed class CatalogueBrowserTests(CatalogueBrowserTests.Server server) : IClassFixture<CatalogueBrowserTests.Server>
{
    private const string PagePath = "ja/catalogues/interview/";

    public sealed class Server : IAsyncLifetime, IDisposable
    {
        private readonly TestSite _site = new(CatalogueFixtures.Site());

        public BrowserSession Session { get; private set; } = null!;

        // Without a Chromium every test of the class is skipped, and xunit still creates the fixture: start nothing.
        public async Task InitializeAsync()
        {
            if (Chromium.MissingReason is null)
            {
                Session = await BrowserSession.StartAsync(_site, basePath: "/cs-hub/");
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

    private sealed record OpenPage(IPage Page, List<string> Errors);

    private async Task<OpenPage> Open(string query = "", BrowserNewPageOptions? options = null, string path = PagePath)
    {
        var page = await Chromium.NewPageAsync(server.Session.Browser, options ?? new BrowserNewPageOptions());
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(server.Session.Url(path) + query);
        return new OpenPage(page, errors);
    }

    private static Task<string[]> VisibleIds(IPage page) =>
        page.EvalOnSelectorAllAsync<string[]>("li.question", "els => els.filter(e => e.offsetParent !== null).map(e => e.id)");

    private static Task<string[]> FacetCounts(IPage page) =>
        page.EvalOnSelectorAllAsync<string[]>(".filter-facet input", "els => els.map(e => e.value + '=' + e.closest('label').querySelector('.filter-count').textContent)");

    [BrowserFact]
    public async Task FilteringByFacetsAndTextUpdatesQuestionsCountsAndTheUrl()
    {
        var (page, errors) = await Open();
        Assert.Equal(["q-01", "q-02", "q-04", "q-03", "q-05"], await VisibleIds(page));
        Assert.True(await page.Locator("#q-01 .copy-link").IsVisibleAsync());
        Assert.True(await page.Locator("#catalogue-kit").IsVisibleAsync());

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "リスク" }).CheckAsync();
        Assert.Equal(["q-01", "q-03"], await VisibleIds(page));
        Assert.EndsWith("/interview/?category=risk", page.Url, StringComparison.Ordinal);
        // A facet's own counts ignore its selection (values are alternatives); the other facet's counts follow it.
        Assert.Equal(["risk=2", "teamwork=2", "product=1", "first=1", "final=2"], await FacetCounts(page));
        await Assertions.Expect(page.Locator("#catalogue-status")).ToHaveTextAsync("5問中 2問を表示しています");
        Assert.False(await page.Locator("#catalogue-group-2").IsVisibleAsync());

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "製品" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "最終面接" }).CheckAsync();
        Assert.Equal(["q-01", "q-03"], await VisibleIds(page));
        Assert.EndsWith("?category=risk&category=product&phase=final", page.Url, StringComparison.Ordinal);

        // Full-width letters in the text match half-width ones typed by the reader, and the other way round.
        await page.GetByLabel("キーワード").FillAsync("kpi");
        await Assertions.Expect(page.Locator("#catalogue-status")).ToHaveTextAsync("5問中 1問を表示しています");
        Assert.Equal(["q-03"], await VisibleIds(page));
        Assert.Contains("&q=kpi", page.Url, StringComparison.Ordinal);

        await page.Locator(".filter-reset").ClickAsync();
        await page.GetByLabel("キーワード").FillAsync("읽은");
        await Assertions.Expect(page.Locator("#catalogue-status")).ToHaveTextAsync("5問中 1問を表示しています");
        Assert.Equal(["q-04"], await VisibleIds(page));
        Assert.EndsWith("?q=%EC%9D%BD%EC%9D%80", page.Url, StringComparison.Ordinal);

        await page.GetByLabel("キーワード").FillAsync("存在しない言葉");
        await Assertions.Expect(page.Locator("#catalogue-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#catalogue-status")).ToHaveTextAsync("条件に合う質問はありません");
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task ARoleFilterAlsoShowsTheQuestionsForEveryRole()
    {
        var (page, errors) = await Open(path: "ja/catalogues/roles/");
        Assert.Equal(["r-01", "r-04", "r-02", "r-03"], await VisibleIds(page));
        // The script's counts agree with the build's (data-total), which counts the all-value towards every value.
        var totals = await page.EvalOnSelectorAllAsync<string[]>(".filter-facet input", "els => els.map(e => e.value + '=' + e.closest('label').querySelector('.filter-count').dataset.total)");
        Assert.Equal(totals, await FacetCounts(page));

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "CS" }).CheckAsync();
        await Assertions.Expect(page.Locator("#catalogue-status")).ToHaveTextAsync("4問中 3問を表示しています");
        Assert.Equal(["r-04", "r-02", "r-03"], await VisibleIds(page));
        Assert.EndsWith("/roles/?role=cs", page.Url, StringComparison.Ordinal);
        Assert.Equal(["is=3", "cs=3", "any=2", "first=1", "final=2"], await FacetCounts(page));

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "最終" }).CheckAsync();
        await Assertions.Expect(page.Locator("#catalogue-status")).ToHaveTextAsync("4問中 2問を表示しています");
        Assert.Equal(["r-02", "r-03"], await VisibleIds(page));

        // The all-value's own filter shows only the questions that carry it.
        var (shared, sharedErrors) = await Open("?role=any", path: "ja/catalogues/roles/");
        await Assertions.Expect(shared.Locator("#catalogue-status")).ToHaveTextAsync("4問中 2問を表示しています");
        Assert.Equal(["r-04", "r-03"], await VisibleIds(shared));
        Assert.Empty(errors);
        Assert.Empty(sharedErrors);
        await page.CloseAsync();
        await shared.CloseAsync();
    }

    [BrowserFact]
    public async Task AFilteredLinkOpensFilteredAndWithoutScriptEveryQuestionShows()
    {
        var (page, errors) = await Open("?category=teamwork&phase=final#q-04");
        Assert.Equal(["q-04"], await VisibleIds(page));
        Assert.True(await page.GetByRole(AriaRole.Checkbox, new() { Name = "チーム<ワーク>" }).IsCheckedAsync());
        Assert.True(await page.GetByRole(AriaRole.Checkbox, new() { Name = "最終面接" }).IsCheckedAsync());
        Assert.False(await page.GetByRole(AriaRole.Checkbox, new() { Name = "リスク" }).IsCheckedAsync());
        Assert.EndsWith("?category=teamwork&phase=final#q-04", page.Url, StringComparison.Ordinal);
        Assert.Empty(errors);
        await page.CloseAsync();

        var (noScript, noScriptErrors) = await Open("?category=teamwork", new BrowserNewPageOptions { JavaScriptEnabled = false });
        Assert.Equal(["q-01", "q-02", "q-04", "q-03", "q-05"], await VisibleIds(noScript));
        Assert.False(await noScript.Locator("#q-01 .copy-link").IsVisibleAsync());
        Assert.False(await noScript.Locator("#q-01 .kit-toggle").IsVisibleAsync());
        Assert.False(await noScript.Locator("#catalogue-kit").IsVisibleAsync());
        // The form still works as a plain GET form: the next page load (with script) applies it.
        await noScript.GetByRole(AriaRole.Checkbox, new() { Name = "リスク" }).CheckAsync();
        await noScript.GetByRole(AriaRole.Button, new() { Name = "絞り込む" }).ClickAsync();
        await noScript.WaitForURLAsync("**/interview/?q=&category=risk");
        Assert.Empty(noScriptErrors);
        await noScript.CloseAsync();
    }

    [BrowserFact]
    public async Task AKitIsKeptInTheUrlPrintsAsASheetAndExportsMarkdownAndCsv()
    {
        var (page, errors) = await Open();
        await page.Locator("#q-04 .kit-toggle").ClickAsync();
        await page.Locator("#q-02 .kit-toggle").ClickAsync();
        Assert.EndsWith("?kit=q-02,q-04", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#catalogue-kit-summary")).ToContainTextAsync("キットに2問あります");

        // The kit survives a reload and combines with filters; the sheet is the kit even where filters hide a question.
        await page.GotoAsync(page.Url.Replace("?kit=", "?category=risk&kit=", StringComparison.Ordinal));
        Assert.True(await page.Locator("#q-04 .kit-check").IsCheckedAsync());
        Assert.Equal(["q-01", "q-03"], await VisibleIds(page));
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.Equal(["q-02", "q-04"], await VisibleIds(page));
        foreach (var hidden in new[] { ".site-header", ".catalogue-filters", "#catalogue-kit", "#q-02 .copy-link", "#q-02 .kit-toggle", ".page-meta" })
        {
            Assert.False(await page.Locator(hidden).First.IsVisibleAsync(), hidden + " is printed");
        }
        Assert.True(await page.Locator("#q-02 .question-notes").IsVisibleAsync());
        Assert.True(await page.Locator("#q-02 .intent").IsVisibleAsync(), "details are printed open");
        Assert.True(await page.Locator(".sheet-fields").IsVisibleAsync());
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        Assert.False(await page.Locator("#q-02 .question-notes").IsVisibleAsync());

        // "Show only the kit" reviews the kit on screen without touching the filters in the link.
        var kitOnly = page.Locator("[data-action=kit-only]");
        await kitOnly.ClickAsync();
        Assert.Equal(["q-02", "q-04"], await VisibleIds(page));
        Assert.Equal("true", await kitOnly.GetAttributeAsync("aria-pressed"));
        await Assertions.Expect(page.Locator("#catalogue-status")).ToHaveTextAsync("キットの2問だけを表示しています");
        await kitOnly.ClickAsync();
        Assert.Equal(["q-01", "q-03"], await VisibleIds(page));
        Assert.EndsWith("?category=risk&kit=q-02,q-04", page.Url, StringComparison.Ordinal);

        var markdown = await Download(page, "download-markdown");
        Assert.Equal("interview.md", markdown.Name);
        Assert.StartsWith("# 面接の質問 \\<b\\>集\\</b\\>\n", markdown.Text, StringComparison.Ordinal);
        Assert.Contains("## 1. \\<img src=x onerror=alert(1)\\>同僚と意見が対立したときは?\n", markdown.Text, StringComparison.Ordinal);
        Assert.Contains("## 2. 최근에 읽은 책은 무엇인가요?\n", markdown.Text, StringComparison.Ordinal);
        Assert.Contains("/cs-hub/ja/catalogues/interview/#q-04) · カテゴリ: チーム\\<ワーク\\> · 面接段階: 最終面接\n", markdown.Text, StringComparison.Ordinal);
        Assert.Contains("- \\- starts like a list\n", markdown.Text, StringComparison.Ordinal);

        var csv = await Download(page, "download-csv");
        Assert.Equal("interview.csv", csv.Name);
        Assert.StartsWith("\uFEFF\"ID\",\"質問\",\"カテゴリ\",\"面接段階\",\"質問の意図\",\"良い回答のサイン\",\"注意すべき回答\",\"深掘りの質問\",\"関連KPI\",\"URL\",\"メモ\"\r\n", csv.Text, StringComparison.Ordinal);
        var rows = csv.Text.Split("\r\n");
        Assert.StartsWith("\"q-02\",\"<img src=x onerror=alert(1)>同僚と意見が対立したときは?\",\"チーム<ワーク>\",\"一次面接\",\"</script><script>alert(2)</script>\",\"\"\"quoted\"\", with comma\n- starts like a list\",\"'=HYPERLINK(\"\"http://evil\"\")\"", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("\"q-04\",\"최근에 읽은 책은 무엇인가요?\"", rows[2], StringComparison.Ordinal);
        Assert.Equal([""], rows[3..]);

        // With the kit emptied, exports take the questions shown.
        await page.Locator("[data-action=clear]").ClickAsync();
        Assert.EndsWith("?category=risk", page.Url, StringComparison.Ordinal);
        var shown = await Download(page, "download-csv");
        Assert.Equal(4, shown.Text.Split("\r\n").Length);
        Assert.Contains("\"q-01\",", shown.Text, StringComparison.Ordinal);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.Equal(["q-01", "q-03"], await VisibleIds(page));
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task CopyButtonsPutTheLinkAndTheSheetOnTheClipboard()
    {
        var (page, errors) = await Open("", new BrowserNewPageOptions { Permissions = ["clipboard-read", "clipboard-write"] });
        await page.Locator("#q-03 .copy-link").ClickAsync();
        await Assertions.Expect(page.Locator("#catalogue-kit-message")).ToHaveTextAsync("リンクをコピーしました");
        Assert.EndsWith("/cs-hub/ja/catalogues/interview/#q-03", await page.EvaluateAsync<string>("navigator.clipboard.readText()"), StringComparison.Ordinal);

        await page.Locator("#q-03 .kit-toggle").ClickAsync();
        await page.Locator("[data-action=copy-markdown]").ClickAsync();
        await Assertions.Expect(page.Locator("#catalogue-kit-message")).ToHaveTextAsync("コピーしました");
        var markdown = await page.EvaluateAsync<string>("navigator.clipboard.readText()");
        Assert.Contains("## 1. ＫＰＩをどう設計しますか。", markdown, StringComparison.Ordinal);
        await page.Locator("[data-action=copy-csv]").ClickAsync();
        Assert.StartsWith("\"ID\",", await page.EvaluateAsync<string>("navigator.clipboard.readText()"), StringComparison.Ordinal);
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task ThePageHasNoSeriousAccessibilityViolations()
    {
        var (page, errors) = await Open("?category=risk&kit=q-01");
        await page.Locator("#q-01 summary").ClickAsync();
        // The catalogue's own part of the page (the header and footer are checked by their owners' tests).
        var results = await page.Locator("main").RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));

        // Keyboard: the filters and the kit are reachable and operable without a mouse.
        await page.Locator("#catalogue-q").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space");
        Assert.Equal(["q-01", "q-02", "q-04", "q-03"], await VisibleIds(page));
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    private static async Task<(string Name, string Text)> Download(IPage page, string action)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($"[data-action={action}]").ClickAsync());
        var path = await download.PathAsync();
        return (download.SuggestedFilename, Encoding.UTF8.GetString(await File.ReadAllBytesAsync(path)));
    }

    [BrowserFact]
    public async Task OnAPhoneTheEmptyKitIsOneLineUntilAQuestionIsAdded()
    {
        var (page, errors) = await Open(options: new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var actions = page.Locator("#catalogue-kit .kit-actions");
        await Assertions.Expect(page.Locator("#catalogue-kit")).ToBeVisibleAsync();
        await Assertions.Expect(actions).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#catalogue-kit .kit-help")).ToBeHiddenAsync();
        var kitHeight = await page.EvalOnSelectorAsync<double>("#catalogue-kit", "e => e.getBoundingClientRect().height");
        Assert.True(kitHeight < 120, $"the empty kit is {kitHeight}px tall");
        // The first question starts within the first screen.
        var firstTop = await page.EvalOnSelectorAsync<double>("li.question", "e => e.getBoundingClientRect().top + window.scrollY");
        Assert.True(firstTop < 844, $"the first question starts at {firstTop}px");

        await page.Locator("#q-02 .kit-toggle").ClickAsync();
        await Assertions.Expect(actions).ToBeVisibleAsync();
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task OnAWideScreenTheEmptyKitKeepsItsButtons()
    {
        var (page, errors) = await Open(options: new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await Assertions.Expect(page.Locator("#catalogue-kit .kit-actions")).ToBeVisibleAsync();
        Assert.Empty(errors);
        await page.CloseAsync();
    }
}
