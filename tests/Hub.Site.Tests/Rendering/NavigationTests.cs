using AngleSharp.Dom;
using Hub.Site.Rendering;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Rendering;

/// <summary>
/// The navigation of content pages (issue 20, item 2) on built pages: breadcrumbs, the sidebar (sections, the current
/// section's pages in list order, the current page marked), previous/next within a section and language, heading
/// links, back to top; and serve's incremental rebuild keeping every page that shows a changed page's entry exact.
/// </summary>
public sealed class NavigationTests : IDisposable
{
    private static Dictionary<string, string> Files() => Fixtures.BasicWith(
        ("articles/a-newest.md", "---\ntitle: 新しい記事\ndate: 2026-03-01\n---\n\n## 始め\n\n本文。\n\n### 細部\n\n本文。\n"),
        ("articles/b-middle.md", "---\ntitle: 真ん中の記事\ndate: 2026-02-01\n---\n\n## 概要\n\n本文。\n"),
        ("articles/c-oldest.md", "---\ntitle: 古い記事\ndate: 2026-01-01\n---\n\n本文。\n"),
        ("articles/b-middle.en.md", "---\ntitle: The middle article\ndate: 2026-02-01\n---\n\nText.\n"));

    private readonly TestSite _site = new(Files());

    public NavigationTests() => _site.BuildOk();

    public void Dispose() => _site.Dispose();

    /// <summary>The Japanese articles in list order: newest first (the fixture's own article has no date, so it comes last).</summary>
    private List<string> JapaneseArticles()
    {
        var section = _site.Html("ja/articles/");
        return section.QuerySelectorAll("main .page-list > li > a").Select(a => a.SitePath()!)
            .Where(t => t.StartsWith("/ja/articles/", StringComparison.Ordinal) && t != "/ja/articles/").Distinct().ToList();
    }

    [Fact]
    public void BreadcrumbsLeadHomeThenToTheSectionAndMarkThePage()
    {
        var page = _site.Html("ja/articles/b-middle/");
        var nav = Assert.Single(page.QuerySelectorAll("nav.breadcrumbs"));
        Assert.Equal("パンくずリスト", nav.GetAttribute("aria-label"));
        var items = nav.QuerySelectorAll("ol > li > a").ToList();
        Assert.Equal(["/ja/", "/ja/articles/", "/ja/articles/b-middle/"], items.Select(a => a.SitePath()));
        Assert.Equal(["ホーム", "記事", "真ん中の記事"], items.Select(a => a.TextContent));
        Assert.Equal("page", items[^1].GetAttribute("aria-current"));
        Assert.All(items.SkipLast(1), a => Assert.Null(a.GetAttribute("aria-current")));
        // Every content layout has them, in its language.
        Assert.Equal("Breadcrumbs", _site.Html("en/articles/b-middle/").QuerySelector("nav.breadcrumbs")!.GetAttribute("aria-label"));
        Assert.NotNull(_site.Html("ja/kpis/churn-rate/").QuerySelector("nav.breadcrumbs li:last-child a[aria-current=page]"));
        Assert.NotNull(_site.Html("ja/catalogues/hiring/").QuerySelector("nav.breadcrumbs li:last-child a[aria-current=page]"));
    }

    [Fact]
    public void TheSidebarListsTheSectionsAndTheCurrentSectionsPagesInListOrder()
    {
        var page = _site.Html("ja/articles/b-middle/");
        var sidebar = Assert.Single(page.QuerySelectorAll("nav.sidebar#sidebar"));
        Assert.Equal("セクションとページ", sidebar.GetAttribute("aria-label"));
        // Other sections are links; the current one is an open group with its pages.
        var sections = sidebar.QuerySelectorAll(".sidebar-sections > li").ToList();
        Assert.Equal(["/ja/catalogues/", "/ja/kpis/", "/ja/glossary/"], sections.Where(s => s.QuerySelector("details") is null).Select(s => s.QuerySelector("a")!.SitePath()));
        var group = Assert.Single(sidebar.QuerySelectorAll("details[open]"));
        Assert.Equal("記事", group.QuerySelector("summary")!.TextContent);
        var links = group.QuerySelectorAll("ul a").Select(a => a.SitePath()!).ToList();
        Assert.Equal("/ja/articles/", links[0]);
        Assert.Equal(JapaneseArticles(), links.Skip(1).ToList());
        Assert.Equal(["/ja/articles/a-newest/", "/ja/articles/b-middle/", "/ja/articles/c-oldest/"], links.Skip(1).Take(3));
        // Only this page is marked, and only pages of its language are listed.
        var current = Assert.Single(sidebar.QuerySelectorAll("[aria-current]"));
        Assert.Equal("page", current.GetAttribute("aria-current"));
        Assert.Equal("/ja/articles/b-middle/", current.SitePath());
        Assert.DoesNotContain(links, l => !l.StartsWith("/ja/", StringComparison.Ordinal));
        // A drawer on phones: its button controls it and starts hidden until the script shows it.
        var toggle = Assert.Single(page.QuerySelectorAll("button.sidebar-toggle"));
        Assert.Equal("sidebar", toggle.GetAttribute("aria-controls"));
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));
        Assert.True(toggle.HasAttribute("hidden"));
    }

    [Fact]
    public void PreviousAndNextFollowTheSectionsOrderInTheSameLanguage()
    {
        var order = JapaneseArticles();
        for (var i = 0; i < order.Count; i++)
        {
            var page = _site.Html(order[i]);
            var pager = page.QuerySelector("nav.pager");
            var prev = pager?.QuerySelector("a[rel=prev]")?.SitePath();
            var next = pager?.QuerySelector("a[rel=next]")?.SitePath();
            Assert.Equal(i > 0 ? order[i - 1] : null, prev);
            Assert.Equal(i + 1 < order.Count ? order[i + 1] : null, next);
        }
        var middle = _site.Html("ja/articles/b-middle/").QuerySelector("nav.pager")!;
        Assert.Equal("前後のページ", middle.GetAttribute("aria-label"));
        Assert.Equal("新しい記事", middle.QuerySelector("a[rel=prev] .pager-title")!.TextContent);
        // The English page has no English neighbour among the articles but the fixture's: never a Japanese one.
        var english = _site.Html("en/articles/b-middle/").QuerySelectorAll("nav.pager a").Select(a => a.SitePath()!).ToList();
        Assert.All(english, t => Assert.StartsWith("/en/articles/", t));
    }

    [Fact]
    public void HeadingsLinkToThemselvesAndTheTocAndBackToTopArePlainLinks()
    {
        var page = _site.Html("ja/articles/a-newest/");
        var headings = page.QuerySelectorAll(".prose h2, .prose h3").ToList();
        Assert.Equal(2, headings.Count);
        foreach (var heading in headings)
        {
            var link = Assert.Single(heading.QuerySelectorAll("a.heading-link"));
            Assert.Equal("#" + heading.Id, link.GetAttribute("href"));
            Assert.Equal("この節へのリンク: " + heading.TextContent.Replace("#", "", StringComparison.Ordinal).Trim(), link.GetAttribute("aria-label"));
        }
        Assert.Equal("Link to this section: First steps", _site.Html("en/articles/retention/").QuerySelector(".prose h2 a.heading-link")!.GetAttribute("aria-label"));
        // The table of contents still reads the heading's text, not the link's mark.
        Assert.Equal(["始め", "細部"], page.QuerySelectorAll("nav.toc a").Select(a => a.TextContent));
        Assert.NotNull(page.QuerySelector(".article-body.has-toc > nav.toc + .prose"));
        var back = Assert.Single(page.QuerySelectorAll(".back-to-top a"));
        Assert.Equal("#top", back.GetAttribute("href"));
        var status = Assert.Single(page.QuerySelectorAll(".copy-status[role=status]"));
        Assert.Equal("リンクをコピーしました", status.GetAttribute("data-copied"));
        Assert.Equal("링크를 복사했습니다", _site.Html("ko/articles/crm/").QuerySelector(".copy-status")!.GetAttribute("data-copied"));
    }

    [Fact]
    public void ListPagesHaveNoSidebar()
    {
        foreach (var path in new[] { "ja/", "ja/articles/", "ja/tags/", "ja/search/" })
        {
            var page = _site.Html(path);
            Assert.Null(page.QuerySelector("nav.sidebar"));
            Assert.Null(page.QuerySelector("nav.pager"));
        }
    }

    /// <summary>A section longer than the sidebar holds: its pages link to the section page instead of all being listed,
    /// and previous/next still follow the order; serve's edits give what a full build gives as it crosses the limit.</summary>
    [Theory]
    [InlineData("title in the middle")]
    [InlineData("page added past the limit")]
    [InlineData("page deleted back under the limit")]
    public async Task ALongSectionIsNotListedAndServeStaysExact(string edit)
    {
        var files = new Dictionary<string, string> { ["hub.yml"] = TestSite.DefaultConfig };
        var count = edit == "page added past the limit" ? Navigation.SidebarLimit : Navigation.SidebarLimit + 1;
        for (var i = 0; i < count; i++)
        {
            files[$"articles/n{i:D3}.md"] = $"---\ntitle: 記事 {i:D3}\ndate: 2025-01-01\n---\n\n本文。\n";
        }
        using var site = new TestSite(files);
        var (first, session) = SiteBuilder.BuildSession(site.Options());
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        var listed = site.Html("ja/articles/n050/").QuerySelectorAll("nav.sidebar details a").Length;
        Assert.Equal(count > Navigation.SidebarLimit ? 1 : count + 1, listed);
        Assert.Equal("/ja/articles/n049/", site.Html("ja/articles/n050/").QuerySelector("nav.pager a[rel=prev]")!.SitePath());

        var path = edit switch
        {
            "title in the middle" => "articles/n050.md",
            "page added past the limit" => "articles/n999.md",
            _ => "articles/n000.md",
        };
        if (edit == "page deleted back under the limit")
        {
            File.Delete(Path.Combine(site.Input, path));
        }
        else
        {
            site.Write(path, "---\ntitle: 記事 050 改\ndate: 2025-01-01\n---\n\n本文。\n");
        }
        var result = session!.TryUpdate([Path.Combine(site.Input, path)]);
        Assert.NotNull(result);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        await session.RefreshSearchInBackground();
        var fresh = Path.Combine(site.Root, "fresh");
        Assert.True(SiteBuilder.Build(site.Options() with { Output = fresh }).Succeeded);
        var differing = Directory.EnumerateFiles(fresh, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(fresh, f))
            .Where(f => !File.Exists(Path.Combine(site.Output, f)) || !File.ReadAllBytes(Path.Combine(fresh, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(site.Output, f))))
            .ToList();
        Assert.Empty(differing);
        Assert.Equal(Directory.EnumerateFiles(fresh, "*", SearchOption.AllDirectories).Count(), Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories).Count());
    }
}

/// <summary>Where a link leads as a site-root path, without the fixture's base path (<c>/cs-hub</c>).</summary>
file static class SitePaths
{
    public static string? SitePath(this IElement element) =>
        element.Target() is { } target && target.StartsWith("/cs-hub/", StringComparison.Ordinal) ? target["/cs-hub".Length..] : element.Target();
}
