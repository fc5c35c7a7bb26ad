using AngleSharp.Html.Parser;
using Hub.Cli.Commands;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Init;

/// <summary><c>hub init</c>: a new hub that builds under <c>--strict</c> at once, and the folders it refuses.</summary>
public sealed class InitTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hub-init-" + Guid.NewGuid().ToString("N"));

    private string Folder => Path.Combine(_root, "new-hub");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = HubCommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    private BuildResult BuildStrict() => SiteBuilder.Build(new BuildOptions
    {
        Input = Path.Combine(Folder, "input"),
        Theme = Path.Combine(Folder, "theme"),
        Output = Path.Combine(Folder, "_site"),
        CacheDirectory = Path.Combine(Folder, ".hub-cache"),
        Strict = true,
    });

    private AngleSharp.Html.Dom.IHtmlDocument Page(string sitePath) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(Folder, "_site", sitePath.Trim('/'), "index.html")));

    [Fact]
    public void InitIntoAnEmptyFolderWritesAHubThatBuildsStrictWithNoDiagnostics()
    {
        Directory.CreateDirectory(Folder);
        var init = Run("init", Folder, "--theme", TestSite.Theme);
        Assert.Equal(0, init.Exit);
        Assert.Equal("", init.Err);
        Assert.StartsWith($"created a hub in {PathDisplay.For(Folder)}: input/ (hub.yml and 9 pages in ja, ko, en), theme/, schemas/,", init.Out, StringComparison.Ordinal);
        foreach (var next in new[] { "hub build", "hub serve", "hub new article <slug>", "input/hub.yml", "Pages -> Source: GitHub Actions" })
        {
            Assert.Contains(next, init.Out, StringComparison.Ordinal);
        }
        foreach (var file in new[] { "input/hub.yml", ".gitignore", ".github/workflows/pages.yml", "theme/layouts/baseof.scriban-html", "schemas/kpi.schema.json" })
        {
            Assert.True(File.Exists(Path.Combine(Folder, file)), file);
        }
        Assert.Equal(["_site/", ".hub-cache/", "bin/", "obj/"], File.ReadAllLines(Path.Combine(Folder, ".gitignore")));

        var build = BuildStrict();
        Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics));
        Assert.Empty(build.Diagnostics);

        // One page of each kind per language, translations of each other, the article linking to the others.
        foreach (var lang in new[] { "ja", "ko", "en" })
        {
            foreach (var page in new[] { "articles/welcome", "catalogues/kickoff-questions", "kpis/churn-rate" })
            {
                var html = Page($"{lang}/{page}");
                Assert.Equal(lang, html.DocumentElement.GetAttribute("lang"));
                Assert.False(string.IsNullOrWhiteSpace(html.QuerySelector("h1")?.TextContent), $"{lang}/{page}");
                Assert.Equal(
                    ["ja", "ko", "en"],
                    html.QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => l.GetAttribute("hreflang")!).Where(h => h != "x-default").ToArray());
            }
            var links = Page($"{lang}/articles/welcome").QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!).ToList();
            Assert.Contains(links, h => h.EndsWith($"/{lang}/kpis/churn-rate/", StringComparison.Ordinal));
            Assert.Contains(links, h => h.EndsWith($"/{lang}/catalogues/kickoff-questions/", StringComparison.Ordinal));
            Assert.NotNull(Page($"{lang}/kpis/churn-rate").QuerySelector("form.kpi-calculator[data-kpi]"));
        }
        Assert.Equal("ハブへようこそ", Page("ja/articles/welcome").QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("허브에 오신 것을 환영합니다", Page("ko/articles/welcome").QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Welcome to the hub", Page("en/articles/welcome").QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public void InitBuildsThroughTheCommandLineInTheNewFolderWithOtherLanguages()
    {
        Assert.Equal(0, Run("init", Folder, "--languages", "en,fr", "--theme", TestSite.Theme).Exit);
        Assert.Contains("languages: [en, fr]", File.ReadAllLines(Path.Combine(Folder, "input", "hub.yml")));
        Assert.True(File.Exists(Path.Combine(Folder, "input", "articles", "welcome.fr.md")));
        Assert.Equal(
            "# yaml-language-server: $schema=../schemas/hub.schema.json",
            File.ReadLines(Path.Combine(Folder, "input", "hub.yml")).First());

        var build = Run("build", "--strict",
            "--input", Path.Combine(Folder, "input"), "--theme", Path.Combine(Folder, "theme"), "--output", Path.Combine(Folder, "_site"));
        Assert.True(build.Exit == 0, build.Out + build.Err);
        Assert.Contains("0 error(s), 0 warning(s)", build.Out, StringComparison.Ordinal);
        Assert.Equal("fr", Page("fr/kpis/churn-rate").DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public void InitRefusesANonEmptyFolderWithOneUsageErrorAndWritesNothing()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, "notes.txt"), "mine");
        var result = Run("init", Folder, "--theme", TestSite.Theme);
        Assert.Equal(2, result.Exit);
        Assert.Equal("", result.Out);
        Assert.Equal($"hub: error: {PathDisplay.For(Folder)} is not empty: hub init writes a new hub into an empty or new folder\n", result.Err);
        Assert.Equal([Path.Combine(Folder, "notes.txt")], Directory.GetFileSystemEntries(Folder));
    }

    [Theory]
    [InlineData("ja,KO", "hub: error: --languages: 'KO' is not a language code such as ja, ko or en (--languages takes a comma-separated list: ja,ko,en)")]
    [InlineData("ja,,en", "hub: error: --languages: '' is not a language code such as ja, ko or en (--languages takes a comma-separated list: ja,ko,en)")]
    [InlineData("en,ja,en", "hub: error: --languages: language 'en' is listed twice in --languages")]
    public void InvalidLanguagesAreAUsageError(string languages, string error)
    {
        var result = Run("init", Folder, "--languages", languages, "--theme", TestSite.Theme);
        Assert.Equal(2, result.Exit);
        Assert.Equal("", result.Out);
        Assert.Equal(error + "\nRun 'hub --help' for usage.\n", result.Err);
        Assert.False(Directory.Exists(Folder));
    }

    [Fact]
    public void AMissingThemeIsAUsageErrorWithoutAStackTrace()
    {
        var theme = Path.Combine(_root, "no-theme");
        var result = Run("init", Folder, "--theme", theme);
        Assert.Equal(2, result.Exit);
        Assert.Equal(
            $"hub: error: no theme at {PathDisplay.For(theme)}: run hub init in a clone of Hub or pass --theme with Hub's theme folder\n",
            result.Err);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Err + result.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Folder));
    }
}
