using Hub.Cli.Commands;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Init;

/// <summary><c>hub new</c>: what it prints, and the schema line and allowed-value comments of what it writes.</summary>
public sealed class ScaffoldTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = HubCommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void NewArticleSaysItIsADraftAndHowToPublishIt()
    {
        using var site = new TestSite(Fixtures.Basic());
        var result = Run("new", "article", "onboarding", "--input", site.Input);
        Assert.Equal(0, result.Exit);
        Assert.Equal("", result.Err);
        Assert.Equal(
            $"created {PathDisplay.For(Path.Combine(site.Input, "articles", "onboarding.md"))}\n" +
            "It is a draft (draft: true): hub build leaves it out and hub serve shows it under a draft banner. Set draft: false to publish it.\n",
            result.Out);

        // What it says holds: left out without --drafts, built with it.
        Assert.True(site.Build(strict: true).Succeeded);
        Assert.False(site.OutputExists("/ja/articles/onboarding/index.html"));
        Assert.True(SiteBuilder.Build(site.Options() with { Drafts = true, Strict = true }).Succeeded);
        Assert.True(site.OutputExists("/ja/articles/onboarding/index.html"));
    }

    [Theory]
    [InlineData("catalogue", "catalogues/onboarding.yml")]
    [InlineData("kpi", "kpis/onboarding.md")]
    public void NewCatalogueAndKpiSayOnlyWhatTheyCreated(string kind, string expected)
    {
        using var site = new TestSite(Fixtures.Basic());
        var result = Run("new", kind, "onboarding", "--input", site.Input);
        Assert.Equal((0, $"created {PathDisplay.For(Path.Combine(site.Input, expected))}\n", ""), result);
    }

    [Theory]
    [InlineData("article", "ja", "articles/onboarding.md", "---", "../../schemas/article.schema.json",
        "# draft: true keeps the article out of hub build (hub serve shows it under a draft banner); false publishes it")]
    [InlineData("catalogue", "ko", "catalogues/onboarding.ko.yml", null, "../../schemas/catalogue.schema.json",
        "# audience: interviewer (questions to ask) or candidate (questions a candidate asks)")]
    [InlineData("kpi", "en", "kpis/onboarding.en.md", "---", "../../schemas/kpi.schema.json",
        "# format: percent, ratio, currency, number or months; decimals: 0 to 10; better: higher or lower",
        "# unit: count, currency, percent, ratio, number, days or months; min, max, step, default: numbers; help: text",
        "# cadence: weekly, monthly, quarterly or annual",
        "# indicator: leading (predicts outcomes) or lagging (records them)")]
    public void ScaffoldsNameTheirSchemaFirstAndTheAllowedValuesAndBuildStrict(string kind, string lang, string file, string? fence, string schema, params string[] comments)
    {
        using var site = new TestSite(Fixtures.Basic());
        Assert.Equal(0, Run("new", kind, "onboarding", "--lang", lang, "--input", site.Input).Exit);
        var lines = File.ReadAllLines(Path.Combine(site.Input, file));

        // The schema comment is the first YAML line: inside the front matter's fence, or the file's first line.
        var first = fence is null ? 0 : 1;
        Assert.Equal(fence ?? lines[0], lines[0]);
        Assert.Equal("# yaml-language-server: $schema=" + schema, lines[first]);
        Assert.Equal(1, lines.Count(l => l.Contains("yaml-language-server", StringComparison.Ordinal)));
        foreach (var comment in comments)
        {
            Assert.Contains(comment, lines);
        }

        // The schema path leads from the file to schemas/ beside the input folder.
        Assert.Equal(
            Path.GetFullPath(Path.Combine(site.Root, "schemas", kind + ".schema.json")),
            Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.Combine(site.Input, file))!, schema)));

        var build = SiteBuilder.Build(site.Options() with { Drafts = true, Strict = true });
        Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics));
        Assert.Empty(build.Diagnostics);
    }
}
