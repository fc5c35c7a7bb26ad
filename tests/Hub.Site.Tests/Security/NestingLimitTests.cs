using Hub.Core.Diagnostics;
using Hub.Markdown;
using Hub.Site.Tests.Infrastructure;
using Hub.Site.Yaml;
using static Hub.Site.Tests.Security.Verdicts;

namespace Hub.Site.Tests.Security;

/// <summary>
/// Nesting the parsers would recurse through without end: past the limit it is an error where it happens (in
/// <c>build</c>, <c>check</c> and <c>serve</c> alike), at the limit the page still builds.
/// </summary>
public sealed class NestingLimitTests
{
    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    private static string Article(string body) => "---\ntitle: Deep\n---\n" + body + "\n";

    /// <summary>A list nested <paramref name="levels"/> deep, each level indented two spaces more.</summary>
    private static string NestedList(int levels) =>
        string.Join("\n", Enumerable.Range(0, levels).Select(i => new string(' ', 2 * i) + "- item " + (i + 1)));

    /// <summary>YAML mappings nested <paramref name="levels"/> deep under <paramref name="key"/>, in block style.</summary>
    private static string NestedMapping(string key, int levels) =>
        string.Join("\n", Enumerable.Range(0, levels).Select(i => new string(' ', 2 * i) + (i == 0 ? key : "k") + (i == levels - 1 ? ": leaf" : ":")));

    [Fact]
    public void BlockQuotesPastTheLimitAreAnErrorAtTheFirstMarkerTooMany()
    {
        var errors = Errors(With(("articles/quotes.md", Article("Intro.\n\n" + new string('>', MarkdownDepthGuard.Limit + 1) + " deep"))));
        Assert.Equal(["articles/quotes.md(6,129): error HUB0112: block quotes or lists nested more than 128 levels deep (flatten the nesting)"], errors);
    }

    [Fact]
    public void BlockQuotesAtTheLimitBuild()
    {
        // 128 '>' once ended the build with Markdig's exception and a stack trace.
        using var site = new TestSite(With(("articles/quotes.md", Article(new string('>', MarkdownDepthGuard.Limit) + " deep"))));
        site.BuildOk();
        var prose = site.Html("/ja/articles/quotes/").QuerySelector(".prose")!;
        Assert.Equal(MarkdownDepthGuard.Limit, prose.QuerySelectorAll("blockquote").Length);
        Assert.Equal("deep", prose.QuerySelectorAll("blockquote").Last().TextContent.Trim());
    }

    [Fact]
    public void ListsPastTheLimitAreAnErrorAtTheItemTooMany()
    {
        var errors = Errors(With(("articles/list.md", Article(NestedList(MarkdownDepthGuard.Limit + 1)))));
        Assert.Equal(["articles/list.md(132,257): error HUB0112: block quotes or lists nested more than 128 levels deep (flatten the nesting)"], errors);
    }

    [Fact]
    public void ListsAtTheLimitBuild()
    {
        using var site = new TestSite(With(("articles/list.md", Article(NestedList(MarkdownDepthGuard.Limit)))));
        site.BuildOk();
        var prose = site.Html("/ja/articles/list/").QuerySelector(".prose")!;
        Assert.Equal(MarkdownDepthGuard.Limit, prose.QuerySelectorAll("ul").Length);
    }

    [Fact]
    public void ListsAndQuotesCountTogether()
    {
        var body = Repeat("- > ", 64) + "- deep";
        var errors = Errors(With(("articles/mixed.md", Article(body))));
        Assert.Equal(["articles/mixed.md(4,257): error HUB0112: block quotes or lists nested more than 128 levels deep (flatten the nesting)"], errors);
    }

    [Theory]
    [InlineData("[", "x", "](u)", 129)]
    [InlineData("*a ", "b", " a*", 385)]
    [InlineData("![", "x", "](i.png)", 258)]
    public void InlineNestingPastTheLimitIsAnErrorAtTheOpeningTooMany(string open, string middle, string close, int column)
    {
        var levels = MarkdownDepthGuard.Limit + 1;
        var errors = Errors(With(("articles/inline.md", Article("Text " + Repeat(open, levels) + middle + Repeat(close, levels)))));
        Assert.Equal([$"articles/inline.md(4,{column + 5}): error HUB0112: links, images or emphasis nested more than 128 levels deep (flatten the nesting)"], errors);
    }

    [Theory]
    [InlineData("[", "x", "]")]
    [InlineData("*a ", "b", " a*")]
    [InlineData("_a ", "b", " a_")]
    public void InlineNestingAtTheLimitBuilds(string open, string middle, string close)
    {
        var levels = MarkdownDepthGuard.Limit;
        using var site = new TestSite(With(("articles/inline.md", Article(Repeat(open, levels) + middle + Repeat(close, levels)))));
        site.BuildOk();
        Assert.Contains(middle, site.Html("/ja/articles/inline/").QuerySelector(".prose")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void FiftyThousandOpenBracketsInFrontMatterAreAnErrorNotAStackOverflow()
    {
        // YamlDotNet recursing 50,000 levels overflowed the stack, which no catch survives: the process ended.
        var text = "---\ntitle: Deep\ntags: " + new string('[', 50_000) + "\n---\nbody\n";
        Assert.Equal(["articles/flow.md(3,134): error HUB0113: YAML nested more than 128 levels deep (flatten the lists and mappings)"],
            Errors(With(("articles/flow.md", text))));

        using var site = new TestSite(With(("articles/flow.md", text)));
        Assert.Contains("articles/flow.md(3,134): error HUB0113:", CliErrors(site), StringComparison.Ordinal);
    }

    [Fact]
    public void DeepBlockYamlInACatalogueIsAnErrorAtTheLevelTooMany()
    {
        var catalogue = "title: Deep\nquestions: []\n" + NestedMapping("extra", YamlDepthGuard.Limit + 1) + "\n";
        Assert.Equal(["catalogues/deep.yml(131,257): error HUB0113: YAML nested more than 128 levels deep (flatten the lists and mappings)"],
            Errors(With(("catalogues/deep.yml", catalogue))));
    }

    [Fact]
    public void DeepSequencesInHubYmlAreAnErrorToo()
    {
        var config = TestSite.DefaultConfig + "\nextra:\n  " + Repeat("- ", YamlDepthGuard.Limit) + "x\n";
        Assert.Equal(["hub.yml(7,257): error HUB0113: YAML nested more than 128 levels deep (flatten the lists and mappings)"],
            Errors(With(("hub.yml", config))));
    }

    [Fact]
    public void YamlAtTheLimitLoadsOnASmallStack()
    {
        // The limit must hold on any thread a build or serve parses on; 256 KB is a sixth of a pool thread's stack.
        var flow = "k: " + new string('[', YamlDepthGuard.Limit - 1) + new string(']', YamlDepthGuard.Limit - 1);
        var block = NestedMapping("k", YamlDepthGuard.Limit);
        foreach (var text in new[] { flow, block })
        {
            var diagnostics = new DiagnosticBag();
            YamlDotNet.RepresentationModel.YamlNode? root = null;
            var thread = new Thread(() => root = YamlSource.Load(text, "deep.yml", 1, diagnostics), 256 * 1024);
            thread.Start();
            thread.Join();
            Assert.Equal(0, diagnostics.Count);
            Assert.NotNull(root);
        }
    }

    [Fact]
    public void MarkdownAtTheLimitParsesAndRendersOnASmallStack()
    {
        // Markdig recurses per level when it parses and renders; the deepest page Hub accepts must fit in 512 KB.
        var body = NestedList(MarkdownDepthGuard.Limit / 2) + "\n" + new string(' ', MarkdownDepthGuard.Limit) + new string('>', MarkdownDepthGuard.Limit / 2 - 1)
            + " " + Repeat("[*a ", 40) + "b" + Repeat(" a*](u)", 40);
        Assert.Null(MarkdownDepthGuard.Find(body));
        string? html = null;
        var thread = new Thread(() => html = MarkdownPage.Parse(body).ToHtml(NoEmbeds.Instance), 512 * 1024);
        thread.Start();
        thread.Join();
        Assert.Contains("b", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ServeReportsTooDeepEditsWhereTheyAre()
    {
        using var site = new TestSite(Fixtures.Basic());
        var (result, session) = SiteBuilder.BuildSession(site.Options());
        Assert.True(result.Succeeded);
        var prefix = site.Input.Replace('\\', '/') + "/";
        const string Quotes = "articles/crm.ko.md(4,129): error HUB0112: block quotes or lists nested more than 128 levels deep (flatten the nesting)";

        site.Write("articles/crm.ko.md", Article(new string('>', MarkdownDepthGuard.Limit + 1)));
        var body = session!.TryRebuildPage(Path.Combine(site.Input, "articles", "crm.ko.md"));
        Assert.NotNull(body);
        Assert.Equal([Quotes], body.Diagnostics.Select(d => d.ToString().Replace(prefix, string.Empty, StringComparison.Ordinal)));

        site.Write("catalogues/deep.yml", "title: x\nquestions: " + new string('[', 50_000) + "\n");
        var catalogue = session.TryRebuildPage(Path.Combine(site.Input, "catalogues", "deep.yml"));
        Assert.NotNull(catalogue);
        // The article is still broken, so it is read again with this change and reported again.
        Assert.Equal(
            [Quotes, "catalogues/deep.yml(2,139): error HUB0113: YAML nested more than 128 levels deep (flatten the lists and mappings)"],
            catalogue.Diagnostics.Select(d => d.ToString().Replace(prefix, string.Empty, StringComparison.Ordinal)));
        // The last good page stays.
        Assert.Contains("본문.", site.Html("/ko/articles/crm/").QuerySelector(".prose")!.TextContent, StringComparison.Ordinal);
    }

    private sealed class NoEmbeds : Hub.Markdown.Embeds.IEmbedRenderer
    {
        public static readonly NoEmbeds Instance = new();

        public string? Render(Hub.Markdown.Embeds.EmbedReference embed) => null;
    }
}
