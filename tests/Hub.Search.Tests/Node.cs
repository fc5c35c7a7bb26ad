using System.Diagnostics;

namespace Hub.Search.Tests;

/// <summary>Runs a script under Node.js when it is installed (returns null otherwise).</summary>
internal static class Node
{
    public static string? Run(string script, IReadOnlyList<string> args, string input)
    {
        var dir = Directory.CreateTempSubdirectory("hub-search-node-");
        try
        {
            var scriptPath = Path.Combine(dir.FullName, "script.js");
            var inputPath = Path.Combine(dir.FullName, "input.json");
            var outputPath = Path.Combine(dir.FullName, "output.json");
            File.WriteAllText(scriptPath, script);
            File.WriteAllText(inputPath, input);
            var start = new ProcessStartInfo("node") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add(scriptPath);
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            start.ArgumentList.Add(inputPath);
            start.ArgumentList.Add(outputPath);
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null;
            }

            using (process)
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
}
