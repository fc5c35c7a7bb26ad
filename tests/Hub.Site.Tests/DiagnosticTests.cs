using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests;

/// <summary>Invalid sites: every error pinned by code, file, line and column.</summary>
public sealed class DiagnosticTests
{
    private static List<string> Errors(Dictionary<string, string> files, bool strict = false)
    {
        using var site = new TestSite(files);
        var result = site.Build(strict: strict);
        Assert.False(result.Succeeded);
        return site.Shown(result);
    }

    private static Dictionary<string, string> With(params (string Path, string Text)[] files) => Fixtures.BasicWith(files);

    [Fact]
    public void YamlErrorsInFrontMatterCountLinesFromTheTopOfTheFile()
    {
        var errors = Errors(With(("articles/bad.md", "---\ntitle: ok\nsummary: [unclosed\ndate: 2025-01-01\n---\nbody\n")));
        var error = Assert.Single(errors);
        Assert.Equal("articles/bad.md(3,10): error HUB0101: invalid YAML: the value starting here is not closed (check for an unclosed [, { or quote)", error);
    }

    [Fact]
    public void EveryBrokenLinkAndAnchorIsReportedAtTheLink()
    {
        var errors = Errors(With(("articles/links.md", """
            ---
            title: Links
            ---

            See [a](missing.md) and [b](../kpis/churn-rate.md#nope).
            Also [c](#見出しx) and [d](/ja/nothing/).

            ## 見出し
            """)));
        Assert.Equal(
        [
            "articles/links.md(5,9): error HUB0401: link to 'missing.md' points to a missing file (articles/missing.md)",
            "articles/links.md(5,29): error HUB0402: anchor '#nope' does not exist in kpis/churn-rate.md",
            "articles/links.md(6,10): error HUB0402: anchor '#見出しx' does not exist in this page (did you mean '#見出し'?)",
            "articles/links.md(6,25): error HUB0401: link to '/ja/nothing/' leads to no page of the site",
        ], errors);
    }

    [Fact]
    public void LinksIntoTheSearchFilesAreCheckedOnceThoseAreWritten()
    {
        // The search files are built while pages render, so these links wait for them (LinkResolver's pendingUnder).
        var errors = Errors(With(("articles/search-links.md", """
            ---
            title: Search links
            ---

            The [index](/search/ja/docs.json), [lunr](/assets/js/lunr.module.js), [tables](/assets/js/search-tables.js), [formulas](/assets/js/kpi-formulas.js)
            and a [missing one](/search/ja/nothing.json).
            """)));
        Assert.Equal(["articles/search-links.md(6,21): error HUB0401: link to '/search/ja/nothing.json' leads to no page of the site"], errors);
    }

    [Fact]
    public void UnknownLanguageAndMissingTitle()
    {
        var errors = Errors(With(("articles/lang.md", "---\nlang: fr\n---\nbody\n")));
        Assert.Equal(
        [
            "articles/lang.md(2,1): error HUB0103: 'title' is required",
            "articles/lang.md(2,7): error HUB0003: language 'fr' is not one of the site's languages (ja, ko, en) (add it to 'languages' in hub.yml)",
        ], errors);
    }

    [Fact]
    public void CatalogueErrorsPointIntoTheYaml()
    {
        var errors = Errors(With(("catalogues/bad.yml", """
            title: Bad
            facets:
              category:
                - { id: risk, label: Risk }
            questions:
              - id: q-01
                text: First
                category: rsk
                kpis: [churn-rte]
              - id: q-01
                text: Again
                colour: red
              - text: No id
            """)));
        Assert.Equal(
        [
            "catalogues/bad.yml(8,15): error HUB0302: 'rsk' is not a declared value of facet 'category' (did you mean 'risk'?)",
            "catalogues/bad.yml(9,12): error HUB0304: question 'q-01' names KPI 'churn-rte', which has no page (did you mean 'churn-rate'?)",
            "catalogues/bad.yml(10,9): error HUB0301: duplicate question id 'q-01' (first used at line 6)",
            "catalogues/bad.yml(12,5): error HUB0104: unknown key 'colour' in a question",
            "catalogues/bad.yml(13,5): error HUB0103: 'id' is required",
        ], errors);
    }

    [Fact]
    public void UnknownEmbedsAreErrors()
    {
        var errors = Errors(With(("articles/embed.md", "---\ntitle: E\n---\n\n:::kpi churn-rat\n:::\n\n:::questions hiring phase=final\n:::\n")));
        Assert.Equal(
        [
            "articles/embed.md(5,1): error HUB0107: no KPI page has the slug 'churn-rat' (did you mean 'churn-rate'?)",
            "articles/embed.md(8,1): error HUB0107: catalogue 'hiring' has no facet 'phase' (facets: category)",
        ], errors);
    }

    [Fact]
    public void WarningsFailOnlyUnderStrict()
    {
        var files = With(("articles/warn.md", "---\ntitle: W\ncolour: red\n---\nbody\n"));
        using (var site = new TestSite(files))
        {
            var result = site.Build();
            Assert.True(result.Succeeded);
            Assert.Equal("articles/warn.md(3,1): warning HUB0104: unknown key 'colour' in an article's front matter",
                Assert.Single(result.Diagnostics).ToString().Replace(site.Input.Replace('\\', '/') + "/", string.Empty, StringComparison.Ordinal));
        }
        Assert.Single(Errors(files, strict: true));
    }

    [Fact]
    public void GitHubAnnotationsCarryFileLineAndColumn()
    {
        var diagnostic = new Core.Diagnostics.Diagnostic(Core.Diagnostics.Severity.Error, "HUB0401",
            new Core.Diagnostics.SourceLocation("input/a.md", 3, 7), "link to 'x.md' points to a missing file");
        Assert.Equal("::error file=input/a.md,line=3,col=7,title=HUB0401::link to 'x.md' points to a missing file", diagnostic.ToGitHubAnnotation());
    }
}
