using System.Diagnostics;

namespace Hub.Search.Tests;

/// <summary>
/// Runs a script under Node.js. Tests that need it are <see cref="NodeFactAttribute"/>s, which report themselves
/// skipped on a machine without Node instead of passing without having checked anything.
/// </summary>
internal static class Node
{
    private static readonly Lazy<string?> Missing = new(Probe);

    /// <summary>Why Node.js cannot run here, or null when it can.</summary>
    public static string? MissingReason => Missing.Value;

    public static string Run(string script, IReadOnlyList<string> args, string input)
    {
        if (MissingReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        var dir = Directory.CreateTempSubdirectory("hub-search-node-");
        try
        {
            var scriptPath = Path.Combine(dir.FullName, "script.js");
            var inputPath = Path.Combine(dir.FullName, "input.json");
            var outputPath = Path.Combine(dir.FullName, "output.json");
            File.WriteAllText(scriptPath, script);
            File.WriteAllText(inputPath, input);
            var start = Start();
            start.ArgumentList.Add(scriptPath);
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            start.ArgumentList.Add(inputPath);
            start.ArgumentList.Add(outputPath);
            using (var process = Process.Start(start)!)
            {
                var stderr = process.StandardError.ReadToEndAsync();
                process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException("node failed: " + stderr.Result);
                }
            }

            return File.ReadAllText(outputPath);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static ProcessStartInfo Start() => new("node") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };

    private static string? Probe()
    {
        var start = Start();
        start.ArgumentList.Add("--version");
        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : $"'node --version' failed: {stderr.Result}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"Node.js is not installed (no 'node' on PATH: {e.Message})";
        }
    }
}

/// <summary>A test that needs Node.js: skipped, with the reason shown, on a machine without it.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (Node.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
