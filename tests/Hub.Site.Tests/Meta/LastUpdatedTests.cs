using System.Xml.Linq;
using AngleSharp.Html.Dom;
using Hub.Core.Diagnostics;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Meta;

/// <summary>
/// "Last updated" in every content page's meta and the sitemap's lastmod: the last commit that touched the page's file
/// (a temporary repository with fixed commit dates), else front matter <c>updated</c>, else nothing; never the file's
/// modification time. Dates from git only when the build asks for them (<see cref="BuildOptions.DatesFromGit"/>).
/// </summary>
public sealed class LastUpdatedTests
{
    private const string First = "2024-01-02T03:04:05+09:00";
    private const string Second = "2024-03-04T10:20:30+09:00";

    /// <summary>The basic site in a repository of its own: everything committed at <see cref="First"/>, then the English article changed at <see cref="Second"/>.</summary>
    private static TestSite CommittedSite()
    {
        var site = new TestSite(Fixtures.BasicWith(("kpis/churn-rate.md", Fixtures.Basic()["kpis/churn-rate.md"].Replace("title:", "updated: 2020-01-01\ntitle:", StringComparison.Ordinal))));
        File.WriteAllText(Path.Combine(site.Root, ".gitignore"), "_site/\n.hub-cache/\nfresh/\nagain/\n");
        GitRepository.Init(site.Root);
        GitRepository.CommitAll(site.Root, "first", First);
        File.AppendAllText(Path.Combine(site.Input, "articles", "retention.en.md"), "\nOne more sentence.\n");
        GitRepository.CommitAll(site.Root, "second", Second);
        return site;
    }

    private static BuildResult Build(TestSite site, bool git = true, string? output = null)
    {
        var result = SiteBuilder.Build(site.Options() with { DatesFromGit = git, Output = output ?? site.Output });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result;
    }

    private static (string Label, string? DateTime, string Text)? Updated(IHtmlDocument page) =>
        page.QuerySelector(".page-meta .updated") is { } meta
            ? (meta.TextContent.Split(':')[0].Trim(), meta.QuerySelector("time")!.GetAttribute("datetime"), meta.QuerySelector("time")!.TextContent)
            : null;

    private static Dictionary<string, string?> LastMods(TestSite site) =>
        XDocument.Parse(site.ReadOutput("/sitemap.xml")).Root!.Elements().ToDictionary(
            u => new Uri(u.Elements().First(e => e.Name.LocalName == "loc").Value).AbsolutePath,
            u => u.Elements().FirstOrDefault(e => e.Name.LocalName == "lastmod")?.Value);

    [Fact]
    public void PagesShowTheirFilesLastCommitInTheirLanguage()
    {
        using var site = CommittedSite();
        Build(site);

        Assert.Equal(("最終更新", First, "2024年1月2日"), Updated(site.Html("/ja/articles/retention/")));
        Assert.Equal(("최종 수정", First, "2024년 1월 2일"), Updated(site.Html("/ko/articles/crm/")));
        Assert.Equal(("Last updated", Second, "March 4, 2024"), Updated(site.Html("/en/articles/retention/")));
        // Every kind of content page, and git wins over the front matter of a file as committed.
        Assert.Equal(("最終更新", First, "2024年1月2日"), Updated(site.Html("/ja/kpis/churn-rate/")));
        Assert.Equal(First, Updated(site.Html("/ja/catalogues/hiring/"))?.DateTime);

        var lastmods = LastMods(site);
        Assert.Equal(Second, lastmods["/cs-hub/en/articles/retention/"]);
        Assert.Equal(First, lastmods["/cs-hub/ja/articles/retention/"]);
        Assert.Equal(First, lastmods["/cs-hub/ja/kpis/churn-rate/"]);
        Assert.Null(lastmods["/cs-hub/ja/"]); // list pages have no date of their own
    }

    [Fact]
    public void ModifiedAndUntrackedFilesShowTheirFrontMatterOrNothing()
    {
        using var site = CommittedSite();
        site.Write("articles/retention.md", Fixtures.Basic()["articles/retention.md"].Replace("date: 2025-09-30", "date: 2025-09-30\nupdated: 2025-05-06", StringComparison.Ordinal));
        File.AppendAllText(Path.Combine(site.Input, "articles", "crm.ko.md"), "\n한 문장 더.\n");
        site.Write("articles/fresh.md", "---\ntitle: 新しい記事\nupdated: 2025-01-31\n---\n本文。\n");
        File.SetLastWriteTimeUtc(Path.Combine(site.Input, "articles", "fresh.md"), new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Build(site);

        Assert.Equal(("最終更新", "2025-05-06", "2025年5月6日"), Updated(site.Html("/ja/articles/retention/")));
        Assert.Null(Updated(site.Html("/ko/articles/crm/")));
        Assert.Equal(("最終更新", "2025-01-31", "2025年1月31日"), Updated(site.Html("/ja/articles/fresh/")));
        Assert.Equal(Second, Updated(site.Html("/en/articles/retention/"))?.DateTime);
        var lastmods = LastMods(site);
        Assert.Equal("2025-05-06", lastmods["/cs-hub/ja/articles/retention/"]);
        Assert.Null(lastmods["/cs-hub/ko/articles/crm/"]);
    }

    [Fact]
    public void WithoutGitOnlyTheFrontMatterGivesADate()
    {
        using var site = CommittedSite();
        Build(site, git: false);

        Assert.Equal(("最終更新", "2020-01-01", "2020年1月1日"), Updated(site.Html("/ja/kpis/churn-rate/")));
        Assert.Null(Updated(site.Html("/en/articles/retention/")));
        Assert.Null(LastMods(site)["/cs-hub/en/articles/retention/"]);
    }

    [Fact]
    public void TheSameCommitBuildsTheSameBytes()
    {
        using var site = CommittedSite();
        Build(site);
        Build(site, output: Path.Combine(site.Root, "again"));
        AssertSameFiles(Snapshot(site.Output), Snapshot(Path.Combine(site.Root, "again")));
    }

    [Fact]
    public void AShallowCloneIsSaidOnceAndItsCutGivesNoDates()
    {
        using var origin = CommittedSite();
        var clone = Path.Combine(origin.Root, "clone");
        GitRepository.Run(origin.Root, null, "clone", "-q", "--depth", "1", "--no-local", new Uri(origin.Root).AbsoluteUri, clone);
        var result = SiteBuilder.Build(origin.Options() with { Input = Path.Combine(clone, "input"), Output = Path.Combine(origin.Root, "fresh"), DatesFromGit = true });

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.ShallowClone.Code);
        Assert.Equal(Severity.Warning, warning.Severity);
        // The only commit fetched stands for all history before it: no page takes its date, the front matter's shows.
        var page = SiteLinks.Parse(File.ReadAllText(Path.Combine(origin.Root, "fresh", "en", "articles", "retention", "index.html")), "/cs-hub/", "/en/articles/retention/");
        Assert.Null(Updated(page));
        var kpi = SiteLinks.Parse(File.ReadAllText(Path.Combine(origin.Root, "fresh", "ja", "kpis", "churn-rate", "index.html")), "/cs-hub/", "/ja/kpis/churn-rate/");
        Assert.Equal("2020-01-01", Updated(kpi)?.DateTime);
    }

    [Fact]
    public void AShallowCloneDatesWhatItsHistoryHolds()
    {
        using var origin = CommittedSite();
        File.AppendAllText(Path.Combine(origin.Input, "articles", "crm.ko.md"), "\n한 문장 더.\n");
        GitRepository.CommitAll(origin.Root, "third", "2024-05-06T07:08:09+09:00");
        var clone = Path.Combine(origin.Root, "clone");
        GitRepository.Run(origin.Root, null, "clone", "-q", "--depth", "2", "--no-local", new Uri(origin.Root).AbsoluteUri, clone);
        var result = SiteBuilder.Build(origin.Options() with { Input = Path.Combine(clone, "input"), Output = Path.Combine(origin.Root, "fresh"), DatesFromGit = true });

        Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.ShallowClone.Code);
        IHtmlDocument Page(string url) => SiteLinks.Parse(File.ReadAllText(Path.Combine(origin.Root, "fresh", url.Trim('/'), "index.html")), "/cs-hub/", url);
        // The third commit has its parent in the clone: its change is dated. The second is the cut: nothing it shows is.
        Assert.Equal("2024-05-06T07:08:09+09:00", Updated(Page("/ko/articles/crm/"))?.DateTime);
        Assert.Null(Updated(Page("/en/articles/retention/")));
        Assert.Null(Updated(Page("/ja/articles/retention/")));
    }

    [Fact]
    public async Task AnEditInServeGivesWhatAFullBuildGives()
    {
        using var site = CommittedSite();
        var options = site.Options() with { DatesFromGit = true };
        var (first, session) = SiteBuilder.BuildSession(options);
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));

        // A committed page edited: it is modified now, so its date goes (and leaves the sitemap).
        var crm = Path.Combine(site.Input, "articles", "crm.ko.md");
        File.AppendAllText(crm, "\n한 문장 더.\n");
        Assert.NotNull(session!.TryUpdate([crm]));
        await session.RefreshSearchInBackground();
        var fresh = Path.Combine(site.Root, "fresh");
        Assert.True(SiteBuilder.Build(options with { Output = fresh }).Succeeded);
        AssertSameFiles(Snapshot(fresh), Snapshot(site.Output));
        Assert.Null(Updated(site.Html("/ko/articles/crm/")));

        // A new commit moves the dates of pages nobody edited: only a full build can say them.
        GitRepository.CommitAll(site.Root, "third", "2024-05-06T07:08:09+09:00");
        File.AppendAllText(crm, "\n또 한 문장.\n");
        Assert.Null(session.TryUpdate([crm]));
    }

    private static SortedDictionary<string, byte[]> Snapshot(string dir) =>
        new(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);

    private static void AssertSameFiles(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        var differing = expected.Where(e => !e.Value.AsSpan().SequenceEqual(actual[e.Key])).Select(e => e.Key).ToList();
        Assert.True(differing.Count == 0, "files that differ from a full build: " + string.Join(", ", differing));
    }
}
