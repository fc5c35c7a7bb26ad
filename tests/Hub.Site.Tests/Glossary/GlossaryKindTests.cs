using System.Text.Json;
using Hub.Site.Content;
using Hub.Site.Content.Glossary;
using Hub.Site.Scaffolding;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Glossary;

/// <summary>
/// The glossary kind (<c>input/glossary/*.yml</c>): term pages, the index grouped by initial in each language, terms
/// as search documents of their own kind, related pages checked, and <c>hub new term</c>.
/// </summary>
public sealed class GlossaryKindTests
{
    public static Dictionary<string, string> Files() => Fixtures.BasicWith(
        ("glossary/churn.yml", "title: 解約率\nreading: かいやくりつ\naliases: [チャーンレート]\ndefinition: 一定期間に解約した顧客の割合。\nrelated: [kpis/churn-rate, articles/retention]\ntags: [retention]\n"),
        ("glossary/nrr.yml", "title: NRR\naliases: [ネット売上維持率]\ndefinition: 既存顧客からの売上がどれだけ残り、伸びたか。\n"),
        ("glossary/grr.yml", "title: グロス売上維持率\naliases: [GRR]\ndefinition: 縮小と解約を差し引いて残った売上の割合。\n"),
        ("glossary/expansion.yml", "title: エクスパンション\ndefinition: 既存顧客からの売上が増えること。\n"),
        ("glossary/gakushu.yml", "title: 学習コスト\nreading: ガクシュウコスト\ndefinition: 使いこなすまでにかかる手間。\n"),
        ("glossary/churn.ko.yml", "title: 이탈률\ndefinition: 일정 기간에 해지한 고객의 비율.\nrelated: [kpis/churn-rate]\n"),
        ("glossary/nrr.ko.yml", "title: 순매출 유지율\naliases: [NRR]\ndefinition: 기존 고객 매출이 얼마나 남고 늘었는지.\n"),
        ("glossary/csm.ko.yml", "title: 고객 성공 관리자\nreading: 고객 성공 관리자\naliases: [CSM]\ndefinition: 고객의 성과를 책임지는 담당자.\n"),
        ("glossary/kkum.ko.yml", "title: 꿈의 고객\ndefinition: 이상적인 고객.\n"),
        ("glossary/churn.en.yml", "title: Churn rate\naliases: [churn]\ndefinition: The share of customers who cancel in a period.\nrelated: [kpis/churn-rate]\n"),
        ("glossary/nrr.en.yml", "title: NRR\naliases: [Net revenue retention]\ndefinition: How much revenue from existing customers stays and grows.\n"),
        ("glossary/arr.en.yml", "title: ARR\ndefinition: Annual recurring revenue.\n"),
        ("glossary/3c.en.yml", "title: 3C analysis\ndefinition: Customer, competitor, company.\n"));

    [Fact]
    public void EachTermHasAPageWithItsReadingAliasesDefinitionAndRelatedPages()
    {
        using var site = new TestSite(Files());
        site.BuildOk();
        var page = site.Html("/ja/glossary/churn/");
        Assert.Equal("解約率", page.QuerySelector(".term-page h1")!.TextContent);
        Assert.Contains("かいやくりつ", page.QuerySelector(".term-reading")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("一定期間に解約した顧客の割合。", page.QuerySelector(".term-definition")!.TextContent);
        Assert.Equal(["チャーンレート"], page.QuerySelectorAll(".term-aliases li").Select(li => li.TextContent));
        Assert.Equal(["/cs-hub/ja/kpis/churn-rate/", "/cs-hub/ja/articles/retention/"],
            page.QuerySelectorAll(".term-related a").Select(a => a.Target()));
        // The definition is the page's description when it has no summary of its own.
        Assert.Equal("一定期間に解約した顧客の割合。", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        // Translations share the file name, as for every kind.
        Assert.NotNull(page.QuerySelector("link[rel=alternate][hreflang=en][href='https://example.github.io/cs-hub/en/glossary/churn/']"));
        // A related page missing in the term's language falls back to another language's, marked as such.
        var ko = site.Html("/ko/glossary/churn/");
        var related = Assert.Single(ko.QuerySelectorAll(".term-related a"));
        Assert.StartsWith("/cs-hub/", related.Target(), StringComparison.Ordinal);
        Assert.Contains(site.Html("/ja/tags/retention/").QuerySelectorAll(".page-list a"), a => a.Target() == "/cs-hub/ja/glossary/churn/");
    }

    [Fact]
    public void TheIndexGroupsJapaneseByKanaRowKoreanByInitialConsonantAndEnglishByLetter()
    {
        using var site = new TestSite(Files());
        site.BuildOk();

        Assert.Equal([("あ", "エクスパンション"), ("か", "解約率 | 学習コスト | グロス売上維持率"), ("N", "NRR")], Groups(site, "/ja/glossary/"));
        Assert.Equal([("가", "고객 성공 관리자 | 꿈의 고객"), ("사", "순매출 유지율"), ("아", "이탈률")], Groups(site, "/ko/glossary/"));
        Assert.Equal([("A", "ARR"), ("C", "Churn rate"), ("N", "NRR"), ("0–9", "3C analysis")], Groups(site, "/en/glossary/"));

        // The initials at the top lead to their groups.
        var index = site.Html("/ja/glossary/");
        var jumps = index.QuerySelectorAll("nav.glossary-initials a").Select(a => (a.TextContent, a.Target()!)).ToList();
        Assert.Equal(["あ", "か", "N"], jumps.Select(j => j.TextContent));
        Assert.All(jumps, j => Assert.Equal(j.TextContent, index.GetElementById(j.Item2[1..])!.TextContent));
    }

    [Theory]
    [InlineData("かいやくりつ", "か")]
    [InlineData("ガクシュウ", "か")]
    [InlineData("ぱいぷらいん", "は")]
    [InlineData("ゃ", "や")]
    [InlineData("ヴィジョン", "あ")]
    [InlineData("ﾁｬｰﾝ", "た")]
    [InlineData("んー", "わ")]
    [InlineData("꿈", "가")]
    [InlineData("ㅎ", "하")]
    [InlineData("빠른", "바")]
    [InlineData("힣", "하")]
    [InlineData("mrr", "M")]
    [InlineData("Ｚｅｒｏ", "Z")]
    [InlineData("\"quoted\" term", "Q")]
    [InlineData("2軸", GlossaryInitials.Digits)]
    [InlineData("解約", GlossaryInitials.Other)]
    public void TheInitialOfAWord(string word, string initial) => Assert.Equal(initial, GlossaryInitials.Of(word).Key);

    [Fact]
    public void EachTermIsASearchDocumentOfItsOwnKind()
    {
        using var site = new TestSite(Files());
        site.BuildOk();
        using var docs = JsonDocument.Parse(site.ReadOutput("/search/ja/docs.json"));
        var terms = docs.RootElement.EnumerateArray().Where(d => d[0].GetString() == GlossaryKind.TermSearchKind).Select(d => d[1].GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["/ja/glossary/churn/", "/ja/glossary/expansion/", "/ja/glossary/gakushu/", "/ja/glossary/grr/", "/ja/glossary/nrr/"], terms);
        // The search page offers the kind as a filter.
        Assert.NotNull(site.Html("/ja/search/").QuerySelector("input[name=kind][value=term]"));
    }

    [Theory]
    [InlineData("glossary/churn.yml", "title: 解約率\ndefinition: 解約の割合。\n",
        "glossary/churn.yml(1,8): error HUB0701: the glossary index cannot place '解約率' by its first character: it needs a 'reading' (add its reading in kana, e.g. reading: かいやくりつ)")]
    [InlineData("glossary/churn.yml", "title: 解約率\nreading: kaiyakuritsu\ndefinition: 解約の割合。\n",
        "glossary/churn.yml(2,10): error HUB0701: the reading 'kaiyakuritsu' of '解約率' must be written in kana (write how the term is read in hiragana or katakana, e.g. reading: かいやくりつ)")]
    [InlineData("glossary/churn.ko.yml", "title: 이탈률\nreading: itallyul\ndefinition: 해지 비율.\n",
        "glossary/churn.ko.yml(2,10): error HUB0701: the reading 'itallyul' of '이탈률' must be written in Hangul (write how the term is read in Hangul, e.g. reading: 이탈률)")]
    [InlineData("glossary/zz.yml", "title: ネット売上維持率\naliases: [ＮＲＲ]\ndefinition: 重複。\n",
        "glossary/zz.yml(2,11): error HUB0702: 'ＮＲＲ' is already a word of the term 'NRR' (glossary/nrr.yml) (a word explains one term per language: remove it here or merge the two terms)")]
    [InlineData("glossary/churn.en.yml", "title: Churn rate\ndefinition: Cancellations.\nrelated: [kpis/churn-rat]\n",
        "glossary/churn.en.yml(3,11): error HUB0401: related page 'kpis/churn-rat' does not exist (did you mean 'kpis/churn-rate'?)")]
    [InlineData("glossary/churn.en.yml", "title: Churn rate\ndefinition: Cancellations.\nrelated: [churn-rate]\n",
        "glossary/churn.en.yml(3,11): error HUB0401: related page 'churn-rate' must be a section and a slug (write it as section/slug, e.g. kpis/churn-rate (sections: articles, catalogues, kpis, glossary))")]
    [InlineData("glossary/churn.en.yml", "title: Churn rate\ndefinition: Cancellations.\nsynonyms: [churn]\n",
        "glossary/churn.en.yml(3,1): error HUB0104: unknown key 'synonyms' in a glossary term")]
    [InlineData("glossary/churn.en.yml", "title: Churn rate\n",
        "glossary/churn.en.yml(1,1): error HUB0103: 'definition' is required")]
    public void ABadTermIsReportedAtItsLineAndColumn(string file, string text, string expected)
    {
        using var site = new TestSite(Files());
        site.Write(file, text);
        var result = site.Build();
        Assert.False(result.Succeeded);
        Assert.Contains(expected, site.Shown(result));
    }

    [Fact]
    public void HubNewTermWritesATermThatBuilds()
    {
        using var site = new TestSite(Files());
        Assert.Contains("term", Scaffolder.KindNames());
        foreach (var lang in new[] { "ja", "ko", "en" })
        {
            var created = Scaffolder.Create(site.Input, "term", "health-score", lang);
            Assert.Null(created.Error);
        }
        Assert.StartsWith("# yaml-language-server: $schema=../../schemas/term.schema.json", File.ReadAllText(Path.Combine(site.Input, "glossary", "health-score.yml")), StringComparison.Ordinal);
        var result = site.Build(strict: true);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal("health-score", site.Html("/ko/glossary/health-score/").QuerySelector(".term-page h1")!.TextContent);
    }

    [Fact]
    public async Task ServeRerendersATermWhenARelatedPageIsRetitledAndBuildsFullyWhenATermChanges()
    {
        using var site = new TestSite(Files());
        var (first, session) = SiteBuilder.BuildSession(site.Options());
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));

        var article = Path.Combine(site.Input, "articles", "retention.md");
        site.Write("articles/retention.md", File.ReadAllText(article).Replace("title: 継続率を上げる施策", "title: 継続率の施策", StringComparison.Ordinal));
        var result = session!.TryUpdate([article]);
        Assert.NotNull(result); // an article edit stays incremental
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        await session.RefreshSearchInBackground();
        Assert.Contains("継続率の施策", site.Html("/ja/glossary/churn/").QuerySelectorAll(".term-related a").Select(a => a.TextContent));

        var fresh = Path.Combine(site.Root, "fresh");
        Assert.True(SiteBuilder.Build(site.Options() with { Output = fresh }).Succeeded);
        var expected = Snapshot(fresh);
        var actual = Snapshot(site.Output);
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.Equal([], expected.Where(e => !e.Value.AsSpan().SequenceEqual(actual[e.Key])).Select(e => e.Key));

        // A term is explained on every page: its edit is a full build's.
        site.Write("glossary/nrr.yml", "title: NRR\ndefinition: 新しい定義。\n");
        Assert.Null(session.TryUpdate([Path.Combine(site.Input, "glossary", "nrr.yml")]));
    }

    private static SortedDictionary<string, byte[]> Snapshot(string dir) =>
        new(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);

    /// <summary>The index's groups: each heading and its terms, in page order, the terms joined by " | ".</summary>
    private static List<(string Key, string Terms)> Groups(TestSite site, string url) =>
        site.Html(url).QuerySelectorAll(".glossary-group").Select(g => (g.QuerySelector("h2")!.TextContent,
            string.Join(" | ", g.QuerySelectorAll("dt a").Select(a => a.TextContent)))).ToList();
}
