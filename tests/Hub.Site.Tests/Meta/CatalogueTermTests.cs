using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Meta;

/// <summary>
/// Glossary terms explain themselves on catalogue pages too: the first occurrence of each term in the questions' text
/// and intent becomes the popover button, as in an article's body; later ones and other text stay as written.
/// </summary>
public sealed class CatalogueTermTests
{
    [Fact]
    public void TheFirstOccurrenceInAQuestionIsExplained()
    {
        using var site = new TestSite(Fixtures.BasicWith(
            ("glossary/product.yml", "title: 製品\nreading: せいひん\ndefinition: 顧客に提供するソフトウェア。\n"),
            ("glossary/kyocho.yml", "title: 協調性\nreading: きょうちょうせい\ndefinition: 他者と力を合わせる力。\n"),
            ("catalogues/hiring.yml", Fixtures.Basic()["catalogues/hiring.yml"].Replace("intent: 協調性", "intent: 協調性と製品理解", StringComparison.Ordinal))));
        site.BuildOk();
        var page = site.Html("/ja/catalogues/hiring/");

        var first = page.QuerySelector("#q-01 .question-text .term-ref");
        Assert.NotNull(first);
        Assert.Equal("製品", first.TextContent);
        Assert.Equal("term-product", first.GetAttribute("aria-describedby"));
        Assert.Equal("顧客に提供するソフトウェア。", page.GetElementById("term-product")!.TextContent);
        // In an intent too; a term already explained on the page is not explained again.
        Assert.Equal("協調性", page.QuerySelector("#q-02 .intent .term-ref")!.TextContent);
        Assert.Single(page.QuerySelectorAll(".term-ref[aria-describedby='term-product']"));
        // The facet chips ("製品") and the headings are not question text: left alone.
        Assert.Empty(page.QuerySelectorAll(".facet-chip .term-ref, h2 .term-ref"));
        // The page loads the popover's script and style.
        Assert.NotNull(page.QuerySelector("script[data-module$='glossary.js']"));
    }
}
