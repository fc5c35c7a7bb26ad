using System.Text.Json;
using Hub.Site.Content;
using Hub.Site.Scaffolding;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Kinds;

/// <summary>
/// A content kind registered from outside Hub (<see cref="NoteKind"/>, one folder and one layout) takes part in
/// everything a built-in kind does: pages, its section on the home page and its list page, search documents of its
/// own kind, the sitemap, and serve's incremental rebuild.
/// </summary>
public sealed class ToyKindTests
{
    private const string TermLayout = """
        {{~ note = page.note }}
        <article class="note">
          <h1>{{ note.note | html.escape }}</h1>
          <p class="definition">{{ note.definition | html.escape }}</p>
        </article>
        """;

    private static Dictionary<string, string> Files() => Fixtures.BasicWith(
        ("_theme/layouts/note.scriban-html", TermLayout),
        ("notes/nrr.yml", "title: NRR\nsummary: 売上継続率\ndefinition: 既存顧客からの売上がどれだけ残り、伸びたか。\ntags: [retention]\n"),
        ("notes/nrr.en.yml", "title: NRR\ndefinition: How much revenue from existing customers stays and grows.\n"),
        ("notes/csm.yml", "title: CSM\ndefinition: カスタマーサクセスマネージャー。\n"));

    private static BuildOptions WithNotes(TestSite site) =>
        site.Options() with { Kinds = new ContentKindsBuilder().UseDefaultKinds().Use(new NoteKind()).Build() };

    [Fact]
    public void ABuildRendersTheKindsPagesSectionAndSearchDocuments()
    {
        using var site = new TestSite(Files());
        var result = SiteBuilder.Build(WithNotes(site));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var page = site.Html("/ja/notes/nrr/");
        Assert.Equal("NRR", page.QuerySelector("article.note h1")!.TextContent);
        Assert.Equal("既存顧客からの売上がどれだけ残り、伸びたか。", page.QuerySelector(".definition")!.TextContent);
        // Translations are linked as for any kind.
        Assert.NotNull(page.QuerySelector("link[rel=alternate][hreflang=en][href='https://example.github.io/cs-hub/en/notes/nrr/']"));

        var section = site.Html("/ja/notes/");
        Assert.Equal(["CSM", "NRR"], section.QuerySelectorAll(".page-list a").Select(a => a.TextContent).Order(StringComparer.Ordinal));
        // The site's navigation lists every registered section, in registration order.
        Assert.Equal(["/cs-hub/ja/articles/", "/cs-hub/ja/catalogues/", "/cs-hub/ja/kpis/", "/cs-hub/ja/glossary/", "/cs-hub/ja/notes/", "/cs-hub/ja/tags/"],
            page.QuerySelectorAll(".site-nav li a").Select(a => a.Target()));
        Assert.Contains(site.Html("/ja/tags/retention/").QuerySelectorAll(".page-list a"), a => a.Target() == "/cs-hub/ja/notes/nrr/");
        // The home page shows its section after the built-in ones, with its pages.
        var home = site.Html("/ja/");
        Assert.Equal("home-notes", home.QuerySelectorAll("section.home-section").Last().GetAttribute("aria-labelledby"));
        Assert.Equal(["CSM", "NRR"], home.QuerySelectorAll("section.home-notes .page-list a").Select(a => a.TextContent).Order(StringComparer.Ordinal));

        using var docs = JsonDocument.Parse(site.ReadOutput("/search/ja/docs.json"));
        var notes = docs.RootElement.EnumerateArray().Where(d => d[0].GetString() == NoteKind.SearchKind).Select(d => d[1].GetString()).Order(StringComparer.Ordinal);
        // Search documents carry site-root paths, which the page resolves under whatever prefix serves it.
        Assert.Equal(["/ja/notes/csm/", "/ja/notes/nrr/"], notes);

        var sitemap = site.ReadOutput("/sitemap.xml");
        Assert.Contains("<loc>https://example.github.io/cs-hub/ja/notes/</loc>", sitemap, StringComparison.Ordinal);
        Assert.Contains("<loc>https://example.github.io/cs-hub/en/notes/nrr/</loc>", sitemap, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutTheRegistrationItsFolderIsNotContent()
    {
        using var site = new TestSite(Files());
        Assert.True(site.Build().Succeeded);
        Assert.False(site.OutputExists("/ja/notes/nrr/index.html"));
        Assert.DoesNotContain(site.Html("/ja/").QuerySelectorAll("a").Select(a => a.Target()), h => h!.Contains("/notes/", StringComparison.Ordinal));
    }

    [Fact]
    public void HubNewWritesAFileOfTheKindThatBuilds()
    {
        using var site = new TestSite(Files());
        var options = WithNotes(site);
        Assert.Equal(["article", "catalogue", "kpi", "term", "note"], Scaffolder.KindNames(options.Kinds));
        Assert.DoesNotContain("note", Scaffolder.KindNames());

        var created = Scaffolder.Create(site.Input, "note", "arr", "en", options.Kinds);
        Assert.Null(created.Error);
        Assert.True(File.Exists(Path.Combine(site.Input, "notes", "arr.en.yml")));
        Assert.True(SiteBuilder.Build(options with { Strict = true }).Succeeded);
        Assert.Equal("What arr means.", site.Html("/en/notes/arr/").QuerySelector(".definition")!.TextContent);
        Assert.Equal("unknown kind 'note': use article, catalogue, kpi or term", Scaffolder.Create(site.Input, "note", "mrr", "en").Error);
    }

    [Fact]
    public void TwoKindsCannotShareAFolder()
    {
        Assert.Equal(["articles", "catalogues", "kpis", "glossary"], ContentKinds.Default.Sections);
        Assert.Throws<ArgumentException>(() => new ContentKindsBuilder().UseDefaultKinds().Use(new NoteKind()).Use(new NoteKind()).Build());
    }

    [Theory]
    [InlineData("notes/nrr.yml", "title: NRR\nsummary: 売上継続率\ndefinition: 新しい定義。\ntags: [retention]\n")]
    [InlineData("notes/nrr.yml", "title: 売上継続率\ndefinition: 新しい定義。\ntags: [growth]\n")]
    [InlineData("notes/churn.yml", "title: Churn\ndefinition: 解約。\n")]
    [InlineData("notes/csm.yml", null)]
    public async Task ServesIncrementalRebuildGivesWhatAFullBuildGives(string file, string? text)
    {
        using var site = new TestSite(Files());
        var options = WithNotes(site);
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
