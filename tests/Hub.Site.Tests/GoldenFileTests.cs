using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests;

/// <summary>
/// Output whose exact shape matters (the article body, the feed, the sitemap) against files in Golden/.
/// Set HUB_UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.
/// </summary>
public sealed class GoldenFileTests
{
    // Built once for the run and shared (read only) with the other classes that build the same fixture.
    private readonly TestSite _site = BuiltSites.Of(Fixtures.Basic());

    [Theory]
    [InlineData("/ja/articles/retention/", "article-main.html")]
    [InlineData("/en/articles/retention/", "article-en-main.html")]
    public void ArticleMainElement(string page, string golden)
    {
        var prose = _site.Html(page).QuerySelector("main .prose")!;
        // Embeds have tests of their own; the golden file pins the Markdown itself.
        foreach (var embed in prose.QuerySelectorAll("aside").ToList())
        {
            embed.Remove();
        }
        var lines = prose.InnerHtml.Split('\n').Where(l => l.Trim().Length > 0);
        Compare(golden, string.Join('\n', lines) + "\n");
    }

    [Theory]
    [InlineData("/ja/feed.xml", "feed-ja.xml")]
    [InlineData("/sitemap.xml", "sitemap.xml")]
    public void SiteFiles(string file, string golden) => Compare(golden, _site.ReadOutput(file));

    private static void Compare(string golden, string actual)
    {
        var path = Path.Combine(TestSite.RepoRoot, "tests", "Hub.Site.Tests", "Golden", golden);
        if (Environment.GetEnvironmentVariable("HUB_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }
        Assert.True(File.Exists(path), $"missing golden file {path}; run with HUB_UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
