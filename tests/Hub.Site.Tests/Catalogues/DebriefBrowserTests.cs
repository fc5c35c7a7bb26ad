using System.Text;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Hub.Site.Tests.Browser;
using Hub.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hub.Site.Tests.Catalogues;

/// <summary>
/// A debrief in Chromium under the dev server's CSP: three interviewers' scorecards loaded with the file picker and by
/// drag and drop; the ratings, the spread, a disagreement, the attribute nobody rated, the recommendations and the
/// notes (a hostile one shown as text); a malformed and a foreign file refused.
/// </summary>
[Collection("browser")]
public sealed class DebriefBrowserTests(DebriefBrowserTests.Server server) : IClassFixture<DebriefBrowserTests.Server>
{
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

    /// <summary>A version 1 scorecard of the fixture's catalogue, as the interview page exports it.</summary>
    private static string Scorecard(string interviewer, int? judgement, object recommendation, string note, string catalogue = "hiring", int version = 1) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["format"] = "hub-scorecard", ["version"] = version, ["catalogue"] = catalogue, ["lang"] = "ja", ["title"] = "採用面接",
            ["candidate"] = "山田", ["interviewer"] = interviewer, ["date"] = "2026-12-07",
            ["scale"] = new[] { (1, "強く懸念"), (2, "懸念あり"), (3, "良い"), (4, "非常に良い") }.Select(p => new { value = p.Item1, label = p.Item2 }),
            ["attributes"] = new object[] { new { id = "judgement", label = "状況判断", rating = judgement }, new { id = "teamwork", label = "チーム<b>ワーク</b>", rating = (int?)null } },
            ["questions"] = new object[] { new { id = "q-01", text = "更新まで90日の顧客で何をしますか。", attributes = new[] { "judgement" }, notes = note } },
            ["recommendation"] = recommendation, ["probe"] = "", ["saved"] = "2026-12-07T10:15:00.000Z",
        });

    private static FilePayload File(string name, string text) => new() { Name = name, MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(text) };

    [BrowserFact]
    public async Task ThreeScorecardsShowSpreadDisagreementGapsAndNotesAndBadFilesAreRefused()
    {
        var page = await Chromium.NewPageAsync(server.Session.Browser);
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
        await page.GotoAsync(server.Session.Url("ja/catalogues/hiring/debrief/"));
        Assert.False(await page.Locator("#debrief-result").IsVisibleAsync());

        await page.GetByLabel("評価シートのJSONファイルを選ぶ(複数可)").SetInputFilesAsync(new[]
        {
            File("sato.json", Scorecard("佐藤", 4, 4, ScorecardFixtures.Hostile + "数字で説明")),
            File("suzuki.json", Scorecard("鈴木", 3, "none", "")),
            File("broken.json", "{ \"format\": \"hub-scorecard\", "),
            File("other.json", Scorecard("田中", 2, 2, "", catalogue: "sales")),
        });
        await Assertions.Expect(page.Locator("#debrief-status")).ToHaveTextAsync("2件の評価シートを読み込みました");
        Assert.Equal(
        [
            "broken.json: 評価シートのJSONとして読めないため、読み込みませんでした",
            "other.json: 別の質問集(sales)の評価シートのため、読み込みませんでした",
        ], await page.Locator("#debrief-errors li").AllTextContentsAsync());

        // The third scorecard arrives by drag and drop.
        var third = Scorecard("高橋", 1, 1, "判断の理由が曖昧");
        await page.EvaluateAsync("""
            text => {
              const data = new DataTransfer();
              data.items.add(new File([text], 'takahashi.json', { type: 'application/json' }));
              document.getElementById('debrief-drop').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
            }
            """, third);
        await Assertions.Expect(page.Locator("#debrief-status")).ToHaveTextAsync("3件の評価シートを読み込みました");
        Assert.Empty(await page.Locator("#debrief-errors li").AllTextContentsAsync());

        Assert.Equal(["観点", "佐藤", "鈴木", "高橋", "ばらつき"], await page.Locator("#debrief-ratings thead th").AllTextContentsAsync());
        var judgement = page.Locator("#debrief-ratings tr[data-attribute=judgement]");
        Assert.Equal(["4 非常に良い", "3 良い", "1 強く懸念"], await judgement.Locator(".debrief-rating").AllTextContentsAsync());
        Assert.Equal("3 意見が分かれています", await judgement.Locator(".debrief-spread").TextContentAsync());
        Assert.Contains("is-disagreement", await judgement.GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        var teamwork = page.Locator("#debrief-ratings tr[data-attribute=teamwork]");
        Assert.Equal("—", await teamwork.Locator(".debrief-spread").TextContentAsync());
        Assert.Equal(["チーム<b>ワーク</b>"], await page.Locator("#debrief-gaps li").AllTextContentsAsync());
        Assert.Equal(["4 非常に良い", "判断保留", "1 強く懸念"], await page.Locator("#debrief-recommendations tbody td:nth-child(3)").AllTextContentsAsync());
        Assert.Equal([ScorecardFixtures.Hostile + "数字で説明", "判断の理由が曖昧"], await page.Locator(".debrief-question[data-question=q-01] dd").AllTextContentsAsync());
        Assert.Equal(0, await page.Locator("#main img, #main b").CountAsync());

        // Loading the same file again adds nothing; a version this page does not know is refused.
        await page.GetByLabel("評価シートのJSONファイルを選ぶ(複数可)").SetInputFilesAsync(new[]
        {
            File("sato.json", Scorecard("佐藤", 4, 4, ScorecardFixtures.Hostile + "数字で説明")),
            File("v2.json", Scorecard("伊藤", 2, 2, "", version: 2)),
        });
        await Assertions.Expect(page.Locator("#debrief-errors li")).ToHaveTextAsync(["v2.json: 形式のバージョン 2 には対応していないため、読み込みませんでした"]);
        Assert.Equal(3, await judgement.Locator(".debrief-rating").CountAsync());

        var results = await page.Locator("main").RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
        Assert.Empty(errors);
        await page.CloseAsync();
    }
}
