using System.Text.Json;
using Hub.Site.Content;
using Hub.Site.Scaffolding;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Kinds;

/// <summary>
/// A content kind registered from outside Hub (<see cref="GlossaryKind"/>, one folder and one layout) takes part in
/// everything a built-in kind does: pages, its section on the home page and its list page, search documents of its
/// own kind, the sitemap, and serve's incremental rebuild.
/// </summary>
public sealed class ToyKindTests
{
    private const string TermLayout = """
        {{~ term = page.term }}
        <article class="term">
          <h1>{{ term.term | html.escape }}</h1>
          <p class="definition">{{ term.definition | html.escape }}</p>
        </article>
        """;

    private static Dictionary<string, string> Files() => Fixtures.BasicWith(
        ("_theme/layouts/term.scriban-html", TermLayout),
        ("glossary/nrr.yml", "title: NRR\nsummary: 売上継続率\ndefinition: 既存顧客からの売上がどれだけ残り、伸びたか。\ntags: [retention]\n"),
        ("glossary/nrr.en.yml", "title: NRR\ndefinition: How much revenue from existing customers stays and grows.\n"),
        ("glossary/csm.yml", "title: CSM\ndefinition: カスタマーサクセスマネージャー。\n"));

    private static BuildOptions WithGlossary(TestSite site) =>
        site.Options() with { Kinds = new ContentKindsBuilder().UseDefaultKinds().Use(new GlossaryKind()).Build() };

    [Fact]
    public void ABuildRendersTheKindsPagesSectionAndSearchDocuments()
    {
        using var site = new TestSite(Files());
        var result = SiteBuilder.Build(WithGlossary(site));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var page = site.Html("/ja/glossary/nrr/");
        Assert.Equal("NRR", page.QuerySelector("article.term h1")!.TextContent);
        Assert.Equal("既存顧客からの売上がどれだけ残り、伸びたか。", page.QuerySelector(".definition")!.TextContent);
        // Translations are linked as for any kind.
        Assert.NotNull(page.QuerySelector("link[rel=alternate][hreflang=en][href='https://example.github.io/cs-hub/en/glossary/nrr/']"));

        var section = site.Html("/ja/glossary/");
        Assert.Equal(["CSM", "NRR"], section.QuerySelectorAll(".page-list a").Select(a => a.TextContent).Order(StringComparer.Ordinal));
        // The site's navigation lists every registered section, in registration order.
        Assert.Equal(["/cs-hub/ja/articles/", "/cs-hub/ja/catalogues/", "/cs-hub/ja/kpis/", "/cs-hub/ja/glossary/", "/cs-hub/ja/tags/"],
            page.QuerySelectorAll(".site-nav li a").Select(a => a.Target()));
        Assert.Contains(site.Html("/ja/tags/retention/").QuerySelectorAll(".page-list a"), a => a.Target() == "/cs-hub/ja/glossary/nrr/");
        // The home page shows its section after the built-in ones, with its pages.
        var home = site.Html("/ja/");
        Assert.Equal("home-glossary", home.QuerySelectorAll("section.home-section").Last().GetAttribute("aria-labelledby"));
        Assert.Equal(["CSM", "NRR"], home.QuerySelectorAll("section.home-glossary .page-list a").Select(a => a.TextContent).Order(StringComparer.Ordinal));

        using var docs = JsonDocument.Parse(site.ReadOutput("/search/ja/docs.json"));
        var terms = docs.RootElement.EnumerateArray().Where(d => d[0].GetString() == GlossaryKind.SearchKind).Select(d => d[1].GetString()).Order(StringComparer.Ordinal);
        // Search documents carry site-root paths, which the page resolves under whatever prefix serves it.
        Assert.Equal(["/ja/glossary/csm/", "/ja/glossary/nrr/"], terms);

        var sitemap = site.ReadOutput("/sitemap.xml");
        Assert.Contains("<loc>https://example.github.io/cs-hub/ja/glossary/</loc>", sitemap, StringComparison.Ordinal);
        Assert.Contains("<loc>https://example.github.io/cs-hub/en/glossary/nrr/</loc>", sitemap, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutTheRegistrationItsFolderIsNotContent()
    {
        using var site = new TestSite(Files());
        Assert.True(site.Build().Succeeded);
        Assert.False(site.OutputExists("/ja/glossary/nrr/index.html"));
        Assert.DoesNotContain(site.Html("/ja/").QuerySelectorAll("a").Select(a => a.Target()), h => h!.Contains("/glossary/", StringComparison.Ordinal));
    }

    [Fact]
    public void HubNewWritesAFileOfTheKindThatBuilds()
    {
        using var site = new TestSite(Files());
        var options = WithGlossary(site);
        Assert.Equal(["article", "catalogue", "kpi", "term"], Scaffolder.KindNames(options.Kinds));
        Assert.DoesNotContain("term", Scaffolder.KindNames());

        var created = Scaffolder.Create(site.Input, "term", "arr", "en", options.Kinds);
        Assert.Null(created.Error);
        Assert.True(File.Exists(Path.Combine(site.Input, "glossary", "arr.en.yml")));
        Assert.True(SiteBuilder.Build(options with { Strict = true }).Succeeded);
        Assert.Equal("What arr means.", site.Html("/en/glossary/arr/").QuerySelector(".definition")!.TextContent);
        Assert.Equal("unknown kind 'term': use article, catalogue or kpi", Scaffolder.Create(site.Input, "term", "mrr", "en").Error);
    }

    [Fact]
    public void TwoKindsCannotShareAFolder()
    {
        Assert.Equal(["articles", "catalogues", "kpis"], ContentKinds.Default.Sections);
        Assert.Throws<ArgumentException>(() => new ContentKindsBuilder().UseDefaultKinds().Use(new GlossaryKind()).Use(new GlossaryKind()).Build());
    }

    [Theory]
    [InlineData("glossary/nrr.yml", "title: NRR\nsummary: 売上継続率\ndefinition: 新しい定義。\ntags: [retention]\n")]
    [InlineData("glossary/nrr.yml", "title: 売上継続率\ndefinition: 新しい定義。\ntags: [growth]\n")]
    [InlineData("glossary/churn.yml", "title: Churn\ndefinition: 解約。\n")]
    [InlineData("glossary/csm.yml", null)]
    public async Task ServesIncrementalRebuildGivesWhatAFullBuildGives(string file, string? text)
    {
        using var site = new TestSite(Files());
        var options = WithGlossary(site);
        var (first, session) = SiteBuilder.BuildSession(options);
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));

        var path = Path.Combine(site.Input, file);
        if (text is null)
        {
            File.Delete(path);
        }
        else
        {
            site.Write(file, text);
        }
        var result = session!.TryUpdate([path]);
        Assert.NotNull(result); // taken incrementally, not handed to a full build
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        await session.RefreshSearchInBackground();

        var freshDir = Path.Combine(site.Root, "fresh");
        Assert.True(SiteBuilder.Build(options with { Output = freshDir }).Succeeded);
        var expected = Snapshot(freshDir);
        var actual = Snapshot(site.Output);
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.Equal([], expected.Where(e => !e.Value.AsSpan().SequenceEqual(actual[e.Key])).Select(e => e.Key));
    }

    private static SortedDictionary<string, byte[]> Snapshot(string dir) =>
        new(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);
}
