using AngleSharp.Dom;
using Hub.Markdown.Text;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Rendering;

/// <summary>
/// The reading polish of issue 20 on built pages: a KPI's abbreviation shown once, alert titles in the page's
/// language, nested tables of contents, no space from a line break between Japanese characters (Markdown and folded
/// YAML alike) and <c>lang</c> on text in another language than the page's.
/// </summary>
public sealed class ReadingPolishTests
{
    // Built once for the run and shared (read only) with the other classes that build the same fixture.
    private readonly TestSite _site = BuiltSites.Of(Fixtures.BasicWith(
        ("kpis/churn-rate.en.md", """
            ---
            title: Customer churn rate (Churn)
            abbr: Churn
            formula: churned / customersAtStart
            result: { format: percent, decimals: 1, better: lower }
            inputs:
              - { name: churned, label: Churned, unit: count, min: 0, default: 12 }
              - { name: customersAtStart, label: Customers at start, unit: count, min: 1, default: 400 }
            examples:
              - { inputs: { churned: 12, customersAtStart: 400 }, result: 0.03 }
            ---

            Customers lost.
            """),
        ("articles/alerts.md", """
            ---
            title: 注意書き
            ---

            ## 一つ目

            日本語の文が
            次の行へ続きます。**強調の
            中**も同じです。English words
            keep their space.

            ### 一つ目の下

            > [!NOTE]
            > メモ

            ### 一つ目の下その二

            > [!WARNING]
            > 注意

            ## 二つ目

            > [!TIP]
            > ヒント

            ### 二つ目の下

            本文。
            """),
        ("articles/alerts.ko.md", """
            ---
            title: 알림
            ---

            한국어 문장이
            이어집니다.

            > [!WARNING]
            > 주의
            """),
        ("articles/alerts.en.md", """
            ---
            title: Alerts
            ---

            > [!WARNING]
            > Careful
            """),
        ("catalogues/folded.yml", """
            title: 折り返しの質問
            questions:
              - id: q-01
                text: >-
                  日本語の質問が
                  次の行へ続きます。
                intent: >-
                  準備の深さを
                  見る。
                  English words
                  keep their space.
                kpis: [churn-rate]
            """),
        ("catalogues/hiring.ko.yml", """
            title: 채용 면접 질문
            questions:
              - id: q-01
                text: 이탈률을 어떻게 줄였습니까?
                kpis: [churn-rate]
            """)));

    [Fact]
    public void AKpiAbbreviationShowsOnceWhetherOrNotTheTitleCarriesIt()
    {
        var en = _site.Html("/en/kpis/churn-rate/");
        Assert.Equal("Customer churn rate (Churn)", en.QuerySelector("h1")!.TextContent);
        var ja = _site.Html("/ja/kpis/churn-rate/");
        Assert.Equal("解約率 (Churn)", ja.QuerySelector("h1")!.TextContent);
        Assert.Equal("Customer churn rate (Churn)", ListEntry(_site.Html("/en/kpis/"), "/cs-hub/en/kpis/churn-rate/").TextContent.Trim());
        Assert.Equal("解約率 (Churn)", ListEntry(_site.Html("/ja/kpis/"), "/cs-hub/ja/kpis/churn-rate/").TextContent.Trim());
    }

    private static IElement ListEntry(IDocument page, string href) =>
        page.QuerySelectorAll("main a").Single(a => a.Target() == href && a.Closest("nav") is null);

    [Theory]
    [InlineData("/ja/articles/alerts/", "warning", "注意")]
    [InlineData("/ja/articles/alerts/", "note", "メモ")]
    [InlineData("/ja/articles/alerts/", "tip", "ヒント")]
    [InlineData("/ko/articles/alerts/", "warning", "주의")]
    [InlineData("/en/articles/alerts/", "warning", "Warning")]
    public void AlertTitlesAreInThePageLanguageAndKeepTheirIcon(string url, string kind, string title)
    {
        var heading = _site.Html(url).QuerySelector($".markdown-alert-{kind} .markdown-alert-title")!;
        Assert.Equal(title, heading.TextContent);
        Assert.NotNull(heading.QuerySelector("svg[aria-hidden=true]"));
    }

    [Fact]
    public void TheTableOfContentsNestsLevelThreeUnderItsLevelTwo()
    {
        var toc = _site.Html("/ja/articles/alerts/").QuerySelector("nav.toc > ol")!;
        var top = toc.Children.Where(c => c.LocalName == "li").ToList();
        Assert.Equal(["一つ目", "二つ目"], top.Select(li => li.QuerySelector(":scope > a")!.TextContent));
        Assert.Equal(["一つ目の下", "一つ目の下その二"], top[0].QuerySelectorAll(":scope > ol > li > a").Select(a => a.TextContent));
        Assert.Equal(["二つ目の下"], top[1].QuerySelectorAll(":scope > ol > li > a").Select(a => a.TextContent));
    }

    [Fact]
    public void ASoftBreakBetweenJapaneseCharactersAddsNoSpaceWhileLatinAndKoreanWordsKeepTheirs()
    {
        var text = _site.Html("/ja/articles/alerts/").QuerySelector(".prose p")!.TextContent;
        Assert.Contains("日本語の文が次の行へ続きます。", text, StringComparison.Ordinal);
        Assert.Contains("強調の中も同じです。", text, StringComparison.Ordinal);
        Assert.Matches(@"English words\s+keep their space\.", text);
        Assert.Matches(@"한국어 문장이\s+이어집니다", _site.Html("/ko/articles/alerts/").QuerySelector(".prose p")!.TextContent);
    }

    [Fact]
    public void FoldedYamlJoinsJapaneseLinesWithoutASpaceAndKeepsLatinSpaces()
    {
        var question = _site.Html("/ja/catalogues/folded/").QuerySelector("#q-01")!;
        Assert.Equal("日本語の質問が次の行へ続きます。", question.QuerySelector(".question-text")!.TextContent);
        Assert.Equal("準備の深さを見る。 English words keep their space.", question.QuerySelector(".intent")!.TextContent);
    }

    [Fact]
    public void QuestionsAboutAKpiAreGroupedByCatalogueAndOtherLanguagesAreOnlyLinksMarkedWithTheirLanguage()
    {
        var section = _site.Html("/ja/kpis/churn-rate/").QuerySelector("section[aria-labelledby=kpi-questions]")!;
        Assert.Equal(["折り返しの質問", "採用面接の質問"], section.QuerySelectorAll("h3.question-catalogue > a").Select(a => a.TextContent).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(section.QuerySelectorAll(".question-links li"), li => li.TextContent.Contains("이탈률", StringComparison.Ordinal));
        var elsewhere = Assert.Single(section.QuerySelectorAll(".question-elsewhere-links li"));
        Assert.Equal("ko", elsewhere.GetAttribute("lang"));
        Assert.Equal("/cs-hub/ko/catalogues/hiring/", elsewhere.QuerySelector("a")!.Target());
        Assert.Equal("채용 면접 질문", elsewhere.QuerySelector("a")!.TextContent);
    }

    [Fact]
    public void EveryElementInAnotherLanguageThanThePageSaysSo()
    {
        foreach (var url in new[] { "/ja/kpis/churn-rate/", "/ja/catalogues/hiring/", "/en/kpis/churn-rate/" })
        {
            var page = _site.Html(url);
            var pageLang = page.DocumentElement.GetAttribute("lang")!;
            foreach (var link in page.QuerySelectorAll("main a[href]"))
            {
                var target = link.Target()!;
                var targetLang = target.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).FirstOrDefault();
                if (targetLang is "ja" or "ko" or "en" && targetLang != pageLang && link.TextContent.Trim().Length > 0)
                {
                    Assert.True(link.Closest("[lang]")!.GetAttribute("lang") == targetLang, $"{url}: {link.OuterHtml} has no lang {targetLang}");
                }
            }
        }
    }

    [Theory]
    [InlineData("日本語の 続き", new[] { "日本語の", "続き" }, "日本語の続き")]
    [InlineData("Latin words", new[] { "Latin", "words" }, "Latin words")]
    [InlineData("문장이 이어집니다", new[] { "문장이", "이어집니다" }, "문장이 이어집니다")]
    [InlineData("一行目。 二行目", new[] { "一行目。", "二行目" }, "一行目。二行目")]
    [InlineData("空行の前\n後", new[] { "空行の前", "", "後" }, "空行の前\n後")]
    [InlineData("written 手で 書いた", new[] { "written 手で 書いた" }, "written 手で 書いた")]
    public void RefoldRemovesOnlyTheSpacesOfBreaksBetweenWideCharacters(string folded, string[] lines, string expected) =>
        Assert.Equal(expected, EastAsianBreaks.Refold(folded, lines));
}
