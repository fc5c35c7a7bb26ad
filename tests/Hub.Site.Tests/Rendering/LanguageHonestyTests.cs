using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Rendering;

/// <summary>
/// Languages are honest (issue 20, item 5): a language a page has no translation in leads to that language's
/// "not translated yet" page naming the languages it can be read in, and the switcher says it is missing.
/// </summary>
public sealed class LanguageHonestyTests
{
    // Built once for the run and shared (read only) with the other classes that build the same fixture.
    private readonly TestSite _site = BuiltSites.Of(Fixtures.Basic());

    [Fact]
    public void TheSwitcherLeadsAMissingLanguageToItsNotTranslatedPageAndSaysSo()
    {
        var links = _site.Html("/ko/articles/crm/").QuerySelectorAll("nav.lang-switch a").ToDictionary(a => a.GetAttribute("hreflang")!);
        Assert.Equal("/cs-hub/ja/untranslated/ko/articles/crm/", links["ja"].Target());
        Assert.Equal("(미번역)", links["ja"].QuerySelector(".untranslated-mark")!.TextContent);
        Assert.Equal("ja", links["ja"].QuerySelector("span[lang]")!.GetAttribute("lang"));
        var translated = _site.Html("/ja/articles/retention/").QuerySelectorAll("nav.lang-switch a").ToDictionary(a => a.GetAttribute("hreflang")!);
        Assert.Equal("/cs-hub/en/articles/retention/", translated["en"].Target());
        Assert.Null(translated["en"].QuerySelector(".untranslated-mark"));
        Assert.Equal("/cs-hub/ko/untranslated/ja/articles/retention/", translated["ko"].Target());
    }

    [Theory]
    [InlineData("/ja/untranslated/ko/articles/crm/", "ja", "このページはまだ日本語に翻訳されていません", new[] { "ko" })]
    [InlineData("/en/untranslated/ko/articles/crm/", "en", "This page is not translated into English yet", new[] { "ko" })]
    [InlineData("/ko/untranslated/ja/articles/retention/", "ko", "이 페이지는 아직 한국어로 번역되지 않았습니다", new[] { "ja", "en" })]
    [InlineData("/ko/untranslated/ja/kpis/churn-rate/", "ko", "이 페이지는 아직 한국어로 번역되지 않았습니다", new[] { "ja" })]
    public void TheNotTranslatedPageIsInItsLanguageAndNamesWhereThePageExists(string url, string lang, string title, string[] available)
    {
        var page = _site.Html(url);
        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(title, page.QuerySelector("main h1")!.TextContent);
        var items = page.QuerySelectorAll(".untranslated-available li").ToList();
        Assert.Equal(available, items.Select(li => li.GetAttribute("lang")));
        Assert.All(items, li => Assert.StartsWith($"/cs-hub/{li.GetAttribute("lang")}/", li.QuerySelector("a")!.Target(), StringComparison.Ordinal));
    }

    [Fact]
    public void OnlyMissingLanguagesGetOneAndTheSitemapLeavesThemOut()
    {
        var untranslated = _site.OutputFiles().Where(f => f.Contains("/untranslated/", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain("/en/untranslated/ja/articles/retention/index.html", untranslated);
        Assert.DoesNotContain("/ja/untranslated/ja/articles/retention/index.html", untranslated);
        Assert.Contains("/ko/untranslated/ja/catalogues/hiring/index.html", untranslated);
        Assert.DoesNotContain("untranslated", _site.ReadOutput("/sitemap.xml"), StringComparison.Ordinal);
    }
}
