using Hub.Core.Diagnostics;
using Hub.Site;

namespace Hub.Cli.Commands;

/// <summary>Where the CLI writes: diagnostics MSBuild style (and as GitHub annotations in Actions), summaries.</summary>
public sealed class CliConsole(TextWriter output, TextWriter error)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public static bool IsCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public static bool InGitHubActions => Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true";

    /// <summary>A live progress bar only on an interactive terminal outside CI.</summary>
    public bool Interactive => ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected && !IsCi;

    public void Report(BuildResult result)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            Error.WriteLine(diagnostic.ToString());
            if (InGitHubActions)
            {
                Out.WriteLine(diagnostic.ToGitHubAnnotation());
            }
        }
    }

    public int Summarize(BuildResult result, string verb, TimeSpan elapsed)
    {
        Report(result);
        var counts = $"{result.ErrorCount} error(s), {result.WarningCount} warning(s)";
        if (result.Succeeded)
        {
            var where = result.OutputPath is null ? string.Empty : $" into {PathDisplay.For(result.OutputPath)}";
            if (result.UpToDate)
            {
                Out.WriteLine($"{verb}: up to date, {result.PageCount} pages in {PathDisplay.For(result.OutputPath!)} (nothing changed since the last build; --force rebuilds) in {elapsed.TotalMilliseconds:0} ms; {counts}");
                return HubCommandLine.Ok;
            }
            Out.WriteLine($"{verb}: {result.PageCount} pages{where} in {elapsed.TotalMilliseconds:0} ms; {counts}");
            return HubCommandLine.Ok;
        }
        Out.WriteLine($"{verb} failed: {counts}; the previous output was left untouched");
        // After the summary, not in the diagnostic lines, which editors and CI parse.
        if (result.Diagnostics.FirstOrDefault(d => d.IsError) is { } first)
        {
            Out.WriteLine($"Run 'hub explain {first.Code}' for what a code means and how to fix it.");
        }
        return HubCommandLine.ContentErrors;
    }
}
