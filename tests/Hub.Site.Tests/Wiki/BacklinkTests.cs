using AngleSharp.Dom;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Wiki;

/// <summary>
/// Backlinks against the link graph: the graph is read back from the rendered pages (every link of a page's body
/// to another content page, embeds aside), and each page must list exactly the pages of its incoming links, each
/// once, its own language first; a catalogue question lists those whose link names it.
/// </summary>
public sealed class BacklinkTests
{
    private static Dictionary<string, string> Files() => Fixtures.BasicWith(
        ("articles/wiki.md", "---\ntitle: ウィキ\n---\n\n[[churn-rate]]、[[hiring#q-01|質問1]]、[[crm]]、[解約率](../kpis/churn-rate.md#定義)、[[retention]]。\n"),
        ("articles/wiki.en.md", "---\ntitle: Wiki\n---\n\n[[churn-rate]] and [[hiring#q-02]] and [an absolute link](/ja/articles/wiki/).\n"),
        ("articles/lonely.md", "---\ntitle: 孤立\n---\n\n[外](https://example.com/)だけ。\n"));

    [Fact]
    public void EveryPageListsExactlyThePagesThatLinkToIt()
    {
        using var site = new TestSite(Files());
        site.BuildOk();
        var pages = ContentPages(site).ToList();
        Assert.Contains("/ja/articles/lonely/", pages);

        var graph = new HashSet<(string From, string To, string? Anchor)>();
        foreach (var page in pages)
        {
            var prose = site.Html(page).QuerySelector("main .prose");
            foreach (var a in prose?.QuerySelectorAll("a[href]").Where(a => a.Closest("aside") is null) ?? [])
            {
                var (target, anchor) = Target(a.Target()!);
                if (target is not null && target != page && pages.Contains(target))
                {
                    graph.Add((page, target, anchor));
                }
            }
        }
        // The graph holds every form: wikilinks, relative links, site-root links, across languages.
        Assert.Contains(("/ja/articles/wiki/", "/ja/kpis/churn-rate/", (string?)null), graph);
        Assert.Contains(("/ja/articles/wiki/", "/ko/articles/crm/", (string?)null), graph);
        Assert.Contains(("/en/articles/wiki/", "/ja/articles/wiki/", (string?)null), graph);
        Assert.Contains(("/en/articles/retention/", "/ja/articles/retention/", "見出し-1"), graph);

        foreach (var page in pages)
        {
            var html = site.Html(page);
            var expected = graph.Where(e => e.To == page).Select(e => e.From).Distinct().ToHashSet();
            var listed = html.QuerySelectorAll(".backlinks a").Select(a => Target(a.Target()!).Path!).ToList();
            Assert.True(expected.SetEquals(listed) && listed.Count == expected.Count, $"{page}: lists [{string.Join(", ", listed)}], links from [{string.Join(", ", expected)}]");
            // The page's own language first.
            var lang = page.Split('/')[1];
            var languages = listed.Select(l => l.Split('/')[1] == lang).ToList();
            Assert.Equal(languages.OrderByDescending(same => same), languages);
            // Each one shows the linking page's title.
            foreach (var a in html.QuerySelectorAll(".backlinks a"))
            {
                var from = site.Html(Target(a.Target()!).Path!);
                Assert.Equal(from.QuerySelector("main h1")!.TextContent.Trim(), a.TextContent);
            }
            foreach (var question in html.QuerySelectorAll("li.question"))
            {
                var linking = graph.Where(e => e.To == page && e.Anchor == question.Id).Select(e => e.From).ToHashSet();
                var shown = question.QuerySelectorAll(".question-backlinks a").Select(a => Target(a.Target()!).Path!).ToList();
                Assert.True(linking.SetEquals(shown) && shown.Count == linking.Count, $"{page}#{question.Id}: [{string.Join(", ", shown)}]");
            }
        }
        var catalogue = site.Html("/ja/catalogues/hiring/");
        Assert.Equal(["ウィキ"], catalogue.QuerySelectorAll("#q-01 .question-backlinks a").Select(a => a.TextContent));
        // Another language's page says which language it is in.
        var q2 = catalogue.QuerySelectorAll("#q-02 .question-backlinks a").ToList();
        Assert.Equal(["継続率を上げる施策", "Wiki"], q2.Select(a => a.TextContent));
        Assert.Equal("en", q2[1].GetAttribute("lang"));
        Assert.Equal("（English）", catalogue.QuerySelector("#q-02 .question-backlinks .backlink-lang")!.TextContent);
        Assert.Null(site.Html("/ja/articles/lonely/").QuerySelector(".backlinks"));
    }

    [Fact]
    public void ABrokenLinkIsNoBacklinkBecauseTheBuildFails()
    {
        using var site = new TestSite(Fixtures.BasicWith(("articles/wiki.md", "---\ntitle: ウィキ\n---\n\n[[churn-rate#nowhere]]\n")));
        var result = site.Build();
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "HUB0402");
    }

    /// <summary>Every content page the site wrote (articles, KPIs, catalogues in every language).</summary>
    private static IEnumerable<string> ContentPages(TestSite site) =>
        site.OutputFiles()
            .Where(f => f.EndsWith("/index.html", StringComparison.Ordinal))
            .Select(f => f[..^"index.html".Length])
            .Where(f => f.Split('/', StringSplitOptions.RemoveEmptyEntries) is [_, "articles" or "kpis" or "catalogues", _])
            .Order(StringComparer.Ordinal);

    /// <summary>A link's site-root page path (base path removed) and anchor, from where it leads (<see cref="SiteLinks.Target"/>).</summary>
    private static (string? Path, string? Anchor) Target(string href)
    {
        var hash = href.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? href : href[..hash];
        var anchor = hash < 0 ? null : Uri.UnescapeDataString(href[(hash + 1)..]);
        return path.StartsWith("/cs-hub/", StringComparison.Ordinal) ? (path["/cs-hub".Length..], anchor) : (null, anchor);
    }
}
