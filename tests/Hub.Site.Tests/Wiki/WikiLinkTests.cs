using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Wiki;

/// <summary>
/// Wikilinks (<c>[[slug]]</c>, <c>[[slug|label]]</c>, <c>[[slug#anchor]]</c>, <c>[[section/slug]]</c>) in a built
/// site: each form's link and text, the fall-back to another language with its marker, and each error at its place.
/// </summary>
public sealed class WikiLinkTests
{
    private static Dictionary<string, string> Files(string body) => Fixtures.BasicWith(
        ("articles/wiki.md", "---\ntitle: ウィキ\n---\n\n" + body + "\n"),
        ("articles/only-en.en.md", "---\ntitle: Only in English\n---\n\n## Why\n\nText.\n"));

    private static AngleSharp.Html.Dom.IHtmlDocument Build(TestSite site)
    {
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return site.Html("/ja/articles/wiki/");
    }

    [Fact]
    public void EachFormLinksToItsPageWithItsText()
    {
        using var site = new TestSite(Files("""
            A [[churn-rate]], B [[churn-rate|解約の割合]], C [[churn-rate#定義]], D [[hiring#q-02]], E [[kpis/churn-rate]], F [[#節]].

            ## 節
            """));
        var links = Build(site).QuerySelectorAll(".prose a.wikilink").ToList();
        Assert.Equal(
            [
                ("/cs-hub/ja/kpis/churn-rate/", "解約率"), ("/cs-hub/ja/kpis/churn-rate/", "解約の割合"),
                ("/cs-hub/ja/kpis/churn-rate/#定義", "解約率"), ("/cs-hub/ja/catalogues/hiring/#q-02", "採用面接の質問"),
                ("/cs-hub/ja/kpis/churn-rate/", "解約率"), ("#節", "節"),
            ],
            links.Select(a => (a.Target(), a.TextContent)));
        Assert.All(links, a => Assert.Null(a.GetAttribute("hreflang")));
    }

    [Fact]
    public void ThePageOfTheSameLanguageWinsAndAnotherLanguageIsMarked()
    {
        var files = Files("[[retention]] [[only-en#why]] [[only-en|英語だけ]]");
        files["articles/wiki.ko.md"] = "---\ntitle: 위키\ntranslationKey: wiki\n---\n\n[[retention]] [[crm]]\n";
        using var site = new TestSite(files);
        var ja = Build(site).QuerySelectorAll(".prose a.wikilink").ToList();
        Assert.Equal("/cs-hub/ja/articles/retention/", ja[0].Target());
        Assert.Equal("継続率を上げる施策", ja[0].TextContent);
        Assert.Null(ja[0].QuerySelector(".wikilink-lang"));

        // No Japanese page: the English one, its title marked as English, the language said in the page's words.
        Assert.Equal("/cs-hub/en/articles/only-en/#why", ja[1].Target());
        Assert.Equal("en", ja[1].GetAttribute("hreflang"));
        Assert.Equal("Only in English", ja[1].QuerySelector("span[lang=en]")!.TextContent);
        Assert.Equal("（English）", ja[1].QuerySelector(".wikilink-lang")!.TextContent);
        // A label is the author's, in the page's language: only the marker says where it leads.
        Assert.Null(ja[2].QuerySelector("span[lang]"));
        Assert.Equal("英語だけ （English）", ja[2].TextContent);

        // From Korean: no Korean retention page, so the default language's (Japanese), not the English one.
        var ko = site.Html("/ko/articles/wiki/").QuerySelectorAll(".prose a.wikilink").ToList();
        Assert.Equal("/cs-hub/ja/articles/retention/", ko[0].Target());
        Assert.Equal("(日本語)", ko[0].QuerySelector(".wikilink-lang")!.TextContent);
        Assert.Equal("/cs-hub/ko/articles/crm/", ko[1].Target());
    }

    [Fact]
    public void TextIsEscapedAndWikilinksInCodeStayText()
    {
        using var site = new TestSite(Files("[[churn-rate|<b>x</b>]] and `[[churn-rate]]`"));
        var prose = Build(site).QuerySelector(".prose")!;
        Assert.Equal("<b>x</b>", prose.QuerySelector("a.wikilink")!.TextContent);
        Assert.Null(prose.QuerySelector("b"));
        Assert.Equal("[[churn-rate]]", prose.QuerySelector("code")!.TextContent);
    }

    public static TheoryData<string, string> Errors() => new()
    {
        { "See [[churn-rat]].", "articles/wiki.md(5,5): error HUB0404: wikilink '[[churn-rat]]' leads to no page: no page has the slug 'churn-rat' (did you mean 'churn-rate'?)" },
        { "x [[kpi/churn-rate]]", "articles/wiki.md(5,3): error HUB0404: wikilink '[[kpi/churn-rate]]' names 'kpi', which is not a section of the site (did you mean 'kpis'?)" },
        { "x [[kpis/retention]]", "articles/wiki.md(5,3): error HUB0404: wikilink '[[kpis/retention]]' leads to no page: no page of kpis has the slug 'retention'" },
        { "本文 [[churn-rate#定議]]", "articles/wiki.md(5,4): error HUB0402: anchor '#定議' of wikilink '[[churn-rate#定議]]' does not exist in kpis/churn-rate.md (did you mean '#定義'?)" },
        { "- item\n- [[hiring#q-2]]", "articles/wiki.md(6,3): error HUB0402: anchor '#q-2' of wikilink '[[hiring#q-2]]' does not exist in catalogues/hiring.yml (did you mean '#q-02'?)" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void ABrokenWikilinkIsAnErrorAtItsPlace(string body, string expected)
    {
        using var site = new TestSite(Files(body));
        var result = site.Build();
        Assert.False(result.Succeeded);
        Assert.Contains(expected, site.Shown(result));
    }

    [Fact]
    public void AnAmbiguousSlugSaysHowToQualifyIt()
    {
        var files = Files("前置き\n\n[[churn-rate#定義|定義]] と [[kpis/churn-rate#定義]] と [[articles/churn-rate]]");
        files["articles/churn-rate.md"] = "---\ntitle: 解約率の記事\n---\n\n本文。\n";
        using var site = new TestSite(files);
        var result = site.Build();
        var shown = site.Shown(result);
        Assert.Equal(
            ["articles/wiki.md(7,1): error HUB0405: wikilink '[[churn-rate#定義|定義]]' is ambiguous: pages of articles and kpis have the slug 'churn-rate' (name the section: [[articles/churn-rate#定義|定義]] or [[kpis/churn-rate#定義|定義]])"],
            shown.Where(l => l.Contains("error", StringComparison.Ordinal)));
    }

    [Fact]
    public void WithoutTheSiteOptionDoubleBracketsAreText()
    {
        var page = Hub.Markdown.MarkdownPage.Parse("[[churn-rate]]");
        Assert.Empty(page.WikiLinks);
        var on = Hub.Markdown.MarkdownPage.Parse("a [[x/y#z|w]] b", new Hub.Markdown.MarkdownOptions { WikiLinks = true });
        var link = Assert.Single(on.WikiLinks);
        Assert.Equal(("x", "y", "z", "w", 0, 2), (link.Inline.Qualifier, link.Inline.Slug, link.Inline.Anchor, link.Inline.Label, link.Line, link.Column));
        Assert.Contains("w", on.PlainText(), StringComparison.Ordinal);
        // Three brackets or more are brackets: nested links stay Markdig's.
        Assert.Empty(Hub.Markdown.MarkdownPage.Parse("[[[x]]] and [[[[y]]]]", new Hub.Markdown.MarkdownOptions { WikiLinks = true }).WikiLinks);
    }
}
