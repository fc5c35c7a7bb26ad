using Hub.Core.Diagnostics;
using Hub.Core.Files;
using Hub.Site.Config;
using Hub.Site.Content;
using Hub.Site.Content.Catalogues;
using Hub.Site.Content.Kpis;
using Hub.Site.Links;
using Hub.Site.Output;
using Hub.Site.Rendering;
using Hub.Site.Search;
using Hub.Site.UpToDate;
using Hub.Templates;

namespace Hub.Site;

/// <summary>
/// One build: load -> check -> render -> write. Errors are collected, never thrown; the output is swapped in
/// only when the whole build succeeded.
/// </summary>
public static class SiteBuilder
{
    public static BuildResult Build(BuildOptions options, IBuildProgress? progress = null) => BuildSession(options, progress).Result;

    /// <summary>A full build that also returns what it loaded, so <c>hub serve</c> can re-render single pages.</summary>
    /// <param name="time">The clock serve's session measures edit pauses with (the system's unless a test moves it).</param>
    public static SiteBuild BuildSession(BuildOptions options, IBuildProgress? progress = null, TimeProvider? time = null)
    {
        progress ??= NoProgress.Instance;
        var diagnostics = new DiagnosticBag();
        var (pages, files, output) = (0, 0, (string?)null);
        SiteSession? session = null;
        var upToDate = false;
        try
        {
            (pages, files, output, session, upToDate) = Run(options, diagnostics, progress, time);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            // Hub's own failures end as a diagnostic too: the user sees one line, never a stack trace.
            diagnostics.Error(DiagnosticCodes.InternalError, SourceLocation.FileOnly(PathDisplay.For(options.Input)), $"the build stopped: {ex.Message}",
                "the previous output was left untouched");
        }
        var result = new BuildResult(diagnostics.Sorted(options.Strict), pages, files, output) { UpToDate = upToDate };
        return new SiteBuild(result, result.Succeeded && output is not null ? session : null);
    }

    private static (int Pages, int Files, string? Output, SiteSession? Session, bool UpToDate) Run(BuildOptions options, DiagnosticBag diagnostics, IBuildProgress progress, TimeProvider? time)
    {
        var timings = new BuildTimings();
        var input = Path.GetFullPath(options.Input);
        if (!Directory.Exists(input))
        {
            diagnostics.Error(DiagnosticCodes.InputMissing, SourceLocation.FileOnly(PathDisplay.For(input)), "the input folder does not exist");
            return (0, 0, null, null, false);
        }
        var themeDir = Path.GetFullPath(options.Theme);
        if (!Directory.Exists(themeDir))
        {
            diagnostics.Error(DiagnosticCodes.InputMissing, SourceLocation.FileOnly(PathDisplay.For(themeDir)), "the theme folder does not exist");
            return (0, 0, null, null, false);
        }
        if (options.WriteOutput && !OutputSafety.Check(options.Output, input, themeDir, diagnostics))
        {
            return (0, 0, null, null, false);
        }
        if (options.WriteOutput)
        {
            // Before anything else, so that even a failing build puts back a site that a killed one left aside.
            OutputFolder.Recover(options.Output);
        }

        var cacheDirectory = options.CacheDirectory is null ? null : Path.GetFullPath(options.CacheDirectory);
        // Roslyn's first compilation is slow: start it at once on a spare core, on a thread of its own (the pool's
        // threads read the input for the fingerprint, then load the content), unless the formula cache will most
        // likely answer for every formula. A site found up to date has a formula cache, so it never starts this.
        if (Directory.Exists(Path.Combine(input, "kpis"))
            && (cacheDirectory is null || !File.Exists(Path.Combine(cacheDirectory, Hub.Formulas.FormulaChecker.CacheFileName))))
        {
            _ = Task.Factory.StartNew(Hub.Formulas.FormulaChecker.WarmUp, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        // Computed before anything is loaded: a file saved during the build then makes the next build run again.
        var (fingerprint, stateFile) = options.UpToDate != UpToDateCheck.Off && options.WriteOutput && cacheDirectory is not null
            ? (BuildFingerprint.TryCompute(options, input, themeDir, cacheDirectory), BuildState.PathFor(cacheDirectory, options.Output))
            : (null, null);
        timings.Mark("fingerprint of the input and theme");
        if (options.UpToDate == UpToDateCheck.Skip && fingerprint is not null
            && BuildState.TryLoad(stateFile!) is { } last && last.Fingerprint == fingerprint && last.OutputIsIntact(options.Output))
        {
            foreach (var diagnostic in last.Diagnostics)
            {
                diagnostics.Add(diagnostic);
            }
            return (last.PageCount, last.Files.Count, Path.GetFullPath(options.Output), null, true);
        }

        var config = SiteConfigLoader.Load(input, options.BasePath, PathDisplay.For, diagnostics);
        if (config is null)
        {
            return (0, 0, null, null, false);
        }

        timings.Mark("config");
        var themeFiles = new ThemeFiles([Path.Combine(input, "_theme"), themeDir], diagnostics, PathDisplay.For);
        var theme = new ThemeRenderer(themeFiles, diagnostics, PathDisplay.For);
        var strings = UiStrings.Load(themeFiles, config.Languages, diagnostics);
        timings.Mark("theme");
        var site = ContentLoader.Load(input, config, options.Drafts, diagnostics, progress);
        CheckReferences(site, diagnostics);
        timings.Mark("content loaded");

        var models = new ModelBuilder(site, strings, options.LiveReload);
        var steps = new ContentSteps(site, models, options, diagnostics);
        // Three strands overlap from here: the search index is built from documents taken now, Roslyn checks the
        // formulas (mostly one thread), and the pages render once Hub's binder has read the formulas they show.
        var formulas = Task.Run<Task>(steps.BeforeRender);
        var searchDocuments = SearchStep.Documents(site, models).ToList();
        var indexing = Task.Run(() => steps.SearchFiles(searchDocuments));
        timings.Mark("search documents taken");
        var checkingFormulas = formulas.GetAwaiter().GetResult();
        timings.Mark("formulas parsed and bound");
        models.Prepare();
        timings.Mark("models prepared");

        var assets = themeFiles.List("assets").Select(a => (Source: themeFiles.Resolve(a)!, Target: "/" + a)).ToList();
        var staticDir = Path.Combine(input, "static");
        assets.AddRange(RootedFiles.Enumerate(new FileRoot(input, "input folder"), staticDir, "*", recurse: true, PathDisplay.For, diagnostics).Order(StringComparer.Ordinal)
            .Select(f => (Source: f, Target: "/" + Path.GetRelativePath(staticDir, f).Replace('\\', '/'))));
        var renderer = new SiteRenderer(site, models, theme, diagnostics);
        // Links into the generated files' folders are checked once those files are known (after rendering).
        var knownRootPaths = renderer.KnownRootPaths(assets.Select(a => a.Target).Append(FormulaStep.ScriptPath).Append("/" + Hub.Search.SearchAssets.LunrPath));
        var links = new LinkResolver(site, knownRootPaths, diagnostics) { PendingUnder = SearchStep.Folder };

        using var folder = options.WriteOutput && !diagnostics.HasErrors ? new OutputFolder(options.Output) : null;
        void Write(string path, string html)
        {
            if (folder is not null && !diagnostics.HasErrors)
            {
                folder.WriteText(path, html);
            }
        }
        void WriteBytes(string path, byte[] bytes)
        {
            if (folder is not null && !diagnostics.HasErrors)
            {
                folder.WriteBytes(path, bytes);
            }
        }
        // One thread writes the search files while the pages render: they fill one folder per language, where
        // creating files from several threads only contends for that folder's lock.
        var searchWriting = Task.Run(async () =>
        {
            var files = await indexing;
            foreach (var (path, bytes) in files)
            {
                WriteBytes(path, bytes);
            }
            return files;
        });
        int pageCount;
        try
        {
            pageCount = renderer.RenderContent(links, Write, progress);
            timings.Mark("content pages rendered");
            pageCount += renderer.RenderGenerated(Write);
            timings.Mark("list pages rendered");
        }
        finally
        {
            // Never leave the writer running into a staging folder that is about to be deleted.
            Task.WaitAny(searchWriting);
        }
        timings.Mark("search files written");
        checkingFormulas.GetAwaiter().GetResult();
        timings.Mark("formulas checked by Roslyn");
        var generatedFiles = searchWriting.GetAwaiter().GetResult();
        generatedFiles[FormulaStep.ScriptPath] = steps.FormulaScript();
        knownRootPaths.UnionWith(generatedFiles.Keys);
        links.CheckPending();

        if (diagnostics.HasErrors || (options.Strict && diagnostics.Count > 0) || folder is null)
        {
            return (pageCount, 0, null, null, false);
        }

        progress.Stage("Writing files", assets.Count + config.Languages.Count + 4);
        foreach (var (source, target) in assets)
        {
            folder.CopyFile(source, target);
            progress.Advance();
        }
        folder.WriteBytes(FormulaStep.ScriptPath, generatedFiles[FormulaStep.ScriptPath]);
        foreach (var lang in config.Languages)
        {
            folder.WriteText($"/{lang}/feed.xml", FeedWriter.Feed(config, lang, site.Pages));
            progress.Advance();
        }
        folder.WriteText("/sitemap.xml", FeedWriter.Sitemap(config, renderer.SitemapEntries));
        folder.WriteText("/robots.txt", $"User-agent: *\nAllow: /\n\nSitemap: {config.AbsoluteUrl("/sitemap.xml")}\n");
        folder.WriteText("/.nojekyll", string.Empty);
        timings.Mark("assets, feeds, sitemap written");
        try
        {
            folder.Commit();
        }
        catch (IOException ex)
        {
            diagnostics.Error(DiagnosticCodes.OutputWriteFailed, SourceLocation.FileOnly(PathDisplay.For(options.Output)), $"could not replace the output folder: {ex.Message}");
            return (pageCount, 0, null, null, false);
        }
        timings.Mark("output folder swapped in");
        var written = BuildState.ListOutput(options.Output);
        timings.Mark("output listed");
        if (stateFile is not null)
        {
            if (fingerprint is not null)
            {
                new BuildState(fingerprint, pageCount, diagnostics.Sorted(), written).TrySave(stateFile);
            }
            else
            {
                BuildState.TryDelete(stateFile);
            }
        }
        timings.Mark("build state saved");
        return (pageCount, written.Count, Path.GetFullPath(options.Output), new SiteSession(options, site, models, renderer, links, diagnostics, theme, knownRootPaths, time), false);
    }

    /// <summary>References between pages that are not Markdown links: related KPIs and the KPIs a question names.</summary>
    internal static void CheckReferences(SiteContent site, DiagnosticBag diagnostics)
    {
        var kpiSlugs = site.Kpis.Select(k => k.Slug).Distinct().ToList();
        foreach (var kpi in site.Kpis)
        {
            foreach (var (slug, location) in kpi.Related)
            {
                if (site.Find<KpiPage>(slug, kpi.Lang) is null)
                {
                    diagnostics.Error(DiagnosticCodes.BrokenLink, location, $"related KPI '{slug}' does not exist",
                        Yaml.YamlMap.Suggest(slug, kpiSlugs) is { } s ? $"did you mean '{s}'?" : null);
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
                        diagnostics.Error(CatalogueLoader.UnknownKpi, location, $"question '{question.Id}' names KPI '{slug}', which has no page",
                            Yaml.YamlMap.Suggest(slug, kpiSlugs) is { } s ? $"did you mean '{s}'?" : null);
                    }
                }
            }
        }
    }
}
