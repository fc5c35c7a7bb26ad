using AngleSharp.Dom;
using Hub.Site.Output;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Security;

/// <summary>
/// Every page carries the strict Content-Security-Policy in a meta tag and nothing it would refuse: no style
/// attribute (table alignment and grid-table widths are classes), no inline script, no event handler attribute,
/// no script URL (issue 17, part 3), in a fixture and on every page of the default site. <see cref="Browser.CspBrowserTests"/>
/// opens pages of every kind in Chromium.
/// </summary>
public sealed class PageCspTests
{
    /// <summary>A page with aligned pipe tables and a grid table with column widths.</summary>
    public static Dictionary<string, string> TablesFixture()
    {
        var files = Fixtures.Basic();
        files["articles/tables.md"] = """
            ---
            title: Tables
            ---

            | left | center | right | none |
            |:-----|:------:|------:|------|
            | 1    | 2      | 3     | 4    |
            | 5    | 6      | 7     |

            +-----------+:---------------------:+--------------:+
            | Grid      | Centre                | Right         |
            +===========+=======================+===============+
            | a         | b                     | c             |
            +-----------+-----------------------+---------------+
            """;
        return files;
    }

    // Built once for the run and shared (read only) with the other classes that build the same fixture.
    private readonly TestSite _site = BuiltSites.Of(TablesFixture());

    private IEnumerable<(string Page, IDocument Html)> Pages() =>
        _site.OutputFiles().Where(f => f.EndsWith(".html", StringComparison.Ordinal)).Select(f => (f, (IDocument)_site.Html(f)));

    /// <summary>Every page of the run's shared build of input/.</summary>
    private static IEnumerable<(string Page, IDocument Html)> DefaultSitePages()
    {
        var site = BuiltSites.Default;
        return site.Pages.Select(p => (p, (IDocument)SiteLinks.Parse(File.ReadAllText(Path.Combine(site.Output, p)), site.BasePath, p)));
    }

    [Fact]
    public void EveryPageCarriesThePolicyHubServeSends()
    {
        var pages = Pages().ToList();
        Assert.True(pages.Count > 20, $"only {pages.Count} pages");
        AssertCarryThePolicy(pages);
    }

    [Fact]
    public void EveryPageOfTheDefaultSiteCarriesThePolicy()
    {
        var pages = DefaultSitePages().ToList();
        Assert.True(pages.Count > 200, $"only {pages.Count} pages");
        AssertCarryThePolicy(pages);
    }

    [Fact]
    public void NoPageOfTheDefaultSiteHasInlineStylesScriptsHandlersOrScriptUrls() => AssertNothingInline(DefaultSitePages());

    private static void AssertCarryThePolicy(IEnumerable<(string Page, IDocument Html)> pages)
    {
        foreach (var (page, html) in pages)
        {
            var metas = html.QuerySelectorAll("meta[http-equiv]").Where(m => string.Equals(m.GetAttribute("http-equiv"), "Content-Security-Policy", StringComparison.OrdinalIgnoreCase)).ToList();
            var meta = Assert.Single(metas);
            Assert.Equal(ContentSecurityPolicy.Policy, meta.GetAttribute("content"));
            // A meta policy only governs what comes after it: nothing loads before it.
            Assert.Equal(meta, html.Head!.Children.First(e => e.LocalName != "meta" || e.HasAttribute("http-equiv")));
        }
    }

    [Fact]
    public void ThePolicyIsStrict()
    {
        var directives = ContentSecurityPolicy.Policy.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Equal("default-src 'self'", directives["default-src"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.Equal("base-uri 'self'", directives["base-uri"]);
        Assert.Equal("form-action 'self'", directives["form-action"]);
        Assert.DoesNotContain("unsafe", ContentSecurityPolicy.Policy, StringComparison.Ordinal);
        Assert.False(directives.ContainsKey("script-src") || directives.ContainsKey("style-src"), "scripts and styles fall back to default-src 'self'");
    }

    [Fact]
    public void NoPageHasInlineStylesScriptsHandlersOrScriptUrls() => AssertNothingInline(Pages());

    private static void AssertNothingInline(IEnumerable<(string Page, IDocument Html)> pages)
    {
        foreach (var (page, html) in pages)
        {
            foreach (var element in html.All)
            {
                Assert.False(element.HasAttribute("style"), $"{page}: <{element.LocalName}> has a style attribute");
                Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal));
                foreach (var name in new[] { "href", "src", "action" })
                {
                    var value = element.GetAttribute(name);
                    Assert.False(value is not null && value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"{page}: {name}={value}");
                }
            }
            Assert.Empty(html.QuerySelectorAll("style"));
            Assert.All(html.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), $"{page}: inline script"));
        }
    }

    [Fact]
    public void TableAlignmentAndGridWidthsAreClasses()
    {
        var tables = _site.Html("/ja/articles/tables/").QuerySelectorAll("main .prose table").ToList();
        Assert.Equal(2, tables.Count);
        string Classes(IElement row) => string.Join(" | ", row.Children.Select(c => string.IsNullOrEmpty(c.ClassName) ? "-" : c.ClassName));
        var pipe = tables[0].QuerySelectorAll("tr").ToList();
        Assert.Equal("align-left | align-center | align-right | -", Classes(pipe[0]));
        Assert.Equal("align-left | align-center | align-right | -", Classes(pipe[1]));
        // Markdig fills a short row with empty cells, aligned like any other.
        Assert.Equal("align-left | align-center | align-right | -", Classes(pipe[2]));
        var grid = tables[1].QuerySelectorAll("tr").ToList();
        Assert.Equal("w-20 | align-center w-45 | align-right w-30", Classes(grid[0]));
        Assert.Equal("w-20 | align-center w-45 | align-right w-30", Classes(grid[1]));
        Assert.Empty(tables[1].QuerySelectorAll("col[style], colgroup"));
    }

    [Fact]
    public void EveryClassATableMayGetHasARuleInTheTheme()
    {
        var css = File.ReadAllText(Path.Combine(TestSite.Theme, "assets", "css", "main.css"));
        var classes = new[] { "align-left", "align-center", "align-right" }
            .Concat(Enumerable.Range(1, 100 / Hub.Markdown.Tables.TableClasses.WidthStep).Select(i => $"w-{i * Hub.Markdown.Tables.TableClasses.WidthStep}"));
        foreach (var name in classes)
        {
            Assert.Contains($".prose .{name} {{", css, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0.1f, 5)]
    [InlineData(12.4f, 10)]
    [InlineData(12.5f, 15)]
    [InlineData(33.3f, 35)]
    [InlineData(100f, 100)]
    [InlineData(140f, 100)]
    public void GridWidthsAreRoundedToTheThemesSteps(float percent, int expected) =>
        Assert.Equal(expected, Hub.Markdown.Tables.TableClasses.RoundWidth(percent));

    [Fact]
    public void RelurlAndAbsurlOutputCannotLeaveTheAttribute()
    {
        using var site = new TestSite(Fixtures.Basic());
        site.Write("_theme/partials/footer.scriban-html",
            """<footer><a id="rel" href="{{ relurl 'x" onclick="alert(1)' }}">r</a><a id="abs" href={{ absurl "y'><b id=injected>" }}>a</a></footer>""");
        site.BuildOk();
        var html = site.Html("/ja/");
        var rel = html.QuerySelector("#rel")!;
        Assert.Equal("/cs-hub/x%22%20onclick=%22alert(1)", rel.Target());
        Assert.False(rel.HasAttribute("onclick"));
        Assert.Equal("https://example.github.io/cs-hub/y%27%3E%3Cb%20id=injected%3E", html.QuerySelector("#abs")!.GetAttribute("href"));
        Assert.Null(html.QuerySelector("#injected"));
    }
}
