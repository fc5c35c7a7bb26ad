using Hub.Site.Output;

namespace Hub.Site.Tests.Rendering;

/// <summary>The pass that makes a page's own links relative to it (portable output, issue 19).</summary>
public sealed class RelativeUrlsTests
{
    [Theory]
    [InlineData("/index.html", "")]
    [InlineData("/ja/index.html", "../")]
    [InlineData("/ja/kpis/churn-rate/index.html", "../../../")]
    [InlineData("/ja/feed.xml", "../")]
    public void TheWayToTheRootCountsTheFoldersOfThePage(string outputPath, string expected) =>
        Assert.Equal(expected, RelativeUrls.ToRoot(outputPath));

    [Fact]
    public void SiteUrlsInUrlAttributesBecomeRelativeToThePage()
    {
        const string html = """<a href="/cs-hub/ja/kpis/nrr/#読み方">x</a><img src="/cs-hub/files/a.png" alt="/cs-hub/ is the prefix"><form action="/cs-hub/ja/search/"></form><script src="/cs-hub/assets/js/boot.js" data-module="/cs-hub/assets/js/theme.js"></script>""";
        Assert.Equal(
            """<a href="../../../ja/kpis/nrr/#読み方">x</a><img src="../../../files/a.png" alt="/cs-hub/ is the prefix"><form action="../../../ja/search/"></form><script src="../../../assets/js/boot.js" data-module="../../../assets/js/theme.js"></script>""",
            RelativeUrls.Apply(html, "/cs-hub/", "/ja/articles/x/index.html"));
    }

    [Fact]
    public void TextAbsoluteUrlsOtherHostsAndOtherAttributesAreLeftAlone()
    {
        const string html = """<meta name="description" content="/cs-hub/ja/ is where"><link rel="canonical" href="https://example.github.io/cs-hub/ja/"><a href="//cs-hub/evil">y</a><p title="/cs-hub/ja/">/cs-hub/ja/ "="/cs-hub/</p>""";
        Assert.Equal(html, RelativeUrls.Apply(html, "/", "/ja/index.html"));
        Assert.Equal(html, RelativeUrls.Apply(html, "/cs-hub/", "/ja/index.html"));
    }

    [Theory]
    [InlineData("/", """<a href="/">h</a><a href="/#top">t</a><a href="/ja/">j</a>""", """<a href="./">h</a><a href="./#top">t</a><a href="ja/">j</a>""")]
    [InlineData("/kb/", """<a href="/kb/">h</a><a href="/kb/?q=1">q</a>""", """<a href="./">h</a><a href="./?q=1">q</a>""")]
    public void AtTheRootALinkToTheRootIsTheCurrentFolder(string basePath, string html, string expected) =>
        Assert.Equal(expected, RelativeUrls.Apply(html, basePath, "/index.html"));

    [Fact]
    public void APathFromTheRootSeenFromAPage() =>
        Assert.Equal(["ja/", "./", "../ko/"], [RelativeUrls.From("/index.html", "/ja/"), RelativeUrls.From("/index.html", "/"), RelativeUrls.From("/ja/index.html", "/ko/")]);
}
