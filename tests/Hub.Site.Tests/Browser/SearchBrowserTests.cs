using System.Text.Json;
using Hub.Search.Lunr;
using Hub.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hub.Site.Tests.Browser;

/// <summary>Search in Chromium: Japanese and Korean words inside longer runs, questions as their own results.</summary>
[Collection("browser")]
public sealed class SearchBrowserTests(SearchBrowserTests.Served served, SearchBrowserTests.DefaultSiteServed defaultSite)
    : IClassFixture<SearchBrowserTests.Served>, IClassFixture<SearchBrowserTests.DefaultSiteServed>
{
    /// <summary>The site of <see cref="Site"/>, served once for the tests that only read it.</summary>
    public sealed class Served() : ServedSite(Site());

    /// <summary>The repository's own site (input/) under the base path /kb/, served once: the largest site a browser test builds.</summary>
    public sealed class DefaultSiteServed() : ServedSite(DefaultSiteFiles(), basePath: "/kb/", withConfig: false);

    private static Dictionary<string, string> DefaultSiteFiles()
    {
        var input = Path.Combine(TestSite.RepoRoot, "input");
        return Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(input, f).Replace('\\', '/'), File.ReadAllText);
    }

    private static Dictionary<string, string> Site()
    {
        var files = Fixtures.Basic();
        files["articles/tokyo.md"] = "---\ntitle: 地名のテスト\n---\n\n京都の話と東京の話。\n";
        files["articles/voc.ko.md"] = "---\ntitle: 고객의 소리 분석\nsummary: VOC를 리텐션 전략으로\n---\n\n고객만족도조사결과를 정리합니다.\n";
        files["articles/hostile.en.md"] = "---\ntitle: \"<img src=x onerror=alert(1)> Hostile\"\n---\n\nChurnGuard text.\n";
        return files;
    }

    private static async Task<IReadOnlyList<string>> ResultsAsync(IPage page, string lang, string query)
    {
        var root = page.Url[..(page.Url.IndexOf("/cs-hub/", StringComparison.Ordinal) + "/cs-hub".Length)];
        await page.GotoAsync($"{root}/{lang}/search/?q={Uri.EscapeDataString(query)}");
        // Done when the status says something other than "loading": the results page asks titles and full text in one
        // search and writes the status and the list in the same turn, so the list is final then.
        await page.WaitForFunctionAsync("""
            () => {
              const s = document.getElementById('search-status');
              const f = document.querySelector('form.search-box');
              const text = s ? s.textContent.trim() : '';
              return text.length > 0 && text !== f.dataset.i18nLoading;
            }
            """);
        // A result's link also carries ?highlight= (the words to mark on the page): where it leads is its path and anchor.
        return await page.Locator("#search-results a.search-result-link").EvaluateAllAsync<string[]>("els => els.map(e => e.pathname + e.hash)");
    }

    /// <summary>Waits for <paramref name="href"/> among the results of the search page (the full-text tier may come later).</summary>
    private static async Task ExpectFoundAsync(IPage page, string lang, string query, string href)
    {
        await ResultsAsync(page, lang, query);
        await page.WaitForFunctionAsync(
            "href => Array.from(document.querySelectorAll('#search-results a.search-result-link')).filter(a => a.pathname + a.hash === href).length === 1",
            href, new PageWaitForFunctionOptions { Timeout = 15000 });
    }

    [BrowserFact]
    public async Task JapaneseAndKoreanWordsAreFoundInsideLongerRuns()
    {
        await using var session = await served.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(session.Url("ja/"));

        await ExpectFoundAsync(page, "ja", "対立", "/cs-hub/ja/catalogues/hiring/#q-02");
        await ExpectFoundAsync(page, "ja", "根本原因", "/cs-hub/ja/articles/retention/");
        await ExpectFoundAsync(page, "ja", "率", "/cs-hub/ja/kpis/churn-rate/");
        await ExpectFoundAsync(page, "ja", "東京", "/cs-hub/ja/articles/tokyo/");
        await ExpectFoundAsync(page, "ko", "만족도", "/cs-hub/ko/articles/voc/");
        await ExpectFoundAsync(page, "en", "ChurnGuard", "/cs-hub/en/articles/hostile/");
        Assert.Empty(await page.Locator("#search-results img").AllAsync());

        // 東京都 must not match a page that has 京都 and 東京 apart; the page with 東京 is found once the full text is in.
        await ExpectFoundAsync(page, "ja", "東京 話", "/cs-hub/ja/articles/tokyo/");
        Assert.DoesNotContain("/cs-hub/ja/articles/tokyo/", await ResultsAsync(page, "ja", "東京都"));
        Assert.Empty(session.ConsoleErrors);
    }

    [BrowserFact]
    public async Task KanaSpellingsStemsAndTyposFindTheSamePages()
    {
        var files = Site();
        files["articles/kana.md"] = "---\ntitle: オンボーディングの手引き\n---\n\n最初の一週間。\n";
        files["articles/renewals.en.md"] = "---\ntitle: Renewal playbook\n---\n\nCustomers who churned last quarter.\n";
        using var site = new TestSite(files);
        await using var session = await BrowserSession.StartAsync(site);
        var page = session.Page;
        await page.GotoAsync(session.Url("ja/"));

        // Hiragana finds the katakana title, and the mark is on the author's katakana.
        await ExpectFoundAsync(page, "ja", "おんぼーでぃんぐ", "/cs-hub/ja/articles/kana/");
        var kana = page.Locator("#search-results li", new PageLocatorOptions { Has = page.Locator("a[href^='/cs-hub/ja/articles/kana/']") });
        Assert.Contains("オンボーディング", await kana.Locator("mark").AllTextContentsAsync());

        // "churn" finds the page that says "churned"; a transposed "playbook" finds it too, and the status says so.
        await ExpectFoundAsync(page, "en", "churn", "/cs-hub/en/articles/renewals/");
        await ExpectFoundAsync(page, "en", "plyabook", "/cs-hub/en/articles/renewals/");
        await Assertions.Expect(page.Locator("#search-status")).ToContainTextAsync("showing results for “playbook”");
        await ExpectFoundAsync(page, "en", "playbook", "/cs-hub/en/articles/renewals/");
        Assert.DoesNotContain("showing results for", await page.Locator("#search-status").TextContentAsync() ?? "", StringComparison.Ordinal);
        Assert.Empty(session.ConsoleErrors);
    }

    [BrowserFact]
    public async Task TypingInTheHeaderBoxShowsQuestionsThatLeadToTheirAnchor()
    {
        await using var session = await served.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(session.Url("ja/articles/retention/"));
        await page.Keyboard.PressAsync("/");
        Assert.Equal("site-search", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("一分");
        var link = page.Locator(".search-panel a[href$='#q-01']").First;
        await link.WaitForAsync(new LocatorWaitForOptions { Timeout = 15000 });
        await link.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/ja/catalogues/hiring/\\?highlight=[^#]+#q-01$"));
        Assert.True(await page.Locator("#q-01").IsVisibleAsync());
        Assert.Empty(session.ConsoleErrors);
    }

    /// <summary>
    /// The default site (input/) under a base path: the first search fetches the title tier, the
    /// full-text shards of the query's terms only, and the text chunks of the results it shows (a
    /// two-character query has no adjacency to confirm) or had to confirm (three characters).
    /// </summary>
    [BrowserTheory]
    [InlineData("健全", true)]
    [InlineData("解約率", false)]
    public async Task FirstSearchOnTheDefaultSiteFetchesOnlyTheQuerysShardsAndItsResultsText(string query, bool exactText)
    {
        // A page in a new browser context has an empty cache, so its search is a first search.
        await using var session = await defaultSite.OpenAsync();
        var site = defaultSite.Site;
        var fetched = new List<string>();
        session.Page.Context.Request += (_, request) =>
        {
            var path = new Uri(request.Url).AbsolutePath;
            if (path.StartsWith("/kb/search/ja/", StringComparison.Ordinal))
            {
                lock (fetched)
                {
                    fetched.Add(path["/kb/search/ja/".Length..]);
                }
            }
        };
        var page = session.Page;
        await page.GotoAsync(session.Url($"ja/search/?q={Uri.EscapeDataString(query)}"));
        await page.WaitForFunctionAsync("""
            () => {
              const s = document.getElementById('search-status');
              const f = document.querySelector('form.search-box');
              const text = s ? s.textContent.trim() : '';
              return text.length > 0 && text !== f.dataset.i18nLoading;
            }
            """);
        var hrefs = await page.Locator("#search-results a.search-result-link").EvaluateAllAsync<string[]>("els => els.map(e => e.pathname + e.hash)");
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, h => Assert.StartsWith("/kb/ja/", h, StringComparison.Ordinal));

        using var titles = JsonDocument.Parse(site.ReadOutput("search/ja/index-titles.json"));
        var shardCount = titles.RootElement.GetProperty("shards").GetInt32();
        var chunkOf = titles.RootElement.GetProperty("chunks").EnumerateArray()
            .SelectMany((c, k) => Enumerable.Repeat(k, c.GetInt32())).ToList();
        using var docs = JsonDocument.Parse(site.ReadOutput("search/ja/docs.json"));
        var positions = docs.RootElement.EnumerateArray().Select((d, i) => (Url: d[1].GetString()!, i)).ToDictionary(d => d.Url, d => d.i);
        // Results link under the prefix the site is served at; the index holds site-root paths.
        var shownChunks = hrefs.Select(h => $"text-{chunkOf[positions[h["/kb".Length..]]]}.json").ToHashSet();
        var bigrams = Enumerable.Range(0, query.Length - 1).Select(i => query.Substring(i, 2));
        var expectedShards = bigrams.Select(b => $"index-full-{LunrShardedIndexJson.ShardOf(b, shardCount)}.json").ToHashSet();

        List<string> seen;
        lock (fetched)
        {
            seen = [.. fetched.Select(f => f.Split('?')[0])];
        }

        Assert.True(shardCount > 1, "the default site's Japanese full text is sharded");
        Assert.Equal(1, seen.Count(f => f == "index-titles.json"));
        Assert.Equal(1, seen.Count(f => f == "docs.json"));
        Assert.Equal(expectedShards.Order(), seen.Where(f => f.StartsWith("index-full-", StringComparison.Ordinal)).Order());
        var textChunks = seen.Where(f => f.StartsWith("text-", StringComparison.Ordinal)).ToList();
        Assert.Equal(textChunks.Count, textChunks.Distinct().Count());
        Assert.Superset(shownChunks, textChunks.ToHashSet());
        if (exactText)
        {
            Assert.Equal(shownChunks.Order(), textChunks.Order());
        }

        Assert.True(textChunks.Count < chunkOf.Distinct().Count(), "not every text chunk");
        Assert.Empty(session.ConsoleErrors);
    }

    /// <summary>
    /// When the engine stops confirming adjacency at the box's limit, the count says "約 N 件" (the
    /// unchecked candidates counted), the shown results are all real matches, and the results page
    /// confirms them all.
    /// </summary>
    [BrowserFact]
    public async Task UnconfirmedCandidatesAreCountedAsAnEstimateAndNeverShown()
    {
        var files = Fixtures.Basic();
        var filler = string.Concat(Enumerable.Repeat("顧客の声を聞いて改善を続ける。", 120)); // ~5 KB: a text chunk of its own
        for (var i = 0; i < 30; i++)
        {
            var together = i % 2 == 0;
            files[$"articles/place-{i:00}.md"] = $"---\ntitle: 地域の話その{i}\n---\n\n{filler}\n\n{(together ? "東京都の顧客。" : "京都の顧客と東京の顧客。")}\n";
        }

        using var site = new TestSite(files);
        await using var session = await BrowserSession.StartAsync(site, basePath: "/cs-hub/");
        var page = session.Page;

        // The header box asks for 8 results only: it stops confirming early and says so.
        await page.GotoAsync(session.Url("ja/"));
        await page.Locator("#site-search").FillAsync("東京都");
        var panelStatus = page.Locator("form:has(#site-search) .search-panel .search-status");
        await Assertions.Expect(panelStatus).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^約 (1[5-9]|2[0-9]) 件$"), new LocatorAssertionsToHaveTextOptions { Timeout = 15000 });
        await Assertions.Expect(page.Locator("form:has(#site-search) .search-panel .search-view-all")).ToContainTextAsync("約");
        var boxLinks = await page.Locator("form:has(#site-search) .search-panel a.search-result-link").EvaluateAllAsync<string[]>("els => els.map(e => e.pathname)");
        Assert.Equal(8, boxLinks.Length);
        Assert.All(boxLinks, r => Assert.Matches("place-[0-9]*[02468]/$", r));

        // The results page shows 20: with 15 real matches among 30 candidates it confirms them all.
        var results = await ResultsAsync(page, "ja", "東京都");
        await Assertions.Expect(page.Locator("#search-status")).ToHaveTextAsync("15 件");
        Assert.Equal(15, results.Count);
        Assert.All(results, r => Assert.Matches("place-[0-9]*[02468]/$", r));
        Assert.Empty(session.ConsoleErrors);
    }
}
