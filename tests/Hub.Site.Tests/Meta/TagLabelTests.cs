using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Meta;

/// <summary>
/// input/tags.yml labels a tag per language: every place a tag shows (a page's tags, the tags index, the tag page's
/// title and heading) shows the label of the page's language, the tag's URL stays its slug, and a tag or language
/// without a label shows the tag as written.
/// </summary>
public sealed class TagLabelTests
{
    private static TestSite LabelledSite() => new(Fixtures.BasicWith(("tags.yml", "retention: { ja: リテンション, en: Customer retention }\n")));

    [Fact]
    public void EveryPlaceATagShowsUsesTheLabelOfThePagesLanguage()
    {
        using var site = LabelledSite();
        site.BuildOk();

        // The label of the page's language, the URL of the slug; a tag without a label as written.
        var ja = site.Html("/ja/articles/retention/").QuerySelectorAll(".page-meta .tags a").Select(a => (a.TextContent, SiteLinkPath(a.Target()))).ToList();
        Assert.Equal([("#リテンション", "/ja/tags/retention/"), ("#オンボーディング", "/ja/tags/オンボーディング/")], ja);
        Assert.Equal("#Customer retention", site.Html("/en/articles/retention/").QuerySelector(".page-meta .tags a")!.TextContent);

        var index = site.Html("/ja/tags/").QuerySelectorAll(".tag-cloud a").Select(a => a.TextContent).ToList();
        Assert.Contains(index, t => t.StartsWith("#リテンション", StringComparison.Ordinal));
        var tagPage = site.Html("/ja/tags/retention/");
        Assert.Equal("#リテンション", tagPage.QuerySelector("h1")!.TextContent);
        Assert.Contains("リテンション", tagPage.Title, StringComparison.Ordinal);
        Assert.Equal("#Customer retention", site.Html("/en/tags/retention/").QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void WithoutALabelATagShowsAsWritten()
    {
        using var site = new TestSite(Fixtures.Basic());
        site.BuildOk();
        Assert.Equal("#retention", site.Html("/ja/tags/retention/").QuerySelector("h1")!.TextContent);
    }

    private static string? SiteLinkPath(string? target) => target is null ? null : Uri.UnescapeDataString(target.Replace("/cs-hub", "", StringComparison.Ordinal));
}
