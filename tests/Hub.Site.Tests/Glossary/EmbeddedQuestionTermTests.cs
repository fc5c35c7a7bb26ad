using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Glossary;

/// <summary>
/// A catalogue question shown on another page (a <c>:::questions</c> embed, a KPI page's list of the questions that
/// name it) keeps its text as text beside its link, so that the first occurrence of a term in it is explained as
/// anywhere else: a popover button cannot sit inside a link.
/// </summary>
public sealed class EmbeddedQuestionTermTests
{
    public static Dictionary<string, string> Files() => Fixtures.BasicWith(
        ("glossary/product.yml", "title: 製品\nreading: せいひん\ndefinition: 顧客に提供するソフトウェア。\n"),
        ("glossary/kyocho.yml", "title: 協調性\nreading: きょうちょうせい\ndefinition: 他者と力を合わせる力。\n"),
        ("glossary/product.en.yml", "title: product\ndefinition: The software a customer uses.\n"),
        ("articles/embed.md", "---\ntitle: 質問の埋め込み\n---\n\n本文です。\n\n:::questions hiring\n:::\n"),
        ("articles/embed-after.md", "---\ntitle: 先に説明する記事\n---\n\n製品の話を先にします。\n\n:::questions hiring category=product\n:::\n"));

    [Fact]
    public void TheFirstOccurrenceOfATermInEmbeddedQuestionTextIsExplainedBesideItsLink()
    {
        using var site = new TestSite(Files());
        site.BuildOk();
        var page = site.Html("/ja/articles/embed/");
        var items = page.QuerySelectorAll(".prose .questions-embed .question-link").ToList();
        Assert.Equal(2, items.Count);

        // The question's text is text, not a link: its term is a button described by the definition.
        var text = items[0].QuerySelector(".question-link-text")!;
        Assert.Equal("当社の製品を一分で説明してください。", text.TextContent.Replace("顧客に提供するソフトウェア。", string.Empty, StringComparison.Ordinal));
        var button = text.QuerySelector(".term > button.term-ref[type=button]")!;
        Assert.Equal("製品", button.TextContent);
        Assert.Equal("term-product", button.GetAttribute("aria-describedby"));
        Assert.Equal("tooltip", page.GetElementById("term-product")!.GetAttribute("role"));
        Assert.Empty(page.QuerySelectorAll("a .term, a button"));

        // The link beside it goes to the question and is named by what it does and the question's id.
        var links = items.Select(i => i.QuerySelector("a.question-link-open")!).ToList();
        Assert.Equal(["/cs-hub/ja/catalogues/hiring/#q-01", "/cs-hub/ja/catalogues/hiring/#q-02"], links.Select(a => a.Target()));
        Assert.Equal(["質問へ移動 #q-01", "質問へ移動 #q-02"], links.Select(a => a.TextContent));
        Assert.Equal("質問へ移動 ", links[0].QuerySelector(".visually-hidden")!.TextContent);

        // Question text stays escaped text: the second question's markup-looking text is not an element.
        Assert.Null(items[1].QuerySelector("img"));
        Assert.StartsWith("<img src=x onerror=alert(1)>", items[1].QuerySelector(".question-link-text")!.TextContent, StringComparison.Ordinal);
        // An intent is explained too, once per page.
        Assert.Equal("協調性", items[1].QuerySelector(".question-link-intent .term-ref")!.TextContent);
        Assert.Single(page.QuerySelectorAll("[id='term-product']"));
    }

    [Fact]
    public void ATermTheBodyExplainedBeforeTheEmbedIsNotExplainedAgain()
    {
        using var site = new TestSite(Files());
        site.BuildOk();
        var page = site.Html("/ja/articles/embed-after/");
        Assert.NotNull(page.QuerySelector(".prose > p .term-ref[aria-describedby='term-product']"));
        Assert.Empty(page.QuerySelectorAll(".questions-embed .term"));
        Assert.Single(page.QuerySelectorAll("[id='term-product']"));
    }

    [Fact]
    public void AKpiPageExplainsTermsInTheQuestionsThatNameItOncePerPage()
    {
        using var site = new TestSite(Files());
        site.BuildOk();
        var page = site.Html("/ja/kpis/churn-rate/");
        var item = Assert.Single(page.QuerySelectorAll("section[aria-labelledby=kpi-questions] .question-links > li.question-link"));
        Assert.Equal("製品", item.QuerySelector(".question-link-text .term > button.term-ref")!.TextContent);
        Assert.Equal("顧客に提供するソフトウェア。", page.GetElementById("term-product")!.TextContent);
        var link = item.QuerySelector("a.question-link-open")!;
        Assert.Equal(("/cs-hub/ja/catalogues/hiring/#q-01", "質問へ移動 #q-01"), (link.Target(), link.TextContent));
        Assert.Empty(page.QuerySelectorAll("a .term"));

        // A term the KPI's own text already explained is not explained again in its questions.
        using var explained = new TestSite(Fixtures.BasicWith([.. Files().Select(f => (f.Key, f.Value)),
            ("kpis/churn-rate.md", Fixtures.Basic()["kpis/churn-rate.md"].Replace("期首の顧客のうち解約した割合。", "製品を使う期首の顧客のうち解約した割合。", StringComparison.Ordinal))]));
        explained.BuildOk();
        var kpi = explained.Html("/ja/kpis/churn-rate/");
        Assert.NotNull(kpi.QuerySelector(".prose .term-ref[aria-describedby='term-product']"));
        Assert.Empty(kpi.QuerySelectorAll(".question-links .term"));
        Assert.Single(kpi.QuerySelectorAll("[id='term-product']"));
    }
}
