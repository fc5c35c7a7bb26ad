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
/// <para>
/// <c>hub serve</c> computes a language's search index again once edits pause for a second, on one core, and an edit
/// cancels that computation. So that saves meet the refresh in every phase (waiting, computing, just written), the
/// pauses between saves cycle through <c>--pauses-ms</c> (by default 1.1 to 3.5 s); with <c>--search-dir</c> (the
/// output's <c>search/LANG/</c>) it counts the saves after which a refreshed index was written (before the next save), which shows the
/// refresh ran between the saves.
/// </para>
/// </summary>
public static class EditLatencyCommand
{
    public static int Run(Options options)
    {
        var file = Path.GetFullPath(options.Required("file"));
        var html = Path.GetFullPath(options.Required("html"));
        var runs = options.Int("runs", 5);
        var pauses = options.Text("pauses-ms", options.Text("pause-ms", "1100,1400,1800,2500,3500")).Split(',')
            .Select(p => TimeSpan.FromMilliseconds(int.Parse(p, CultureInfo.InvariantCulture))).ToArray();
        var searchDir = options.Text("search-dir", string.Empty);
        var refreshed = 0;
        var indexSeen = searchDir.Length > 0 ? Newest(searchDir) : DateTime.MinValue;
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
                var pause = pauses[(run - 1) % pauses.Length];
                Thread.Sleep(pause);
                // Written since the last look: during this save's update or the pause after it.
                var indexWritten = false;
                if (searchDir.Length > 0 && Newest(searchDir) is var newest && newest > indexSeen)
                {
                    (indexWritten, indexSeen) = (true, newest);
                }
                refreshed += indexWritten ? 1 : 0;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"edit {run}: {results[^1]:F0} ms")
                    + (also is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"; also {alsoResults[^1]:F0} ms"))
                    + string.Create(CultureInfo.InvariantCulture, $"; then {pause.TotalMilliseconds:F0} ms pause")
                    + (searchDir.Length == 0 ? string.Empty : indexWritten ? ", search index refreshed since the last save" : ", search index not refreshed since the last save"));
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
        if (searchDir.Length > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"search_refreshed={refreshed} saves={results.Count}"));
        }
        return 0;
    }

    /// <summary>When a file of <paramref name="dir"/> was last written (the refresh replaces the files of the language it computed).</summary>
    private static DateTime Newest(string dir) =>
        Directory.Exists(dir) ? Directory.EnumerateFiles(dir).Select(File.GetLastWriteTimeUtc).DefaultIfEmpty(DateTime.MinValue).Max() : DateTime.MinValue;

    private static string Summary(string prefix, List<double> results)
    {
        var sorted = results.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        // Nearest rank: the smallest value at least 90 % of the saves did not exceed.
        var p90 = sorted[(int)Math.Ceiling(0.9 * sorted.Count) - 1];
        var over = sorted.Count(ms => ms > 150);
        return string.Create(CultureInfo.InvariantCulture,
            $"{prefix}median_ms={median:F0} {prefix}min_ms={sorted[0]:F0} {prefix}max_ms={sorted[^1]:F0} {prefix}p90_ms={p90:F0} {prefix}over150={over}");
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
