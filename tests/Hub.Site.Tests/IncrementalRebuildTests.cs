using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests;

/// <summary><c>hub serve</c>'s incremental path: saving an article re-renders its page and only the pages that show it.</summary>
public sealed class IncrementalRebuildTests
{
    [Fact]
    public void ABodyEditReRendersOnlyThatPage()
    {
        using var site = new TestSite(Fixtures.Basic());
        var (result, session) = SiteBuilder.BuildSession(site.Options());
        Assert.True(result.Succeeded);
        var home = File.GetLastWriteTimeUtc(Path.Combine(site.Output, "ja", "index.html"));
        site.Write("articles/crm.ko.md", "---\ntitle: CRM 기초\n---\n\n## 고객 여정\n\n새로운 본문.\n");
        var quick = session!.TryRebuildPage(Path.Combine(site.Input, "articles", "crm.ko.md"));
        Assert.NotNull(quick);
        Assert.True(quick.Succeeded);
        Assert.Equal(1, quick.PageCount);
        Assert.Contains("새로운 본문.", site.Html("/ko/articles/crm/").QuerySelector(".prose")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(home, File.GetLastWriteTimeUtc(Path.Combine(site.Output, "ja", "index.html")));
    }

    [Fact]
    public void ATitleEditReRendersThePageAndItsListsOnly()
    {
        using var site = new TestSite(Fixtures.Basic());
        var (_, session) = SiteBuilder.BuildSession(site.Options());
        var jaHome = File.GetLastWriteTimeUtc(Path.Combine(site.Output, "ja", "index.html"));
        site.Write("articles/crm.ko.md", "---\ntitle: 새 제목\n---\n\n## 고객 여정\n");
        var result = session!.TryRebuildPage(Path.Combine(site.Input, "articles", "crm.ko.md"));
        Assert.NotNull(result);
        Assert.True(result.Succeeded);
        Assert.Equal("새 제목", site.Html("/ko/articles/crm/").QuerySelector("h1")!.TextContent);
        Assert.Contains("새 제목", site.Html("/ko/articles/").QuerySelector(".page-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("새 제목", site.ReadOutput("/ko/feed.xml"), StringComparison.Ordinal);
        Assert.Equal(jaHome, File.GetLastWriteTimeUtc(Path.Combine(site.Output, "ja", "index.html")));
        Assert.Null(session.TryRebuildPage(Path.Combine(site.Input, "kpis", "churn-rate.md")));
    }

    [Fact]
    public void ABrokenEditIsReportedAndTheOldPageStays()
    {
        using var site = new TestSite(Fixtures.Basic());
        var (_, session) = SiteBuilder.BuildSession(site.Options());
        site.Write("articles/crm.ko.md", "---\ntitle: CRM 기초\n---\n\n## 고객 여정\n\n[x](gone.md)\n");
        var result = session!.TryRebuildPage(Path.Combine(site.Input, "articles", "crm.ko.md"));
        Assert.NotNull(result);
        Assert.False(result.Succeeded);
        Assert.Equal("HUB0401", Assert.Single(result.Diagnostics).Code);
        Assert.Contains("본문.", site.Html("/ko/articles/crm/").QuerySelector(".prose")!.TextContent, StringComparison.Ordinal);
    }
}
