using System.Diagnostics;
using System.Globalization;

namespace Hub.Bench.Latency;

/// <summary>
/// With <c>hub serve</c> running, edits one article and measures the time until the page's HTML on disk contains
/// the edit: the edit-to-preview latency a writer feels (the browser's reload comes after). <c>--mode body</c>
/// appends a sentence (nothing else on the site changes); <c>--mode title</c> appends a word to the front matter's
/// title (lists, tag pages and the search index change too). With <c>--also H2</c> (e.g. the section list page)
/// it also reports when H2 shows the edit: the time until everything the edit changed is written. The file is
/// restored at the end.
/// </summary>
public static class EditLatencyCommand
{
    public static int Run(Options options)
    {
        var file = Path.GetFullPath(options.Required("file"));
        var html = Path.GetFullPath(options.Required("html"));
        var runs = options.Int("runs", 5);
        var pause = TimeSpan.FromMilliseconds(options.Int("pause-ms", 1500));
        var timeout = TimeSpan.FromSeconds(options.Int("timeout-s", 300));
        var title = options.Text("mode", "body") == "title";
        var alsoPath = options.Text("also", string.Empty);
        var also = alsoPath.Length == 0 ? null : Path.GetFullPath(alsoPath);
        var alsoResults = new List<double>();
        var original = File.ReadAllText(file);
        var results = new List<double>();
        try
        {
            for (var run = 1; run <= runs; run++)
            {
                var marker = $"benchedit{run:D3}x{Environment.ProcessId}";
                var watch = Stopwatch.StartNew();
                File.WriteAllText(file, title ? RetitleWith(original, marker) : original + $"\nベンチマークの編集 {marker}。\n");
                if (!WaitFor(html, marker, timeout, present: true))
                {
                    Console.Error.WriteLine($"run {run}: the page did not show the edit within {timeout.TotalSeconds} s");
                    return 1;
                }
                results.Add(watch.Elapsed.TotalMilliseconds);
                if (also is not null)
                {
                    if (!WaitFor(also, marker, timeout, present: true))
                    {
                        Console.Error.WriteLine($"run {run}: {also} did not show the edit within {timeout.TotalSeconds} s");
                        return 1;
                    }
                    alsoResults.Add(watch.Elapsed.TotalMilliseconds);
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"edit {run}: {results[^1]:F0} ms")
                    + (also is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"; also {alsoResults[^1]:F0} ms")));
                Thread.Sleep(pause);
            }
        }
        finally
        {
            File.WriteAllText(file, original);
        }
        WaitFor(html, "benchedit", timeout, present: false);
        Console.WriteLine(Summary(string.Empty, results));
        if (also is not null)
        {
            Console.WriteLine(Summary("also_", alsoResults));
        }
        return 0;
    }

    private static string Summary(string prefix, List<double> results)
    {
        var sorted = results.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}median_ms={median:F0} {prefix}min_ms={sorted[0]:F0} {prefix}max_ms={sorted[^1]:F0}");
    }

    private static string RetitleWith(string text, string marker)
    {
        const string Key = "\ntitle: \"";
        var start = text.IndexOf(Key, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException("the article has no double-quoted title line");
        }
        var end = text.IndexOf('"', start + Key.Length);
        return text[..end] + " " + marker + text[end..];
    }

    /// <summary>Polls the file's timestamp every 2 ms (a stat, cheap next to a build on 2 cores) and reads it only when it changed.</summary>
    private static bool WaitFor(string html, string marker, TimeSpan timeout, bool present)
    {
        var watch = Stopwatch.StartNew();
        var seen = DateTime.MinValue;
        while (watch.Elapsed < timeout)
        {
            try
            {
                var stamp = File.GetLastWriteTimeUtc(html);
                if (stamp != seen && File.Exists(html))
                {
                    seen = stamp;
                    if (File.ReadAllText(html).Contains(marker, StringComparison.Ordinal) == present)
                    {
                        return true;
                    }
                }
            }
            catch (IOException)
            {
                // The output folder is being swapped: try again.
            }
            Thread.Sleep(2);
        }
        return false;
    }
}
