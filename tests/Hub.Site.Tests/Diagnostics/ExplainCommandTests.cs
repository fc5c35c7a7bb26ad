using Hub.Cli.Commands;
using Hub.Core.Diagnostics;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Diagnostics;

/// <summary><c>hub explain</c>: one code's title, severity and explanation; every code; an unknown code as a usage error.</summary>
public sealed class ExplainCommandTests
{
    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = HubCommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("HUB0401")]
    [InlineData("hub0401")]
    [InlineData("401")]
    public void ACodePrintsItsTitleSeverityAndExplanation(string code)
    {
        var (exit, output, error) = Run("explain", code);
        Assert.Equal(HubCommandLine.Ok, exit);
        Assert.Equal(string.Empty, error);
        var descriptor = DiagnosticCodes.BrokenLink;
        Assert.Equal($"HUB0401: {descriptor.Title}\nDefault severity: error\n\n{descriptor.Explanation}\n", output);
    }

    [Fact]
    public void AWarningCodeSaysSo()
    {
        var (exit, output, _) = Run("explain", "HUB0104");
        Assert.Equal(HubCommandLine.Ok, exit);
        Assert.Contains("\nDefault severity: warning\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutACodeEveryCodeIsListedWithItsSeverityAndTitle()
    {
        var (exit, output, _) = Run("explain");
        Assert.Equal(HubCommandLine.Ok, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            DiagnosticCodes.All.Select(d => $"{d.Code}  {ExplainCommand.SeverityName(d.DefaultSeverity),-7}  {d.Title}"),
            lines.Take(DiagnosticCodes.All.Count));
    }

    [Fact]
    public void AnUnknownCodeIsAUsageErrorThatSuggestsTheClosest()
    {
        var (exit, output, error) = Run("explain", "HUB0998");
        Assert.Equal(HubCommandLine.UsageErrors, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal("hub: error: 'HUB0998' is not a diagnostic code of Hub (did you mean 'HUB0999'?)\nRun 'hub explain' to list them.\n", error);
    }

    [Fact]
    public void AnUnknownCodeFarFromEveryCodeGetsNoSuggestion()
    {
        var (exit, _, error) = Run("explain", "E0308");
        Assert.Equal(HubCommandLine.UsageErrors, exit);
        Assert.StartsWith("hub: error: 'E0308' is not a diagnostic code of Hub\n", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailedBuildPointsToExplainAfterItsSummaryAndNotInTheDiagnosticLines()
    {
        using var site = new TestSite(new Dictionary<string, string> { ["articles/a.md"] = "---\ntitle: A\n---\n\nSee [z](zzz.md).\n" });
        var (exit, output, error) = Run("check", "--input", site.Input, "--theme", TestSite.Theme);
        Assert.Equal(HubCommandLine.ContentErrors, exit);
        Assert.EndsWith("\nRun 'hub explain HUB0401' for what a code means and how to fix it.\n", "\n" + output, StringComparison.Ordinal);
        Assert.DoesNotContain("hub explain", error, StringComparison.Ordinal);
        Assert.Contains("/articles/a.md(5,9): error HUB0401: link to 'zzz.md' points to a missing file", error, StringComparison.Ordinal);
    }
}
