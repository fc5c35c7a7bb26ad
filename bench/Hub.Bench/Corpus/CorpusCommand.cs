using System.Diagnostics;
using System.Globalization;

namespace Hub.Bench.Corpus;

/// <summary>Generates one corpus: <c>DIR/hub/input/…</c> for Hub and <c>DIR/hugo/…</c> for Hugo.</summary>
public static class CorpusCommand
{
    private const string Marker = ".bench-corpus";

    public static int Run(Options options)
    {
        var pages = options.Int("pages", 1000);
        var seed = options.ULong("seed", 20251001);
        CorpusShape shape;
        try
        {
            shape = new CorpusShape(CorpusShape.ParseLength(options.Text("length", "medium")), CorpusShape.ParseMix(options.Text("mix", "ja=100")));
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        var root = Path.GetFullPath(options.Required("out"));
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any() && !File.Exists(Path.Combine(root, Marker)))
        {
            Console.Error.WriteLine($"refusing to replace {root}: it was not written by the corpus generator");
            return 1;
        }
        var watch = Stopwatch.StartNew();
        foreach (var generated in new[] { "hub/input", "hugo" })
        {
            var dir = Path.Combine(root, generated);
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, Marker), "written by bench/Hub.Bench corpus\n");

        var plan = CorpusPlan.Create(pages, seed, shape);
        using var hub = new CorpusFiles(Path.Combine(root, "hub"));
        HubSiteWriter.Write(plan, hub);
        using var hugo = new CorpusFiles(Path.Combine(root, "hugo"));
        HugoSiteWriter.Write(plan, hugo);

        var bodies = plan.Articles.Select(a => HubSiteWriter.Token().Replace(a.Body, "x")).ToList();
        var chars = bodies.Average(b => b.Length);
        var japanese = bodies.Sum(b => b.Count(IsJapanese)) / (double)bodies.Sum(b => b.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"corpus {pages} articles, {plan.Kpis.Count} KPIs, {plan.Catalogues.Count} catalogues x {CorpusPlan.QuestionsPerCatalogue} questions (seed {seed}, length {shape.Length}, mix {string.Join(",", shape.Mix.Select(m => $"{m.Lang}={m.Percent}"))}) -> {root}"));
        var byLang = string.Join(", ", plan.Articles.GroupBy(a => a.Lang).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  articles by language: {byLang}; article body: {chars:F0} chars on average, {japanese:P0} Japanese characters; hub {hub.Count} files {hub.Bytes / 1024.0 / 1024:F1} MiB digest {hub.Digest()}; hugo {hugo.Count} files digest {hugo.Digest()}; {watch.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }

    private static bool IsJapanese(char c) => c is (>= '\u3040' and <= '\u30ff') or (>= '\u4e00' and <= '\u9fff') or (>= '\uff00' and <= '\uffef') or '、' or '。';
}
