using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests;

public sealed class SiteOutputTests
{
    // Built once for the run and shared (read only) with the other classes that build the same fixture.
    private readonly TestSite _site = BuiltSites.Of(Fixtures.Basic());

    [Theory]
    [InlineData("ja")]
    [InlineData("ko")]
    [InlineData("en")]
    public void EveryLanguageHasAHomeAndEverySection(string lang)
    {
        var home = _site.Html($"/{lang}/");
        Assert.Equal(lang, home.DocumentElement.GetAttribute("lang"));
        foreach (var section in new[] { "articles", "catalogues", "kpis", "tags", "search" })
        {
            Assert.True(_site.OutputExists($"/{lang}/{section}/index.html"), $"/{lang}/{section}/ missing");
        }
        Assert.True(_site.OutputExists($"/{lang}/feed.xml"));
    }

    [Fact]
    public void PagesLiveAtPrettyUrlsWithTheLanguageSuffixRemoved()
    {
        Assert.True(_site.OutputExists("/ja/articles/retention/index.html"));
        Assert.True(_site.OutputExists("/en/articles/retention/index.html"));
        Assert.True(_site.OutputExists("/ko/articles/crm/index.html"));
        Assert.True(_site.OutputExists("/ja/kpis/churn-rate/index.html"));
        Assert.True(_site.OutputExists("/ja/catalogues/hiring/index.html"));
        Assert.Equal("en", _site.Html("/en/articles/retention/").DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public void JapaneseHeadingsKeepReadableUniqueAnchorsAndATableOfContents()
    {
        var page = _site.Html("/ja/articles/retention/");
        var ids = page.QuerySelectorAll(".prose h2, .prose h3").Select(h => h.Id).ToList();
        Assert.Equal(["見出し", "見出し-1", "next-steps-次の一手"], ids);
        var toc = page.QuerySelectorAll("nav.toc a").Select(a => a.Target()).ToList();
        Assert.Equal(["#見出し", "#見出し-1", "#next-steps-次の一手"], toc);
        Assert.Equal("고객-여정", _site.Html("/ko/articles/crm/").QuerySelector(".prose h2")!.Id);
    }

    [Fact]
    public void SourceLinksBecomePageLinks()
    {
        var links = _site.Html("/ja/articles/retention/").QuerySelectorAll(".prose a").Select(a => a.Target()).ToList();
        Assert.Contains("/cs-hub/ja/kpis/churn-rate/", links);
        Assert.Contains("/cs-hub/ja/catalogues/hiring/#q-02", links);
        Assert.Contains("/cs-hub/en/articles/retention/", links);
        Assert.Contains("#見出し", links);
        Assert.Contains("/cs-hub/en/articles/retention/", links);
        var en = _site.Html("/en/articles/retention/").QuerySelectorAll(".prose a").Select(a => a.Target());
        Assert.Contains("/cs-hub/ja/articles/retention/#見出し-1", en);
    }

    [Fact]
    public void MarkdownExtensionsOfTheContractRender()
    {
        var prose = _site.Html("/ja/articles/retention/").QuerySelector(".prose")!;
        Assert.NotNull(prose.QuerySelector("table"));
        Assert.NotNull(prose.QuerySelector("input[type=checkbox][checked]"));
        Assert.NotNull(prose.QuerySelector("dl dt"));
        Assert.NotNull(prose.QuerySelector(".footnotes"));
        Assert.Equal("Monthly Recurring Revenue", prose.QuerySelector("abbr")!.GetAttribute("title"));
        Assert.NotNull(prose.QuerySelector(".markdown-alert"));
        Assert.Null(prose.QuerySelector("script"));
        Assert.Contains("<script>alert(1)</script>", prose.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void EmbedsRenderACalculatorAndAQuestionSubset()
    {
        var prose = _site.Html("/ja/articles/retention/").QuerySelector(".prose")!;
        var form = prose.QuerySelector("form.kpi-calculator[data-kpi=churn-rate]")!;
        Assert.Equal(["churned", "customersAtStart"], form.QuerySelectorAll("input[name]").Select(i => i.GetAttribute("name")).Where(n => n is "churned" or "customersAtStart").ToList());
        var questions = prose.QuerySelectorAll(".questions-embed a").Select(a => a.Target()).ToList();
        Assert.Contains("/cs-hub/ja/catalogues/hiring/#q-02", questions);
        Assert.DoesNotContain("/cs-hub/ja/catalogues/hiring/#q-01", questions);
    }

    [Fact]
    public void TranslationsLinkEachOtherWithHreflangAndTheSwitcher()
    {
        var ja = _site.Html("/ja/articles/retention/");
        var alternates = ja.QuerySelectorAll("link[rel=alternate][hreflang]").ToDictionary(l => l.GetAttribute("hreflang")!, l => l.Target());
        Assert.Equal("https://example.github.io/cs-hub/ja/articles/retention/", alternates["ja"]);
        Assert.Equal("https://example.github.io/cs-hub/en/articles/retention/", alternates["en"]);
        Assert.False(alternates.ContainsKey("ko"));
        Assert.Equal("https://example.github.io/cs-hub/ja/articles/retention/", ja.QuerySelector("link[rel=canonical]")!.Target());
        var switcher = ja.QuerySelectorAll(".lang-switch a").ToDictionary(a => a.GetAttribute("hreflang")!, a => a.Target());
        Assert.Equal("/cs-hub/en/articles/retention/", switcher["en"]);
        Assert.Equal("/cs-hub/ko/untranslated/ja/articles/retention/", switcher["ko"]); // the "not translated yet" page, not the home
        Assert.Equal("page", ja.QuerySelector(".lang-switch [aria-current]")!.GetAttribute("aria-current"));
    }

    [Fact]
    public void CatalogueTextIsEscapedAndQuestionsHaveAnchors()
    {
        var page = _site.Html("/ja/catalogues/hiring/");
        var q2 = page.GetElementById("q-02")!;
        Assert.Null(q2.QuerySelector("img"));
        Assert.StartsWith("<img src=x onerror=alert(1)>", q2.QuerySelector(".question-text")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.GetElementById("q-01"));
        Assert.Equal("/cs-hub/ja/kpis/churn-rate/", page.GetElementById("q-01")!.QuerySelector(".question-kpis a")!.Target());
    }

    [Fact]
    public void TagPagesAndEditLinks()
    {
        var tag = _site.Html("/ja/tags/オンボーディング/");
        Assert.Contains(tag.QuerySelectorAll(".page-list a"), a => a.Target() == "/cs-hub/ja/articles/retention/");
        var edit = _site.Html("/ja/articles/retention/").QuerySelector(".page-meta .edit a")!.Target();
        Assert.Equal("https://github.com/example/cs-hub/edit/main/input/articles/retention.md", edit);
    }

    [Fact]
    public void TagSpellingsWithOneSlugShareOneTagPage()
    {
        var files = Fixtures.Basic();
        files["articles/nrr-a.md"] = "---\ntitle: NRR の定義\ndate: 2025-08-01\ntags: [nrr]\n---\n\n本文\n";
        files["articles/nrr-b.md"] = "---\ntitle: NRR を上げる\ndate: 2025-08-02\ntags: [Nrr, NRR]\n---\n\n本文\n";
        using var site = new TestSite(files);
        site.BuildOk();

        var tag = site.Html("/ja/tags/nrr/");
        Assert.Equal("#NRR", tag.QuerySelector("h1")!.TextContent);
        var listed = tag.QuerySelectorAll(".page-list a").Select(a => a.Target()).ToList();
        Assert.Equal(1, listed.Count(h => h == "/cs-hub/ja/articles/nrr-a/"));
        Assert.Equal(1, listed.Count(h => h == "/cs-hub/ja/articles/nrr-b/"));
        var entries = site.Html("/ja/tags/").QuerySelectorAll(".tag-cloud a").Where(a => a.Target() == "/cs-hub/ja/tags/nrr/").ToList();
        var entry = Assert.Single(entries);
        Assert.Equal("2", entry.QuerySelector(".count")!.TextContent);
        var sitemap = System.Xml.Linq.XDocument.Parse(site.ReadOutput("/sitemap.xml"));
        Assert.Single(sitemap.Descendants(), e => e.Name.LocalName == "loc" && e.Value == "https://example.github.io/cs-hub/ja/tags/nrr/");
        var links = site.Html("/ja/articles/nrr-b/").QuerySelectorAll("a").Where(a => a.Target() == "/cs-hub/ja/tags/nrr/").ToList();
        Assert.Equal(2, links.Count);
    }

    [Fact]
    public void SiteFilesForPublishing()
    {
        Assert.True(_site.OutputExists("/.nojekyll"));
        Assert.Contains("Sitemap: https://example.github.io/cs-hub/sitemap.xml", _site.ReadOutput("/robots.txt"), StringComparison.Ordinal);
        var notFound = _site.Html("/404.html");
        Assert.Contains(notFound.QuerySelectorAll("a"), a => a.Target() == "/cs-hub/ja/");
        var root = _site.Html("/index.html");
        Assert.Equal("0; url=ja/", root.QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content"));

        var sitemap = System.Xml.Linq.XDocument.Parse(_site.ReadOutput("/sitemap.xml"));
        var locs = sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToList();
        Assert.Contains("https://example.github.io/cs-hub/ja/articles/retention/", locs);
        Assert.Contains("https://example.github.io/cs-hub/ko/", locs);

        var feed = System.Xml.Linq.XDocument.Parse(_site.ReadOutput("/ja/feed.xml"));
        Assert.Contains(feed.Descendants().Where(e => e.Name.LocalName == "title"), t => t.Value == "継続率を上げる施策");
    }

    [Fact]
    public void PagesLoadNothingFromAnotherHostAndNoInlineScript()
    {
        foreach (var file in _site.OutputFiles().Where(f => f.EndsWith(".html", StringComparison.Ordinal)))
        {
            var doc = _site.Html(file);
            foreach (var script in doc.Scripts)
            {
                Assert.False(string.IsNullOrEmpty(script.Source), $"inline script in {file}");
                Assert.StartsWith("/cs-hub/", script.Target("src"), StringComparison.Ordinal);
                if (script.GetAttribute("data-module") is not null)
                {
                    Assert.StartsWith("/cs-hub/assets/js/", script.Target("data-module"), StringComparison.Ordinal);
                }
            }
            foreach (var el in doc.QuerySelectorAll("link[rel=stylesheet], img, iframe"))
            {
                var url = el.Target() ?? el.Target("src");
                Assert.StartsWith("/cs-hub/", url, StringComparison.Ordinal);
            }
            Assert.Empty(doc.QuerySelectorAll("[style], [onclick], [onerror], [onload]"));
        }
    }
}
