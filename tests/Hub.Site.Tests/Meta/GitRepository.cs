using System.Diagnostics;

namespace Hub.Site.Tests.Meta;

/// <summary>Runs git in a test's own temporary repository, with fixed names and dates so that commits are reproducible.</summary>
internal static class GitRepository
{
    public static void Init(string dir) => Run(dir, null, "init", "-q", "-b", "main");

    /// <summary>Commits everything in <paramref name="dir"/> with <paramref name="date"/> as author and committer date.</summary>
    public static void CommitAll(string dir, string message, string date)
    {
        Run(dir, null, "add", "-A");
        Run(dir, date, "commit", "-q", "--no-verify", "-m", message);
    }

    public static string Run(string dir, string? date, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-c", "user.name=Hub Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        // Nothing from the machine's or the user's git configuration (hooks, templates, signing) changes the repository.
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = OperatingSystem.IsWindows() ? "NUL" : "/dev/null";
        if (date is not null)
        {
            start.Environment["GIT_AUTHOR_DATE"] = date;
            start.Environment["GIT_COMMITTER_DATE"] = date;
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)} failed: {error.Result}");
        return output;
    }
}
