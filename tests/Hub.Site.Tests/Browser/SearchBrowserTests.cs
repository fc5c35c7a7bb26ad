using Hub.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hub.Site.Tests.Browser;

/// <summary>Search in Chromium: Japanese and Korean words inside longer runs, questions as their own results.</summary>
[Collection("browser")]
public sealed class SearchBrowserTests
{
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
        // Done when the status says something other than "loading" (the full-text tier may load after the titles).
        await page.WaitForFunctionAsync("""
            () => {
              const s = document.getElementById('search-status');
              const f = document.querySelector('form.search-box');
              const text = s ? s.textContent.trim() : '';
              return text.length > 0 && text !== f.dataset.i18nLoading && text !== f.dataset.i18nFullTextLoading;
            }
            """);
        await page.WaitForTimeoutAsync(500);
        return await page.Locator("#search-results a.search-result-link").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
    }

    /// <summary>Waits for <paramref name="href"/> among the results of the search page (the full-text tier may come later).</summary>
    private static async Task ExpectFoundAsync(IPage page, string lang, string query, string href)
    {
        await ResultsAsync(page, lang, query);
        await Assertions.Expect(page.Locator($"#search-results a.search-result-link[href='{href}']"))
            .ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 15000 });
    }

    [Fact]
    public async Task JapaneseAndKoreanWordsAreFoundInsideLongerRuns()
    {
        using var site = new TestSite(Site());
        await using var session = await BrowserSession.StartAsync(site);
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

    [Fact]
    public async Task TypingInTheHeaderBoxShowsQuestionsThatLeadToTheirAnchor()
    {
        using var site = new TestSite(Site());
        await using var session = await BrowserSession.StartAsync(site);
        var page = session.Page;
        await page.GotoAsync(session.Url("ja/articles/retention/"));
        await page.Keyboard.PressAsync("/");
        Assert.Equal("site-search", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("一分");
        var link = page.Locator(".search-panel a[href$='#q-01']").First;
        await link.WaitForAsync(new LocatorWaitForOptions { Timeout = 15000 });
        await link.ClickAsync();
        await page.WaitForURLAsync("**/ja/catalogues/hiring/#q-01");
        Assert.True(await page.Locator("#q-01").IsVisibleAsync());
        Assert.Empty(session.ConsoleErrors);
    }
}
