using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hub.Core.Diagnostics;
using Hub.Site;
using Hub.Site.Config;
using Hub.Site.Content;
using Hub.Site.Content.Catalogues;
using Hub.Site.Content.Kpis;
using Hub.Site.Links;
using Hub.Site.Output;
using Hub.Site.Rendering;
using Hub.Templates;

namespace Hub.Bench.Stages;

/// <summary>
/// <c>Hub.Bench.Stages --input DIR --theme DIR --output DIR [--collect]</c>: one full build through the same calls as
/// <c>SiteBuilder.Run</c>, each stage timed, then the parts of rendering an article measured one at a time on one
/// thread (Markdown to HTML, template model, Scriban, encoding and writing).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        string Arg(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        var input = Path.GetFullPath(Arg("--input", "input"));
        var themeDir = Path.GetFullPath(Arg("--theme", "theme"));
        var output = Path.GetFullPath(Arg("--output", "_site"));
        var clock = new StageClock(collect: args.Contains("--collect"));
        using var dynamicMethods = args.Contains("--dynamic-methods") ? new DynamicMethodCounter() : null;
        using var allocations = args.Contains("--allocations") ? new AllocationSampler() : null;
        var diagnostics = new DiagnosticBag();
        var options = new BuildOptions { Input = input, Theme = themeDir, Output = output, CacheDirectory = null };
        if (!OutputSafety.Check(output, input, themeDir, diagnostics))
        {
            return Fail(diagnostics);
        }

        var config = clock.Time("config", () => SiteConfigLoader.Load(input, null, PathDisplay.For, diagnostics))!;
        var themeFiles = new ThemeFiles([Path.Combine(input, "_theme"), themeDir]);
        var theme = clock.Time("theme: parse templates", () => new ThemeRenderer(themeFiles, diagnostics, PathDisplay.For));
        var strings = clock.Time("theme: UI strings", () => UiStrings.Load(themeFiles, config.Languages, diagnostics));
        var site = clock.Time("load: read, YAML, Markdig parse (parallel)", () => ContentLoader.Load(input, config, false, diagnostics, NoProgress.Instance));
        clock.Time("check references (related KPIs, question KPIs)", () => CheckReferences(site, diagnostics));
        var models = new ModelBuilder(site, strings, false);
        var steps = new ContentSteps(site, models, options, diagnostics);
        clock.Time("formulas: Roslyn check, examples (no cache)", () => steps.BeforeRender().GetAwaiter().GetResult());
        clock.Time("models: prepare summaries, KPIs, catalogues", models.Prepare);
        var assets = themeFiles.List("assets").Select(a => (Source: themeFiles.Resolve(a)!, Target: "/" + a)).ToList();
        var generated = clock.Time("search index + formula script", steps.GeneratedFiles);
        var renderer = new SiteRenderer(site, models, theme, diagnostics);
        var links = clock.Time("link resolver: known paths", () => new LinkResolver(site, renderer.KnownRootPaths(assets.Select(a => a.Target).Concat(generated.Keys)), diagnostics));
        if (diagnostics.HasErrors)
        {
            return Fail(diagnostics);
        }
        var written = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        using var folder = new OutputFolder(output);
        void Write(string path, string html)
        {
            folder.WriteText(path, html);
            written[path] = string.Empty;
        }
        var pages = clock.Time("render content pages (parallel: links, Markdown, Scriban, write)", () => renderer.RenderContent(links, Write, NoProgress.Instance));
        pages += clock.Time("render home, sections, tags, search, 404", () => renderer.RenderGenerated(Write));
        clock.Time("write assets, search files, feed, sitemap", () =>
        {
            foreach (var (source, target) in assets)
            {
                folder.CopyFile(source, target);
            }
            foreach (var (path, bytes) in generated)
            {
                folder.WriteBytes(path, bytes);
            }
            foreach (var lang in config.Languages)
            {
                folder.WriteText($"/{lang}/feed.xml", FeedWriter.Feed(config, lang, site.Pages));
            }
            folder.WriteText("/sitemap.xml", FeedWriter.Sitemap(config, renderer.SitemapEntries));
        });
        clock.Time("swap output folder (delete the old one)", folder.Commit);
        if (diagnostics.HasErrors)
        {
            return Fail(diagnostics);
        }
        Console.WriteLine($"## Stages of one build: {site.Pages.Count} content pages, {pages} pages rendered, {generated.Sum(g => g.Value.Length) / 1048576.0:F1} MiB of generated files");
        Console.WriteLine();
        clock.Print(Console.Out);
        Console.WriteLine();
        Parts(site, models, theme, links, diagnostics);
        Repeat("load again (warm JIT), same input", () => ContentLoader.Load(input, config, false, new DiagnosticBag(), NoProgress.Instance));
        var html = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        Repeat("render content pages again (warm JIT), HTML kept in memory, nothing written", () => renderer.RenderContent(links, (path, text) => html[path] = text, NoProgress.Instance));
        Repeat("write those pages into a fresh folder (parallel, OutputFolder.WriteText)", () =>
        {
            using var scratch = new OutputFolder(output + "-write-test");
            Parallel.ForEach(html, pair => scratch.WriteText(pair.Key, pair.Value));
        });
        Repeat("search step again (warm JIT)", () => steps.GeneratedFiles());
        Repeat("models.Prepare() again (fresh ModelBuilder)", () => new ModelBuilder(site, strings, false) { FormulaHtml = models.FormulaHtml }.Prepare());
        Search(site, models);
        if (allocations is not null)
        {
            Console.WriteLine();
            allocations.Print(Console.Out);
        }
        if (dynamicMethods is not null)
        {
            Console.WriteLine();
            Console.WriteLine("## Dynamic methods compiled, by stage and name");
            foreach (var (key, count) in dynamicMethods.ByStageAndName.OrderByDescending(kv => kv.Value).Take(30))
            {
                Console.WriteLine($"{count,8}  {key}");
            }
        }
        return 0;
    }

    /// <summary>The parts of <c>SiteRenderer.RenderContent</c> for every article, one at a time, on one thread.</summary>
    private static void Parts(SiteContent site, ModelBuilder models, ThemeRenderer theme, LinkResolver links, DiagnosticBag diagnostics)
    {
        var articles = site.Pages.Where(p => p.Section == "articles" && p.Body is not null).ToList();
        var sample = articles.Take(Math.Min(articles.Count, 2000)).ToList();
        var bodies = new string[sample.Count];
        var htmls = new string[sample.Count];
        var times = new List<(string, double, long)>();
        void Measure(string name, Action<int> part)
        {
            DynamicMethodCounter.Stage = "part: " + name;
            for (var i = 0; i < Math.Min(50, sample.Count); i++)
            {
                part(i); // warm up the JIT
            }
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < sample.Count; i++)
            {
                part(i);
            }
            times.Add((name, watch.Elapsed.TotalMilliseconds * 1000 / sample.Count, (GC.GetAllocatedBytesForCurrentThread() - allocated) / sample.Count));
        }
        Measure("link rewrite", i => links.Rewrite(sample[i]));
        Measure("Markdown to HTML (Markdig render + embeds)", i => bodies[i] = sample[i].Body!.ToHtml(new EmbedRenderer(sample[i], models, theme, diagnostics)));
        Measure("page model (ModelBuilder.ContentPageModel)", i => models.ContentPageModel(sample[i], bodies[i]));
        Measure("Scriban: layout + baseof (2 TemplateContexts)", i =>
        {
            var globals = models.Globals(sample[i].Lang, models.ContentPageModel(sample[i], bodies[i]));
            globals["main"] = theme.Render(sample[i].Layout, globals, diagnostics);
            htmls[i] = theme.Render("baseof", globals, diagnostics)!;
        });
        Measure("Scriban: article layout only", i =>
        {
            var globals = models.Globals(sample[i].Lang, models.ContentPageModel(sample[i], bodies[i]));
            theme.Render(sample[i].Layout, globals, diagnostics);
        });
        Measure("Scriban: baseof only (main = article HTML)", i =>
        {
            var globals = models.Globals(sample[i].Lang, models.ContentPageModel(sample[i], bodies[i]));
            globals["main"] = bodies[i];
            theme.Render("baseof", globals, diagnostics);
        });
        Measure("Scriban: one empty TemplateContext render ('404' layout)", i => theme.Render("404", models.Globals(sample[i].Lang, models.PageBase("404", sample[i].Lang, "/404.html", "x", [])), diagnostics));
        var sharedBuiltins = new Scriban.Functions.BuiltinFunctions();
        Measure("Scriban: new TemplateContext() (default: fresh builtins)", _ => GC.KeepAlive(new Scriban.TemplateContext()));
        Measure("Scriban: new TemplateContext(shared builtins)", _ => GC.KeepAlive(new Scriban.TemplateContext(sharedBuiltins)));
        Measure("ModelBuilder.Globals (imports relurl/absurl by reflection)", i => models.Globals(sample[i].Lang, new Scriban.Runtime.ScriptObject()));
        var scratch = Path.Combine(Path.GetTempPath(), "hub-bench-parts-" + Environment.ProcessId);
        var utf8 = new UTF8Encoding(false);
        Measure("UTF-8 encode + write file (FileStream, bufferSize 1)", i =>
        {
            var path = Path.Combine(scratch, sample[i].Slug, "index.html");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
            stream.Write(utf8.GetBytes(htmls[i]));
        });
        var texts = sample.Select(p => File.ReadAllText(p.SourcePath)).ToArray();
        Measure("load: File.ReadAllText", i => File.ReadAllText(sample[i].SourcePath));
        Measure("load: FrontMatter.Split", i => FrontMatter.Split(texts[i]));
        Measure("load: YamlSource.Load (YamlDotNet node tree)", i => Hub.Site.Yaml.YamlSource.Load(FrontMatter.Split(texts[i]).Yaml!, "x", 2, diagnostics));
        Measure("load: Markdig parse + anchors + links (MarkdownPage.Parse)", i => Hub.Markdown.MarkdownPage.Parse(FrontMatter.Split(texts[i]).Body));
        Measure("load: whole MarkdownSource.Read (read, YAML, header, parse)", i => MarkdownSource.Read(sample[i].SourcePath, sample[i].DisplayPath, site.Config, diagnostics));
        Measure("plain text for search (MarkdownPage.PlainText)", i => sample[i].Body!.PlainText());
        Directory.Delete(scratch, recursive: true);
        Console.WriteLine($"## Parts of rendering one article (single thread, mean of {sample.Count} articles)");
        Console.WriteLine();
        Console.WriteLine("| part | µs per page | KiB allocated per page |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (name, us, bytes) in times)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {us:F0} | {bytes / 1024.0:F0} |"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(mean HTML size {htmls.Average(h => h.Length) / 1024.0:F1} KiB chars)"));
    }

    /// <summary>A stage again, after a full GC, with the collections it triggered: separates its own cost from GC.</summary>
    private static void Repeat(string name, Action action)
    {
        DynamicMethodCounter.Stage = name;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var (g0, g1, g2, pause) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        action();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {watch.Elapsed.TotalMilliseconds:F0} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0} ms CPU, GCs gen0/1/2 {GC.CollectionCount(0) - g0}/{GC.CollectionCount(1) - g1}/{GC.CollectionCount(2) - g2}, pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms"));
    }

    /// <summary>The parts of the search step, one after the other on one thread.</summary>
    private static void Search(SiteContent site, ModelBuilder models)
    {
        var clock = new StageClock(collect: false);
        var documents = clock.Time("search: documents (plain text of every page)", () => Hub.Site.Search.SearchStep.Documents(site, models).ToList());
        clock.Time("search: tokenize every field (SearchIndexWriter.Tokens)", () => documents.Select(Hub.Search.SearchIndexWriter.Tokens).ToList());
        var sorted = documents.OrderBy(d => d.Url, StringComparer.Ordinal).ToList();
        clock.Time("search: tokenize + lunr index (SearchIndexWriter.BuildIndex)", () => Hub.Search.SearchIndexWriter.BuildIndex(sorted));
        var files = clock.Time("search: whole SearchIndexWriter.Write (2 tiers, stores, JSON, UTF-8)", () => Hub.Search.SearchIndexWriter.Write(documents, site.Config.Languages));
        Console.WriteLine();
        // Files by kind (index-titles, docs, index-full-N, text-N): count and size, not every shard and chunk by name.
        var kinds = files.GroupBy(f => System.Text.RegularExpressions.Regex.Replace(f.RelativePath, "-[0-9]+\\.json$", "-N.json"))
            .Select(g => $"{g.Key} ×{g.Count()} {g.Sum(f => (long)f.Content.Length) / 1048576.0:F1} MiB");
        Console.WriteLine($"## Search step, part by part ({documents.Count} documents; files: {string.Join(", ", kinds)})");
        Console.WriteLine();
        clock.Print(Console.Out);
    }

    /// <summary>The same checks as SiteBuilder.CheckReferences (private there).</summary>
    private static void CheckReferences(SiteContent site, DiagnosticBag diagnostics)
    {
        foreach (var kpi in site.Kpis)
        {
            foreach (var (slug, location) in kpi.Related)
            {
                if (site.Find<KpiPage>(slug, kpi.Lang) is null)
                {
                    diagnostics.Error(DiagnosticCodes.BrokenLink, location, $"related KPI '{slug}' does not exist");
                }
            }
        }
        foreach (var catalogue in site.Catalogues)
        {
            foreach (var question in catalogue.Questions)
            {
                foreach (var (slug, location) in question.Kpis)
                {
                    if (site.Find<KpiPage>(slug, catalogue.Lang) is null)
                    {
                        diagnostics.Error(CatalogueLoader.UnknownKpi, location, $"question '{question.Id}' names KPI '{slug}', which has no page");
                    }
                }
            }
        }
    }

    private static int Fail(DiagnosticBag diagnostics)
    {
        foreach (var d in diagnostics.Sorted(false).Take(20))
        {
            Console.Error.WriteLine(d);
        }
        return 1;
    }
}
