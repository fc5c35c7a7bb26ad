using Hub.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hub.Site.Tests.Browser;

/// <summary>
/// What a search shows and where it leads, in Japanese, Korean and English: each result's real kind and the kind and
/// language filters, readable snippets, sub-results under the headings that matched, and the words marked on the page
/// a result opens.
/// </summary>
[Collection("browser")]
public sealed class SearchResultsBrowserTests(SearchResultsBrowserTests.Served served) : IClassFixture<SearchResultsBrowserTests.Served>
{
    /// <summary>The site of <see cref="Site"/>, served once for the class: no test edits it.</summary>
    public sealed class Served() : ServedSite(Site());

    private static Dictionary<string, string> Site()
    {
        var files = Fixtures.Basic();
        files["articles/reading.md"] = """
            ---
            title: 解約の見方
            ---

            期首の MRR から縮小した分を見る。

            | 指標 | 意味 |
            |---|---|
            | 縮小額 | 減った金額 |

            ## 読み方

            - 解約率は月次で見る
            - 縮小額は別に見る

            ## 注意点

            季節性に気をつける。

            *[MRR]: Monthly Recurring Revenue
            """;
        files["articles/journey.ko.md"] = "---\ntitle: 고객 여정 지도\n---\n\n온보딩의 첫 주.\n\n## 갱신 준비\n\n갱신 전에 건강 점수를 본다.\n";
        files["articles/renewal.en.md"] = "---\ntitle: Renewal basics\n---\n\nStart early.\n\n## Pricing talks\n\nDiscuss renewal pricing with the champion.\n";
        files["catalogues/onboarding.en.yml"] = """
            title: Onboarding questions
            audience: interviewer
            summary: Questions for the onboarding call
            facets:
              category:
                - { id: setup, label: Setup }
            questions:
              - id: q-01
                text: Which onboarding milestone matters most to you?
                category: setup
            """;
        return files;
    }

    private static string Root(IPage page) => page.Url[..(page.Url.IndexOf("/cs-hub/", StringComparison.Ordinal) + "/cs-hub".Length)];

    /// <summary>Opens the results page for <paramref name="query"/> and waits until the results are final.</summary>
    private static async Task SearchAsync(IPage page, string lang, string query, string extra = "")
    {
        await page.GotoAsync($"{Root(page)}/{lang}/search/?q={Uri.EscapeDataString(query)}{extra}");
        await WaitForResultsAsync(page);
    }

    private static Task WaitForResultsAsync(IPage page) => page.WaitForFunctionAsync("""
        () => {
          const s = document.getElementById('search-status');
          const f = document.querySelector('form.search-box');
          const text = s ? s.textContent.trim() : '';
          return text.length > 0 && text !== f.dataset.i18nLoading;
        }
        """);

    /// <summary>The result leading to <paramref name="path"/> (its link also carries ?highlight= before any anchor).</summary>
    private static ILocator Result(IPage page, string path)
    {
        var hash = path.IndexOf('#', StringComparison.Ordinal);
        var link = hash < 0
            ? $"a.search-result-link[href^='/cs-hub{path}']:not([href*='#'])"
            : $"a.search-result-link[href^='/cs-hub{path[..hash]}'][href$='{path[hash..]}']";
        return page.Locator("#search-results > li").Filter(new LocatorFilterOptions { Has = page.Locator(link) });
    }

    [BrowserFact]
    public async Task ResultsCarryTheirKindAndFilterByKindAndLanguage()
    {
        await using var session = await served.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(session.Url("ja/"));

        // A catalogue page is a catalogue (質問集), not an article; its questions are questions.
        await SearchAsync(page, "ja", "採用");
        await Assertions.Expect(Result(page, "/ja/catalogues/hiring/").Locator(".search-result-kind")).ToHaveTextAsync("質問集");
        Assert.Equal("search-result search-result-catalogue", await Result(page, "/ja/catalogues/hiring/").GetAttributeAsync("class"));
        await Assertions.Expect(page.Locator("label:has(input[name=kind][value=catalogue]) .search-kind-count")).ToHaveTextAsync("(1)");
        await Assertions.Expect(page.Locator("label:has(input[name=kind][value=article]) .search-kind-count")).ToHaveTextAsync("(0)");

        await SearchAsync(page, "ja", "質問");
        await page.Locator("input[name=kind][value=catalogue]").CheckAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("[?&]kind=catalogue"));
        await WaitForResultsAsync(page);
        await Assertions.Expect(page.Locator("#search-results > li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#search-results > li.search-result-catalogue")).ToHaveCountAsync(1);

        // The language filter searches another language's index from this page.
        await SearchAsync(page, "ja", "갱신");
        await Assertions.Expect(page.Locator("#search-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(0 件|見つかりませんでした)"));
        await page.Locator("input[name=lang][value=ko]").CheckAsync();
        await Assertions.Expect(Result(page, "/ko/articles/journey/")).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 15000 });
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("[?&]lang=ko"));
        // …and the address keeps it: reopened, the page searches Korean again.
        await page.ReloadAsync();
        await WaitForResultsAsync(page);
        Assert.True(await page.Locator("input[name=lang][value=ko]").IsCheckedAsync());
        await Assertions.Expect(Result(page, "/ko/articles/journey/")).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 15000 });

        // English and Korean pages label the kinds in their language.
        await SearchAsync(page, "en", "onboarding");
        await Assertions.Expect(Result(page, "/en/catalogues/onboarding/").Locator(".search-result-kind")).ToHaveTextAsync("Catalogue");
        await Assertions.Expect(Result(page, "/en/catalogues/onboarding/#q-01").Locator(".search-result-kind")).ToHaveTextAsync("Question");
        await SearchAsync(page, "ko", "갱신");
        await Assertions.Expect(Result(page, "/ko/articles/journey/").Locator(".search-result-kind")).ToHaveTextAsync("기사");
        await Assertions.Expect(page.Locator("label:has(input[name=kind][value=catalogue])")).ToContainTextAsync("질문 모음");
        await Assertions.Expect(page.Locator("fieldset.search-langs legend")).ToHaveTextAsync("언어");
        Assert.Empty(session.ConsoleErrors);
    }

    [BrowserFact]
    public async Task SnippetsAreReadableAndMarkTheWordsInEveryScript()
    {
        await using var session = await served.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(session.Url("ja/"));

        // An abbreviation stays in the text; table cells are apart.
        await SearchAsync(page, "ja", "縮小");
        var snippet = Result(page, "/ja/articles/reading/").Locator(".search-result-snippet");
        await Assertions.Expect(snippet).ToContainTextAsync("期首の MRR から縮小した分を見る。");
        await Assertions.Expect(snippet).ToContainTextAsync("縮小額 · 減った金額");
        Assert.Equal(["縮小", "縮小"], await snippet.Locator("mark").AllTextContentsAsync());

        // A KPI's snippet is its definition, not the calculator's input labels.
        await SearchAsync(page, "ja", "期首");
        var kpi = Result(page, "/ja/kpis/churn-rate/");
        var first = kpi.Locator(".search-result-snippet, .search-subresult-snippet").First;
        await Assertions.Expect(first).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^期首の顧客のうち解約した割合。"));

        await SearchAsync(page, "ko", "갱신");
        Assert.Contains("갱신", await Result(page, "/ko/articles/journey/").Locator("mark").AllTextContentsAsync());
        await SearchAsync(page, "en", "pricing");
        Assert.Contains("Pricing", await Result(page, "/en/articles/renewal/").Locator("mark").AllTextContentsAsync());
        Assert.Contains("pricing", await Result(page, "/en/articles/renewal/").Locator("mark").AllTextContentsAsync());
        Assert.Empty(session.ConsoleErrors);
    }

    [BrowserTheory]
    [InlineData("ja", "月次", "/ja/articles/reading/", "読み方", "解約率は月次で見る · 縮小額は別に見る")]
    [InlineData("ko", "건강", "/ko/articles/journey/", "갱신 준비", "갱신 전에 건강 점수를 본다.")]
    [InlineData("en", "champion", "/en/articles/renewal/", "Pricing talks", "…renewal pricing with the champion.")]
    public async Task AMatchUnderAHeadingLeadsToItAndTheWordsAreMarkedThere(string lang, string query, string path, string heading, string sectionText)
    {
        await using var session = await served.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(session.Url(lang + "/"));

        await SearchAsync(page, lang, query);
        var result = Result(page, path);
        var sub = result.Locator(".search-subresult");
        await Assertions.Expect(sub).ToHaveCountAsync(1);
        await Assertions.Expect(sub.Locator("a.search-subresult-link")).ToHaveTextAsync(heading);
        await Assertions.Expect(sub.Locator(".search-subresult-snippet")).ToHaveTextAsync(sectionText);
        await Assertions.Expect(sub.Locator(".search-subresult-snippet mark")).ToHaveTextAsync(query);
        await sub.Locator("a.search-subresult-link").ClickAsync();

        // The landing page: at the heading, the words marked in the main content, a control to remove them.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/cs-hub" + path);
        var marks = page.Locator("#main mark.search-highlight");
        await Assertions.Expect(marks).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 15000 });
        await Assertions.Expect(marks).ToHaveTextAsync(query);
        var headingId = await page.EvaluateAsync<string>("() => decodeURIComponent(location.hash.slice(1))");
        await Assertions.Expect(page.Locator($"#main :is(h2, h3)[id='{headingId}']")).ToContainTextAsync(heading);
        Assert.Equal("?highlight=" + Uri.EscapeDataString(query), new Uri(page.Url).Query);
        await Assertions.Expect(marks).ToBeInViewportAsync();

        await page.Locator("#main button.search-highlight-clear").ClickAsync();
        await Assertions.Expect(marks).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#main .search-highlight-bar")).ToHaveCountAsync(0);
        Assert.DoesNotContain("highlight=", page.Url, StringComparison.Ordinal);
        Assert.Contains(query, await page.Locator("#main").TextContentAsync(), StringComparison.Ordinal);

        // Reopened with the words, the next search removes the marks.
        await page.GotoAsync($"{Root(page)}{path}?highlight={Uri.EscapeDataString(query)}");
        await Assertions.Expect(marks).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 15000 });
        await page.Locator("#site-search").FillAsync("x");
        await Assertions.Expect(marks).ToHaveCountAsync(0);
        Assert.Empty(session.ConsoleErrors);
    }
}
