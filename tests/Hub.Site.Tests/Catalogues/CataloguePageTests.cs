using AngleSharp.Dom;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Catalogues;

/// <summary>The catalogue page as HTML: anchors, escaping, facet counts, groups, the filter form and the embed.</summary>
public sealed class CataloguePageTests : IClassFixture<CataloguePageTests.BuiltSite>
{
    private readonly TestSite _site;

    public CataloguePageTests(BuiltSite built) => _site = built.Site;

    public sealed class BuiltSite : IDisposable
    {
        public BuiltSite()
        {
            Site = new TestSite(CatalogueFixtures.Site());
            Site.BuildOk("/cs-hub/");
        }

        public TestSite Site { get; }

        public void Dispose() => Site.Dispose();
    }

    private IDocument Page => _site.Html("/ja/catalogues/interview/");

    [Fact]
    public void EveryQuestionIsAnElementWithItsIdAndALinkToItself()
    {
        var page = Page;
        var questions = page.QuerySelectorAll("li.question[id]");
        Assert.Equal(["q-01", "q-02", "q-04", "q-03", "q-05"], questions.Select(q => q.Id));
        foreach (var q in questions)
        {
            Assert.Equal("#" + q.Id, q.QuerySelector("a.question-anchor")!.Target());
            var copy = q.QuerySelector("button.copy-link")!;
            Assert.True(copy.HasAttribute("hidden"), "the copy button needs script, so it starts hidden");
            Assert.Equal(q.Id, copy.GetAttribute("data-id"));
            Assert.True(q.QuerySelector(".kit-toggle")!.HasAttribute("hidden"));
            Assert.Equal(q.Id, q.QuerySelector("input.kit-check")!.GetAttribute("value"));
        }
        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void HostileTextStaysText()
    {
        var page = Page;
        Assert.Empty(page.QuerySelectorAll("main img, main b, main script"));
        Assert.All(page.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src")));
        var q2 = page.GetElementById("q-02")!;
        Assert.Equal(CatalogueFixtures.Hostile + "同僚と意見が対立したときは?", q2.QuerySelector(".question-text")!.TextContent);
        Assert.Equal("</script><script>alert(2)</script>", q2.QuerySelector(".intent")!.TextContent);
        Assert.Equal("*bold* [link](javascript:alert(3))", q2.QuerySelector(".follow-ups li")!.TextContent);
        Assert.Null(q2.QuerySelector("a[href^=javascript]"));
        Assert.Equal("面接の質問 <b>集</b>", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("面接官のための質問 & \"引用\"", page.QuerySelector(".page-header .summary")!.TextContent);
        Assert.Equal("面接の質問 <b>集</b>", page.QuerySelector(".catalogue-page")!.GetAttribute("data-title"));
        Assert.Contains(page.QuerySelectorAll(".filter-label"), l => l.TextContent == "チーム<ワーク>");
        var raw = _site.ReadOutput("/ja/catalogues/interview/index.html");
        Assert.DoesNotContain("<img", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFilterFormIsAGetFormWithAFieldsetPerFacetAndCounts()
    {
        var form = Page.QuerySelector("form.catalogue-filters")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/cs-hub/ja/catalogues/interview/", form.Target("action"));
        Assert.Equal("q", form.QuerySelector("input[type=search]#catalogue-q")!.GetAttribute("name"));
        Assert.NotNull(form.QuerySelector("label[for=catalogue-q]"));
        var fieldsets = form.QuerySelectorAll("fieldset");
        Assert.Equal(["category", "phase"], fieldsets.Select(f => f.GetAttribute("data-facet")));
        Assert.Equal(["カテゴリ", "面接段階"], fieldsets.Select(f => f.QuerySelector("legend")!.TextContent));
        var counts = fieldsets.SelectMany(f => f.QuerySelectorAll("label")).Select(l =>
            (l.QuerySelector("input")!.GetAttribute("name"), l.QuerySelector("input")!.GetAttribute("value"), l.QuerySelector(".filter-count")!.TextContent)).ToList();
        Assert.Equal(
        [
            ("category", "risk", "2"), ("category", "teamwork", "2"), ("category", "product", "1"),
            ("phase", "first", "2"), ("phase", "final", "3"),
        ], counts);
        Assert.All(form.QuerySelectorAll("input[type=checkbox]"), i => Assert.False(i.HasAttribute("checked")));
        Assert.NotNull(form.QuerySelector("button[type=submit]"));
    }

    [Fact]
    public void QuestionsAreGroupedByTheFirstFacetWithCountsAndTheirChips()
    {
        var page = Page;
        var groups = page.QuerySelectorAll("section.question-group").Select(g =>
            (g.QuerySelector("h2")!.FirstChild!.TextContent.Trim(), g.QuerySelector("h2 .count")!.TextContent,
                string.Join(",", g.QuerySelectorAll("li.question").Select(q => q.Id)))).ToList();
        Assert.Equal([("リスク", "1", "q-01"), ("チーム<ワーク>", "2", "q-02,q-04"), ("製品", "1", "q-03"), ("その他", "1", "q-05")], groups);
        var chips = page.GetElementById("q-03")!.QuerySelectorAll(".facet-chip")
            .Select(c => (c.GetAttribute("data-facet"), c.GetAttribute("data-value"), c.TextContent, c.ClassList.Contains("facet-chip-group"))).ToList();
        Assert.Equal([("category", "product", "製品", true), ("category", "risk", "リスク", false), ("phase", "final", "最終面接", false)], chips);
        Assert.Equal("全5問を表示しています", page.GetElementById("catalogue-status")!.TextContent);
        Assert.Equal("status", page.GetElementById("catalogue-status")!.GetAttribute("role"));
    }

    [Fact]
    public void DetailsAreCollapsibleAndKpisAreLinked()
    {
        var q1 = Page.GetElementById("q-01")!;
        var details = q1.QuerySelector("details.question-details")!;
        Assert.False(details.HasAttribute("open"));
        Assert.Equal("意図と回答のポイント", details.QuerySelector("summary")!.TextContent);
        Assert.Equal(["質問の意図", "良い回答のサイン"], details.QuerySelectorAll("dt").Select(d => d.TextContent));
        Assert.Equal("/cs-hub/ja/kpis/churn-rate/", q1.QuerySelector(".question-kpis a")!.Target());
        Assert.Equal("解約率", q1.QuerySelector(".question-kpis a")!.TextContent);
        Assert.Null(Page.GetElementById("q-05")!.QuerySelector("details"));
        Assert.Equal("churn", q1.GetAttribute("data-tags"));
    }

    [Fact]
    public void TranslationsLinkBothWays()
    {
        var ja = Page.QuerySelector(".catalogue-translations a")!;
        Assert.Equal(("/cs-hub/en/catalogues/interview/", "en"), (ja.Target(), ja.GetAttribute("hreflang")));
        var en = _site.Html("/en/catalogues/interview/");
        var back = en.QuerySelector(".catalogue-translations a")!;
        Assert.Equal(("/cs-hub/ja/catalogues/interview/", "ja"), (back.Target(), back.GetAttribute("hreflang")));
        Assert.Equal("Showing all 1 questions", en.GetElementById("catalogue-status")!.TextContent);
        Assert.Equal("Category", en.QuerySelector("fieldset legend")!.TextContent);
        Assert.Contains(en.QuerySelectorAll("link[rel=alternate][hreflang]"), l => l.GetAttribute("hreflang") == "ja");
    }

    [Fact]
    public void TheEmbedListsTheSubsetWithLinksBack()
    {
        var embed = _site.Html("/ja/articles/embed/").QuerySelector(".prose .questions-embed")!;
        var links = embed.QuerySelectorAll(".question-link").Select(q => (q.QuerySelector("a.question-link-open")!.Target(), q.QuerySelector(".question-link-text")!.TextContent)).ToList();
        Assert.Equal([("/cs-hub/ja/catalogues/interview/#q-01", "解約の兆候にどう気づきますか。"), ("/cs-hub/ja/catalogues/interview/#q-03", "ＫＰＩをどう設計しますか。")], links);
        Assert.Equal("/cs-hub/ja/catalogues/interview/", embed.QuerySelector(".questions-embed-title a")!.Target());
        Assert.Equal("解約リスクへの感度", embed.QuerySelector(".question-link-intent")!.TextContent);
        Assert.StartsWith("/cs-hub/ja/catalogues/interview/", embed.QuerySelector(".questions-embed-more a")!.Target(), StringComparison.Ordinal);
        Assert.Null(embed.GetAttribute("lang"));
    }

    [Fact]
    public void AQuestionWithTheAllValuePassesEveryEmbedFilterOfItsFacet()
    {
        var embeds = _site.Html("/ja/articles/roles-embed/").QuerySelectorAll(".prose .questions-embed")
            .Select(e => e.QuerySelectorAll(".question-link > a.question-link-open").Select(a => a.Target()!.Split('#')[1]).ToList()).ToList();
        Assert.Equal(
        [
            ["r-02", "r-03", "r-04"],
            // The all-value's own filter keeps only the questions that carry it.
            ["r-03", "r-04"],
            ["r-02", "r-03"],
        ], embeds);
    }

    [Fact]
    public void TheAllValueIsNamedOnItsFacetCountsTowardEveryValueAndShowsItsLabel()
    {
        var page = _site.Html("/ja/catalogues/roles/");
        var fieldsets = page.QuerySelectorAll("fieldset.filter-facet").Select(f => (f.GetAttribute("data-facet"), f.GetAttribute("data-all-value"))).ToList();
        Assert.Equal([("role", "any"), ("phase", null)], fieldsets);
        var counts = page.QuerySelectorAll(".filter-facet input").Select(i => $"{i.GetAttribute("value")}={i.ParentElement!.QuerySelector(".filter-count")!.GetAttribute("data-total")}").ToList();
        Assert.Equal(["is=3", "cs=3", "any=2", "first=2", "final=2"], counts);
        Assert.Equal(["全職種共通"], page.QuerySelectorAll("#r-03 .facet-chip[data-facet='role']").Select(c => c.TextContent).ToList());
        Assert.Equal(["IS", "全職種共通"], page.QuerySelectorAll("#r-04 .facet-chip[data-facet='role']").Select(c => c.TextContent).ToList());
    }

    [Fact]
    public void ThePageLoadsItsStylesheetAndScript()
    {
        var doc = _site.Html("/ja/catalogues/interview/");
        Assert.NotNull(doc.QuerySelector("link[href$='assets/css/catalogue.css']"));
        Assert.NotNull(doc.QuerySelector("script[src$='assets/js/boot.js'][data-module$='assets/js/catalogue.js']"));
    }
}
