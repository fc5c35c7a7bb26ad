using System.Text.RegularExpressions;
using Hub.Cli.Commands;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Security;

/// <summary>
/// Input that used to slip through validation (issue 17, part 7): each invalid fixture site is pinned by code, file,
/// line and column, and <c>hub check</c> and <c>hub build</c> give it the same verdict and diagnostics, without a stack
/// trace.
/// </summary>
public sealed partial class ValidationGapTests
{
    /// <summary>
    /// Runs <c>hub check</c> and <c>hub build</c> on the fixture through the command line and returns the diagnostics
    /// they printed (paths relative to the input folder), after checking that both exit with
    /// <paramref name="exit"/>, print the same diagnostics and no stack trace.
    /// </summary>
    private static List<string> Diagnostics(Dictionary<string, string> files, int exit = 1, bool strict = false)
    {
        using var site = new TestSite(files);
        string[] options = strict ? ["--input", site.Input, "--theme", TestSite.Theme, "--strict"] : ["--input", site.Input, "--theme", TestSite.Theme];
        var check = Run(["check", .. options]);
        var build = Run(["build", .. options, "--output", site.Output]);
        foreach (var (name, run) in new[] { ("check", check), ("build", build) })
        {
            Assert.True(exit == run.Exit, $"hub {name} exited with {run.Exit}:\n{run.Out}\n{run.Err}");
            foreach (var text in new[] { run.Out, run.Err })
            {
                Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
                Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
            }
        }
        var checkLines = Lines(check.Err, site.Input);
        Assert.Equal(checkLines, Lines(build.Err, site.Input));
        return checkLines;
    }

    private static (int Exit, string Out, string Err) Run(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = HubCommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static List<string> Lines(string stderr, string input)
    {
        var prefix = Path.GetFullPath(input).Replace('\\', '/') + "/";
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), input).Replace('\\', '/') + "/";
        return stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => DiagnosticLine().IsMatch(l))
            .Select(l => l.Replace(prefix, string.Empty, StringComparison.Ordinal).Replace(relative, string.Empty, StringComparison.Ordinal))
            .ToList();
    }

    [GeneratedRegex(@": (error|warning) HUB\d{4}: ")]
    private static partial Regex DiagnosticLine();

    private static Dictionary<string, string> With(params (string Path, string Text)[] files)
    {
        var all = Fixtures.Basic();
        foreach (var (path, text) in files)
        {
            all[path] = text;
        }
        return all;
    }

    private const string Kpi = """
        ---
        title: 継続率
        formula: 1 - churned / customersAtStart
        result: { format: percent, decimals: 1 }
        inputs:
          - { name: churned, label: 解約数, default: 12 }
          - { name: customersAtStart, label: 期首顧客数, default: 400 }
        examples:
          - { inputs: { churned: 12, customersAtStart: 400 }, result: 0.97 }
        ---
        本文。
        """;

    [Fact]
    public void A_directive_after_the_formula_is_an_error_at_its_line()
    {
        var kpi = Kpi.Replace("formula: 1 - churned / customersAtStart", "formula: |\n  1 - churned / customersAtStart // a comment is fine\n\n  #error no", StringComparison.Ordinal);
        var errors = Diagnostics(With(("kpis/retention.md", kpi)));
        Assert.Equal(
        [
            "kpis/retention.md(6,3): error HUB0208: unexpected '#error no' after the formula's expression (a formula is one C# expression; only spaces, line breaks and comments may follow it)",
        ], errors);

        kpi = Kpi.Replace("formula: 1 - churned / customersAtStart", "formula: 1 - churned / customersAtStart churned", StringComparison.Ordinal);
        errors = Diagnostics(With(("kpis/retention.md", kpi)));
        Assert.Equal(
        [
            "kpis/retention.md(3,41): error HUB0208: unexpected 'churned' after the formula's expression (a formula is one C# expression; only spaces, line breaks and comments may follow it)",
        ], errors);
    }

    [Theory]
    [InlineData("|", "  1 - churned /\n      customrsAtStart", 5, 7)]
    [InlineData("|-", "  // a C# comment line\n  1 -\n  churned / customrsAtStart", 6, 13)]
    [InlineData(">", "  1 - churned\n\n  / customrsAtStart", 6, 5)]
    [InlineData(">-", "    1 - churned /\n    customrsAtStart", 5, 5)]
    [InlineData("1 - churned", "  / customrsAtStart", 4, 5)]
    [InlineData("\"1 - churned", "  / customrsAtStart\"", 4, 5)]
    public void A_diagnostic_inside_a_multi_line_formula_points_at_its_line(string header, string lines, int line, int column)
    {
        var kpi = Kpi.Replace("formula: 1 - churned / customersAtStart", $"formula: {header}\n{lines}", StringComparison.Ordinal);
        var errors = Diagnostics(With(("kpis/retention.md", kpi)));
        Assert.Equal(
        [
            $"kpis/retention.md({line},{column}): error HUB0203: unknown input 'customrsAtStart' in formula; did you mean 'customersAtStart'?",
        ], errors);
    }
}
