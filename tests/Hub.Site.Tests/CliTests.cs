using Hub.Cli.Commands;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests;

public sealed class CliTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = HubCommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void BuildExitsZeroOnSuccessOneOnContentErrorsTwoOnUsageErrors()
    {
        using var site = new TestSite(Fixtures.Basic());
        var ok = Run("build", "--input", site.Input, "--theme", TestSite.Theme, "--output", site.Output);
        Assert.Equal(0, ok.Exit);
        Assert.Contains("build:", ok.Out, StringComparison.Ordinal);

        site.Write("articles/bad.md", "---\ntitle: B\n---\n[x](nope.md)\n");
        var bad = Run("build", "--input", site.Input, "--theme", TestSite.Theme, "--output", site.Output);
        Assert.Equal(1, bad.Exit);
        Assert.Contains("bad.md(4,5): error HUB0401:", bad.Err, StringComparison.Ordinal);

        Assert.Equal(2, Run("build", "--no-such-option").Exit);
        Assert.Equal(2, Run("frobnicate").Exit);
    }

    [Fact]
    public void CheckReportsEveryErrorAndWritesNothing()
    {
        using var site = new TestSite(Fixtures.Basic());
        site.Write("articles/bad.md", "---\ntitle: B\n---\n[x](nope.md) [y](gone.md)\n");
        var result = Run("check", "--input", site.Input, "--theme", TestSite.Theme);
        Assert.Equal(1, result.Exit);
        Assert.Equal(2, result.Err.Split('\n').Count(l => l.Contains("error HUB0401", StringComparison.Ordinal)));
        Assert.False(Directory.Exists(site.Output));
    }

    [Theory]
    [InlineData("article", "ja", "articles/onboarding.md")]
    [InlineData("catalogue", "ko", "catalogues/onboarding.ko.yml")]
    [InlineData("kpi", "en", "kpis/onboarding.en.md")]
    public void NewScaffoldsAFileThatBuilds(string kind, string lang, string expected)
    {
        using var site = new TestSite(Fixtures.Basic());
        var result = Run("new", kind, "onboarding", "--lang", lang, "--input", site.Input);
        Assert.Equal(0, result.Exit);
        Assert.True(File.Exists(Path.Combine(site.Input, expected)), result.Out + result.Err);
        var build = SiteBuilder.Build(site.Options() with { Drafts = true, Strict = true });
        Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics));
        Assert.Equal(2, Run("new", kind, "onboarding", "--lang", lang, "--input", site.Input).Exit);
        Assert.Equal(2, Run("new", "poem", "x", "--input", site.Input).Exit);
        Assert.Equal(2, Run("new", kind, "Bad Slug", "--input", site.Input).Exit);
    }
}
