using System.ComponentModel;
using System.Diagnostics;

namespace Hub.Site.Tests.Scripts;

/// <summary>Node.js for the tests that run the theme's scripts or the TypeScript checker; absent on some machines.</summary>
public static class NodeJs
{
    private static readonly Lazy<string?> Missing = new(Probe);

    /// <summary>Why the Node.js tests cannot run here, or null when <c>node</c> runs.</summary>
    public static string? MissingReason => Missing.Value;

    /// <summary>Runs node with the arguments from a working directory; returns its exit code and both outputs.</summary>
    public static (int ExitCode, string Output, string Error) Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    private static string? Probe()
    {
        try
        {
            var (exit, _, error) = Run(Directory.GetCurrentDirectory(), "--version");
            return exit == 0 ? null : "node --version failed: " + error;
        }
        catch (Win32Exception e)
        {
            return "Node.js is not installed (node not found on PATH: " + e.Message + ")";
        }
    }
}

/// <summary>A test that needs Node.js: skipped, with the reason shown, on a machine without it.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (NodeJs.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
