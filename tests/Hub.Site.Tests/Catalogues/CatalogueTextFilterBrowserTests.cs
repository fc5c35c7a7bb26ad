using Hub.Site.Tests.Browser;
using Hub.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hub.Site.Tests.Catalogues;

/// <summary>
/// The catalogue page's text filter reads every field of a question (text, intent, look-fors, red flags, follow-ups,
/// tags, the KPIs it names by title and abbreviation) and marks what matched, in Japanese, Korean and English.
/// </summary>
[Collection("browser")]
public sealed class CatalogueTextFilterBrowserTests(CatalogueTextFilterBrowserTests.Served served) : IClassFixture<CatalogueTextFilterBrowserTests.Served>
{
    /// <summary>The site of <see cref="Site"/>, served once for the class: no test edits it.</summary>
    public sealed class Served() : ServedSite(Site());

    private static string Kpi(string title, string start) => $$"""
        ---
        title: {{title}}
        abbr: NRR
        formula: kept / start
        result: { format: percent, decimals: 1, better: higher }
        inputs:
          - { name: kept, label: {{start}} kept, unit: count, min: 0, default: 110 }
          - { name: start, label: {{start}}, unit: count, min: 1, default: 100 }
        cadence: monthly
        indicator: lagging
        examples:
          - { inputs: { kept: 110, start: 100 }, result: 1.1 }
        ---

        {{title}}.
        """;

    private static string Catalogue(string title, string q1, string q2, string lookFor, string q3, string followUp) => $$"""
        title: {{title}}
        audience: interviewer
        facets:
          category:
            - { id: growth, label: Growth }
        questions:
          - id: q-01
            text: {{q1}}
            category: growth
            kpis: [nrr]
          - id: q-02
            text: {{q2}}
            category: growth
            lookFor: [{{lookFor}}]
          - id: q-03
            text: {{q3}}
            category: growth
            redFlags: [Discount]
            followUps: [{{followUp}}]
        """;

    private static Dictionary<string, string> Site() => new()
    {
        ["kpis/nrr.md"] = Kpi("売上継続率", "期首売上"),
        ["kpis/nrr.ko.md"] = Kpi("순매출 유지율", "기초 매출"),
        ["kpis/nrr.en.md"] = Kpi("Net revenue retention", "Starting revenue"),
        ["catalogues/growth.yml"] = Catalogue("成長の質問", "既存顧客の売上をどう伸ばしますか。", "チームの話をしてください。", "拡張売上の事例", "別の質問です。", "その後の更新率は?"),
        ["catalogues/growth.ko.yml"] = Catalogue("성장 질문", "기존 고객 매출을 어떻게 늘립니까?", "팀 이야기를 해 주세요.", "확장 매출 사례", "다른 질문입니다.", "그 후의 갱신율은?"),
        ["catalogues/growth.en.yml"] = Catalogue("Growth questions", "How do you grow existing accounts?", "Tell us about your team.", "An expansion story", "Another question.", "What was the renewal rate after?"),
    };

    private static Task<string[]> VisibleIds(IPage page) =>
        page.EvalOnSelectorAllAsync<string[]>("li.question", "els => els.filter(e => e.offsetParent !== null).map(e => e.id)");

    [BrowserTheory]
    [InlineData("ja", "事例", "更新率", "既存")]
    [InlineData("ko", "사례", "갱신율", "기존")]
    [InlineData("en", "story", "renewal", "existing")]
    public async Task TheTextFilterFindsEveryFieldAndMarksWhatMatched(string lang, string lookForWord, string followUpWord, string textWord)
    {
        await using var session = await served.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(session.Url(lang + "/catalogues/growth/"));
        var filter = page.Locator("#catalogue-q");

        // A KPI's abbreviation finds the question naming it, whose KPI link is marked.
        await filter.FillAsync("nrr");
        await Assertions.Expect(page.Locator("#q-02")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("li.question:not([hidden])")).ToHaveCountAsync(1);
        Assert.Equal(["q-01"], await VisibleIds(page));
        await Assertions.Expect(page.Locator("#q-01 .question-kpis a.filter-match-kpi")).ToHaveCountAsync(1);

        // A look-for, inside the folded details: found, marked, and the details opened to show it.
        await filter.FillAsync(lookForWord);
        await Assertions.Expect(page.Locator("#q-02")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("li.question:not([hidden])")).ToHaveCountAsync(1);
        Assert.Equal(["q-02"], await VisibleIds(page));
        await Assertions.Expect(page.Locator("#q-02 .look-for mark.filter-match")).ToHaveTextAsync(lookForWord);
        Assert.True(await page.Locator("#q-02 details.question-details").EvaluateAsync<bool>("d => d.open"));
        await Assertions.Expect(page.Locator("#q-02 .look-for mark.filter-match")).ToBeVisibleAsync();

        // A follow-up and a red flag.
        await filter.FillAsync(followUpWord);
        await Assertions.Expect(page.Locator("#q-03")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("li.question:not([hidden])")).ToHaveCountAsync(1);
        Assert.Equal(["q-03"], await VisibleIds(page));
        await Assertions.Expect(page.Locator("#q-03 .follow-ups mark.filter-match")).ToHaveTextAsync(followUpWord);
        await filter.FillAsync("discount");
        await Assertions.Expect(page.Locator("#q-03 .red-flags mark.filter-match")).ToHaveTextAsync("Discount");
        Assert.Equal(["q-03"], await VisibleIds(page));

        // The question's own text, marked; the details the filter opened close again.
        await filter.FillAsync(textWord);
        await Assertions.Expect(page.Locator("#q-01 .question-text mark.filter-match")).ToHaveTextAsync(textWord);
        await Assertions.Expect(page.Locator("li.question:not([hidden])")).ToHaveCountAsync(1);
        Assert.Equal(["q-01"], await VisibleIds(page));
        Assert.False(await page.Locator("#q-02 details.question-details").EvaluateAsync<bool>("d => d.open"));

        await filter.FillAsync(string.Empty);
        await Assertions.Expect(page.Locator("li.question:not([hidden])")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("mark.filter-match")).ToHaveCountAsync(0);
        Assert.Empty(session.ConsoleErrors);
    }
}
