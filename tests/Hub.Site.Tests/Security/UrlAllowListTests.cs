using Hub.Cli.Commands;
using Hub.Site.Links;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Security;

/// <summary>
/// Only http, https, mailto, relative and fragment URLs reach a page: every other scheme, however it is spelled,
/// is an error at the URL (issue 17, part 2).
/// </summary>
public sealed class UrlAllowListTests
{
    private const string Hint = " (only http, https, mailto, relative and fragment URLs are allowed)";

    private static List<string> Errors(Dictionary<string, string> files)
    {
        using var site = new TestSite(files);
        var result = site.Build();
        Assert.False(result.Succeeded);
        Assert.False(Directory.Exists(site.Output));
        return site.Shown(result);
    }

    private static Dictionary<string, string> With(params (string Path, string Text)[] files) => Fixtures.BasicWith(files);

    private static Dictionary<string, string> Article(string body) => With(("articles/evil.md", "---\ntitle: Evil\n---\n\n" + body));

    [Theory]
    [InlineData("[a](javascript:alert(1))", 5, "javascript:alert(1)", "javascript:")]
    [InlineData("[a](JaVaScRiPt&#58;alert(1))", 5, "JaVaScRiPt:alert(1)", "javascript:")]
    [InlineData("[a](%6Aavascript:alert(1))", 5, "%6Aavascript:alert(1)", "javascript:")]
    [InlineData("[a](%256Aavascript:alert(1))", 5, "%256Aavascript:alert(1)", "javascript:")]
    [InlineData("[a](&#x25;6Aavascript:alert(1))", 5, "%6Aavascript:alert(1)", "javascript:")]
    [InlineData("[a](<java\tscript:alert(1)>)", 6, "java\\u0009script:alert(1)", "javascript:")]
    [InlineData("[a](<%01javascript:alert(1)>)", 6, "%01javascript:alert(1)", "javascript:")]
    [InlineData("[a](vbscript:msgbox(1))", 5, "vbscript:msgbox(1)", "vbscript:")]
    [InlineData("[a](data:text/html;base64,PHNjcmlwdD4=)", 5, "data:text/html;base64,PHNjcmlwdD4=", "data:")]
    [InlineData("[a](file:///etc/passwd)", 5, "file:///etc/passwd", "file:")]
    [InlineData("![img](javascript:alert(1))", 8, "javascript:alert(1)", "javascript:")]
    [InlineData("![img](data:image/svg+xml,x)", 8, "data:image/svg+xml,x", "data:")]
    [InlineData("<javascript:alert(1)>", 2, "javascript:alert(1)", "javascript:")]
    [InlineData("<JAVASCRIPT:alert(1)>", 2, "JAVASCRIPT:alert(1)", "javascript:")]
    public void EveryUnsafeSpellingIsAnErrorAtTheUrl(string markdown, int column, string shown, string scheme)
    {
        var errors = Errors(Article($"Click {markdown} now.\n"));
        Assert.Equal([$"articles/evil.md(5,{column + 6}): error HUB0403: URL '{shown}' has the scheme '{scheme}', which is not allowed in a page{Hint}"], errors);
    }

    [Fact]
    public void ReferenceLinksAreReportedOnceAtTheirDefinition()
    {
        var errors = Errors(Article("""
            A [first][evil] and a [second][evil] and an ![image][pic].

            [evil]: javascript:alert(1)
              [pic]:   <vbscript:x>
            [unused]: javascript:never-emitted
            """));
        Assert.Equal(
        [
            $"articles/evil.md(7,9): error HUB0403: URL 'javascript:alert(1)' has the scheme 'javascript:', which is not allowed in a page{Hint}",
            $"articles/evil.md(8,13): error HUB0403: URL 'vbscript:x' has the scheme 'vbscript:', which is not allowed in a page{Hint}",
        ], errors);
    }

    [Fact]
    public void EveryUnsafeUrlOfAPageIsReportedAndTheOthersStillChecked()
    {
        var errors = Errors(Article("""
            [a](javascript:a()) [b](missing.md)
            [c](vbscript:c)
            """));
        Assert.Equal(
        [
            $"articles/evil.md(5,5): error HUB0403: URL 'javascript:a()' has the scheme 'javascript:', which is not allowed in a page{Hint}",
            $"articles/evil.md(6,5): error HUB0403: URL 'vbscript:c' has the scheme 'vbscript:', which is not allowed in a page{Hint}",
            "articles/evil.md(5,25): error HUB0401: link to 'missing.md' points to a missing file (articles/missing.md)",
        ], errors.Order(StringComparer.Ordinal).OrderBy(e => e.Contains("HUB0401", StringComparison.Ordinal)).ToList());
    }

    [Fact]
    public void AllowedUrlsPassAndKeepTheirMeaning()
    {
        using var site = new TestSite(With(("articles/ok.md", """
            ---
            title: OK
            ---

            ## Part

            [h](http://example.com/a?b=1&c=2) [s](HTTPS://example.com/) [m](mailto:cs@example.com)
            [r](retention.md) [f](#part) [root](/ja/kpis/churn-rate/) <https://example.com/auto>
            Bare https://example.com/bare and www.example.com and a colon later: [q](retention.md?x=a:b).
            """)));
        site.BuildOk();
        var hrefs = site.Html("/ja/articles/ok/").QuerySelectorAll("main .prose a:not(.heading-link)").Select(a => a.Target()).ToList();
        Assert.Equal(
        [
            "http://example.com/a?b=1&c=2", "HTTPS://example.com/", "mailto:cs@example.com",
            "/cs-hub/ja/articles/retention/", "#part", "/cs-hub/ja/kpis/churn-rate/", "https://example.com/auto",
            "https://example.com/bare", "http://www.example.com", "/cs-hub/ja/articles/retention/?x=a:b",
        ], hrefs.Where(h => h is not null && !h.StartsWith("#part-", StringComparison.Ordinal)).ToList());
    }

    [Theory]
    [InlineData("editUrl: javascript:alert(1)//", 4, 10, "editUrl", "javascript:alert(1)//", "javascript:")]
    [InlineData("editUrl: \"java\\tscript:alert(1)\"", 4, 10, "editUrl", "java\\u0009script:alert(1)", "javascript:")]
    [InlineData("editUrl: '&#106;avascript:alert(1)'", 4, 10, "editUrl", "&#106;avascript:alert(1)", "javascript:")]
    [InlineData("baseUrl: javascript:alert(1)//", 2, 10, "baseUrl", "javascript:alert(1)//", "javascript:")]
    [InlineData("baseUrl: data:text/html,x", 2, 10, "baseUrl", "data:text/html,x", "data:")]
    public void UnsafeUrlsInHubYmlAreErrorsAtTheirValue(string line, int lineNumber, int column, string key, string shown, string scheme)
    {
        var config = TestSite.DefaultConfig.Split('\n').ToList();
        var index = config.FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        config[index] = line;
        var errors = Errors(With(("hub.yml", string.Join('\n', config))));
        Assert.Equal([$"hub.yml({lineNumber},{column}): error HUB0403: {key} '{shown}' has the scheme '{scheme}', which is not allowed in a page{Hint}"], errors);
    }

    [Fact]
    public void AnUnsafeUrlFailsCheckAsItFailsBuild()
    {
        using var site = new TestSite(Article("[a](javascript:alert(1))\n"));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = HubCommandLine.Run(["check", "--input", site.Input, "--theme", TestSite.Theme], stdout, stderr);
        Assert.Equal(1, exit);
        Assert.Contains("evil.md(5,5): error HUB0403: URL 'javascript:alert(1)'", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout.ToString() + stderr.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.com/", null)]
    [InlineData("mailto:a@example.com", null)]
    [InlineData("../a.md#b", null)]
    [InlineData("/ja/", null)]
    [InlineData("#見出し", null)]
    [InlineData("?q=a:b", null)]
    [InlineData("a/b:c", null)]
    [InlineData("tel:+81", "tel:")]
    [InlineData(" \u000Bjava\nscript\r:x", "javascript:")]
    [InlineData("&amp;#106;avascript:x", "javascript:")]
    public void TheSchemeIsReadAsABrowserReadsIt(string url, string? scheme) => Assert.Equal(scheme, UrlSafety.DisallowedScheme(url));

    [Fact]
    public void AUrlEncodedTooDeeplyIsUnsafe()
    {
        var url = "javascript:x";
        for (var i = 0; i < 20; i++)
        {
            url = url.Replace("%", "%25", StringComparison.Ordinal).Replace(":", "%3A", StringComparison.Ordinal);
        }
        Assert.Equal("(nested encoding)", UrlSafety.DisallowedScheme(url));
    }
}
