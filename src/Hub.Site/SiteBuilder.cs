using Hub.Core.Diagnostics;
using Hub.Core.Files;
using Hub.Site.Config;
using Hub.Site.Content;
using Hub.Site.Content.Kpis;
using Hub.Site.Links;
using Hub.Site.Output;
using Hub.Site.Rendering;
using Hub.Site.Search;
using Hub.Site.UpToDate;
using Hub.Templates;

namespace Hub.Site;

/// <summary>
/// One build: load -> check -> render -> index -> write -> commit (see <see cref="BuildPipeline"/>). Errors are
/// collected, never thrown; the output is swapped in only when the whole build succeeded.
/// </summary>
public static class SiteBuilder
{
    public static BuildResult Build(BuildOptions options, IBuildProgress? progress = null) => BuildSession(options, progress).Result;

    /// <summary>A full build that also returns what it loaded, so <c>hub serve</c> can re-render single pages.</summary>
    /// <param name="time">The clock serve's session measures edit pauses with (the system's unless a test moves it).</param>
    public static SiteBuild BuildSession(BuildOptions options, IBuildProgress? progress = null, TimeProvider? time = null)
    {
        var diagnostics = new DiagnosticBag();
        var run = BuildRun.Nothing;
        try
        {
            run = new BuildPipeline(options, diagnostics, progress ?? NoProgress.Instance, time).Run();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            // Hub's own failures end as a diagnostic too: the user sees one line, never a stack trace.
            diagnostics.Error(DiagnosticCodes.InternalError, SourceLocation.FileOnly(PathDisplay.For(options.Input)), $"the build stopped: {ex.Message}",
                "the previous output was left untouched");
        }
        var result = new BuildResult(diagnostics.Sorted(options.Strict), run.Pages, run.Files, run.Output) { UpToDate = run.UpToDate };
        return new SiteBuild(result, result.Succeeded && run.Output is not null ? run.Session : null);
    }
}

/// <summary>What one run of the pipeline ended with: pages rendered, files in the output, the output's path when it was swapped in.</summary>
internal sealed record BuildRun(int Pages, int Files, string? Output, SiteSession? Session = null, bool UpToDate = false)
{
    public static readonly BuildRun Nothing = new(0, 0, null);
}

/// <summary>
/// The stages of a full build, in order; each returns what the next one needs, or null when the build stops there.
/// Three strands overlap, started by <see cref="Check"/> and joined by <see cref="Render"/>: Roslyn checks the
/// formulas, the search index is built, and pages render. <see cref="StageRunner"/> times every step.
/// </summary>
internal sealed class BuildPipeline(BuildOptions options, DiagnosticBag diagnostics, IBuildProgress progress, TimeProvider? time)
{
    private readonly StageRunner _stages = new(new BuildTimings());

    private sealed record Folders(string Input, string Theme, string? Cache);

    private sealed record Loaded(Folders Folders, SiteConfig Config, ThemeFiles ThemeFiles, ThemeRenderer Theme, SiteContent Site, ModelBuilder Models, FormulaStep Formulas);

    /// <summary>What goes on while pages render: Roslyn's check of the formulas and the search index being built.</summary>
    private sealed record Checks(ContentSteps Steps, Strand Roslyn, Strand<SortedDictionary<string, byte[]>> Indexing);

    /// <summary>The rendered site, still in the staging folder: its pages, the files generated beside them, and the links between them.</summary>
    private sealed record Rendered(
        int PageCount, SiteRenderer Renderer, LinkResolver Links,
        List<(string Source, string Target)> Assets, SortedDictionary<string, byte[]> GeneratedFiles);

    public BuildRun Run()
    {
        if (Prepare() is not { } folders)
        {
            return BuildRun.Nothing;
        }
        var (fingerprint, stateFile) = _stages.Step("fingerprint of the input and theme", () => Fingerprint(folders));
        if (LastBuildIfCurrent(fingerprint, stateFile) is { } upToDate)
        {
            return upToDate;
        }
        if (Load(folders) is not { } loaded)
        {
            return BuildRun.Nothing;
        }
        var checks = Check(loaded);
        var assets = Assets(loaded);
        using var folder = options.WriteOutput && !diagnostics.HasErrors ? new OutputFolder(options.Output) : null;
        var rendered = Render(loaded, checks, assets, folder);
        if (diagnostics.HasErrors || (options.Strict && diagnostics.Count > 0) || folder is null)
        {
            return new BuildRun(rendered.PageCount, 0, null);
        }
        Write(loaded, rendered, folder);
        return Commit(loaded, rendered, folder, fingerprint, stateFile);
    }

    /// <summary>The input and theme folders exist and the output may be written where it goes; a killed build's output is put back.</summary>
    private Folders? Prepare()
    {
        var input = Path.GetFullPath(options.Input);
        if (!Directory.Exists(input))
        {
            diagnostics.Error(DiagnosticCodes.InputMissing, SourceLocation.FileOnly(PathDisplay.For(input)), "the input folder does not exist");
            return null;
        }
        var themeDir = Path.GetFullPath(options.Theme);
        if (!Directory.Exists(themeDir))
        {
            diagnostics.Error(DiagnosticCodes.InputMissing, SourceLocation.FileOnly(PathDisplay.For(themeDir)), "the theme folder does not exist");
            return null;
        }
        if (options.WriteOutput && !OutputSafety.Check(options.Output, input, themeDir, diagnostics))
        {
            return null;
        }
        if (options.WriteOutput)
        {
            // Before anything else, so that even a failing build puts back a site that a killed one left aside.
            OutputFolder.Recover(options.Output);
        }
        var cache = options.CacheDirectory is null ? null : Path.GetFullPath(options.CacheDirectory);
        // Roslyn's first compilation is slow: start it at once on a spare core, on a thread of its own (the pool's
        // threads read the input for the fingerprint, then load the content), unless the formula cache will most
        // likely answer for every formula. A site found up to date has a formula cache, so it never starts this.
        if (Directory.Exists(Path.Combine(input, "kpis"))
            && (cache is null || !File.Exists(Path.Combine(cache, Hub.Formulas.FormulaChecker.CacheFileName))))
        {
            _ = Task.Factory.StartNew(Hub.Formulas.FormulaChecker.WarmUp, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        return new Folders(input, themeDir, cache);
    }

    /// <summary>Computed before anything is loaded: a file saved during the build then makes the next build run again.</summary>
    private (string? Fingerprint, string? StateFile) Fingerprint(Folders folders) =>
        options.UpToDate != UpToDateCheck.Off && options.WriteOutput && folders.Cache is not null
            ? (BuildFingerprint.TryCompute(options, folders.Input, folders.Theme, folders.Cache), BuildState.PathFor(folders.Cache, options.Output))
            : (null, null);

    /// <summary>The last build's result when nothing changed since and its output is intact (with <see cref="UpToDateCheck.Skip"/>).</summary>
    private BuildRun? LastBuildIfCurrent(string? fingerprint, string? stateFile)
    {
        if (options.UpToDate != UpToDateCheck.Skip || fingerprint is null
            || BuildState.TryLoad(stateFile!) is not { } last || last.Fingerprint != fingerprint || !last.OutputIsIntact(options.Output))
        {
            return null;
        }
        foreach (var diagnostic in last.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }
        return new BuildRun(last.PageCount, last.Files.Count, Path.GetFullPath(options.Output), UpToDate: true);
    }

    /// <summary>Load: hub.yml, the theme and its strings, every content file, and the references between pages that are not Markdown links.</summary>
    private Loaded? Load(Folders folders)
    {
        // git runs as other processes and reads only the input folder: its answer is awaited once the content is loaded,
        // so the wait for it overlaps loading instead of following it. Its own thread, as it mostly waits on git.
        var git = options.DatesFromGit
            ? Task.Factory.StartNew(() => GitDates.Read(folders.Input), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : null;
        var config = _stages.Step("config", () => SiteConfigLoader.Load(folders.Input, options.BasePath, PathDisplay.For, diagnostics));
        if (config is null)
        {
            return null;
        }
        var (themeFiles, theme, strings) = _stages.Step("theme", () =>
        {
            var files = new ThemeFiles([Path.Combine(folders.Input, "_theme"), folders.Theme], diagnostics, PathDisplay.For);
            return (files, new ThemeRenderer(files, diagnostics, PathDisplay.For), UiStrings.Load(files, config.Languages, diagnostics));
        });
        var site = _stages.Step("content loaded", () =>
        {
            var content = ContentLoader.Load(folders.Input, config, options.Drafts, diagnostics, progress, options.Kinds);
            ReferenceChecks.Check(content, diagnostics);
            Translations.TranslationStatus.Check(content, diagnostics);
            return content;
        });
        var dates = _stages.Step("dates read from git", () => ReadDates(folders.Input, git));
        var tagLabels = TagLabels.Load(folders.Input, config, site.Pages, PathDisplay.For, diagnostics);
        // Pages show a formula as checked once the check stage has bound it (see FormulaStep.DisplayHtml).
        var formulas = new FormulaStep();
        return new Loaded(folders, config, themeFiles, theme, site, new ModelBuilder(site, strings, options.LiveReload, formulas.DisplayHtml) { Formulas = formulas, Dates = dates, Tags = tagLabels }, formulas);
    }

    /// <summary>When pages last changed: from git when asked and the input is in a work tree (a shallow clone said once), else front matter only.</summary>
    private LastUpdated ReadDates(string input, Task<GitDates?>? reading)
    {
        if (reading is null || reading.GetAwaiter().GetResult() is not { } git)
        {
            return LastUpdated.FrontMatterOnly;
        }
        if (git.Shallow)
        {
            diagnostics.Warning(DiagnosticCodes.ShallowClone, SourceLocation.FileOnly(PathDisplay.For(input)),
                "the input folder is in a shallow clone: pages whose last change is older than its history show their front matter 'updated' or no date",
                "fetch the whole history: 'git fetch --unshallow', or 'fetch-depth: 0' for actions/checkout");
        }
        return new LastUpdated(git);
    }

    /// <summary>
    /// Check, then index: started here and overlapping rendering, in three strands. Roslyn checks the formulas (mostly
    /// one thread) once Hub's binder has read them, which pages need to show them; the search index is built from
    /// documents taken before rendering, as rendering changes nothing they read. <see cref="Render"/> joins them.
    /// </summary>
    private Checks Check(Loaded loaded)
    {
        var (site, models) = (loaded.Site, loaded.Models);
        var steps = new ContentSteps(site, loaded.Formulas, options, diagnostics);
        var binding = _stages.Concurrently(steps.BeforeRender);
        var indexing = _stages.Step("search documents taken", () =>
        {
            var documents = SearchStep.Documents(site, models).ToList();
            return _stages.Concurrently(() => steps.SearchFiles(documents));
        });
        var roslyn = _stages.Concurrently(binding.Join("formulas parsed and bound"));
        _stages.Step("models prepared", models.Prepare);
        return new Checks(steps, roslyn, indexing);
    }

    /// <summary>
    /// Render every page while the search files are written by one thread (they fill one folder per language, where
    /// creating files from several threads only contends for that folder's lock); then the strands <see cref="Check"/>
    /// started are joined and the links into generated files checked. Every strand has ended when this returns.
    /// </summary>
    private Rendered Render(Loaded loaded, Checks checks, List<(string Source, string Target)> assets, OutputFolder? folder)
    {
        var renderer = new SiteRenderer(loaded.Site, loaded.Models, loaded.Theme, diagnostics);
        // Links into the generated files' folders are checked once those files are known (after rendering).
        var knownRootPaths = renderer.KnownRootPaths(assets.Select(a => a.Target).Append(FormulaStep.ScriptPath).Concat(Hub.Search.SearchAssets.Paths.Select(p => "/" + p)));
        var links = new LinkResolver(loaded.Site, knownRootPaths, diagnostics, pendingUnder: SearchStep.Folder);
        var searchWriting = _stages.ConcurrentlyAsync(async () =>
        {
            var files = await checks.Indexing.Task;
            foreach (var (path, bytes) in files)
            {
                WriteBytes(folder, path, bytes);
            }
            return files;
        });
        int pageCount;
        try
        {
            // Every page's links first: a page lists the pages linking to it.
            _stages.Step("links resolved", () => links.ResolveAll(loaded.Site.Pages));
            pageCount = _stages.Step("content pages rendered", () => renderer.RenderContent(links, (path, html) => WriteText(folder, path, html), progress));
            pageCount += _stages.Step("list pages rendered", () => renderer.RenderGenerated((path, html) => WriteText(folder, path, html)));
        }
        finally
        {
            // Never leave the writer running into a staging folder that is about to be deleted.
            searchWriting.WaitEnded();
        }
        var generatedFiles = searchWriting.Join("search files written");
        checks.Roslyn.Join("formulas checked by Roslyn");
        generatedFiles[FormulaStep.ScriptPath] = checks.Steps.FormulaScript();
        links.FilesGenerated(generatedFiles.Keys);
        return new Rendered(pageCount, renderer, links, assets, generatedFiles);
    }

    /// <summary>The theme's assets and the input's static files, each with the site-root path it is copied to.</summary>
    private List<(string Source, string Target)> Assets(Loaded loaded)
    {
        var assets = loaded.ThemeFiles.List("assets").Select(a => (Source: loaded.ThemeFiles.Resolve(a)!, Target: "/" + a)).ToList();
        var staticDir = Path.Combine(loaded.Folders.Input, "static");
        assets.AddRange(RootedFiles.Enumerate(new FileRoot(loaded.Folders.Input, "input folder"), staticDir, "*", recurse: true, PathDisplay.For, diagnostics).Order(StringComparer.Ordinal)
            .Select(f => (Source: f, Target: "/" + Path.GetRelativePath(staticDir, f).Replace('\\', '/'))));
        return assets;
    }

    private void WriteText(OutputFolder? folder, string path, string html)
    {
        if (folder is not null && !diagnostics.HasErrors)
        {
            folder.WriteText(path, html);
        }
    }

    private void WriteBytes(OutputFolder? folder, string path, byte[] bytes)
    {
        if (folder is not null && !diagnostics.HasErrors)
        {
            folder.WriteBytes(path, bytes);
        }
    }

    /// <summary>Write: everything but the pages and the search index, into the staging folder.</summary>
    private void Write(Loaded loaded, Rendered rendered, OutputFolder folder) => _stages.Step("assets, feeds, sitemap written", () =>
    {
        var config = loaded.Config;
        progress.Stage("Writing files", rendered.Assets.Count + config.Languages.Count + 4);
        foreach (var (source, target) in rendered.Assets)
        {
            folder.CopyFile(source, target);
            progress.Advance();
        }
        folder.WriteBytes(FormulaStep.ScriptPath, rendered.GeneratedFiles[FormulaStep.ScriptPath]);
        foreach (var lang in config.Languages)
        {
            folder.WriteText(SiteUrls.Feed(lang), FeedWriter.Feed(config, lang, loaded.Site.Pages));
            progress.Advance();
        }
        folder.WriteText("/sitemap.xml", FeedWriter.Sitemap(config, rendered.Renderer.SitemapEntries, loaded.Models.LastModified()));
        folder.WriteText("/robots.txt", $"User-agent: *\nAllow: /\n\nSitemap: {config.AbsoluteUrl("/sitemap.xml")}\n");
        folder.WriteText("/.nojekyll", string.Empty);
    });

    /// <summary>Commit: the staging folder replaces the output, the build's state is saved for the next one, and serve's session is made.</summary>
    private BuildRun Commit(Loaded loaded, Rendered rendered, OutputFolder folder, string? fingerprint, string? stateFile)
    {
        try
        {
            _stages.Step("output folder swapped in", folder.Commit);
        }
        catch (IOException ex)
        {
            diagnostics.Error(DiagnosticCodes.OutputWriteFailed, SourceLocation.FileOnly(PathDisplay.For(options.Output)), $"could not replace the output folder: {ex.Message}");
            return new BuildRun(rendered.PageCount, 0, null);
        }
        var written = _stages.Step("output listed", () => BuildState.ListOutput(options.Output));
        _stages.Step("build state saved", () =>
        {
            if (stateFile is null)
            {
                return;
            }
            if (fingerprint is not null)
            {
                new BuildState(fingerprint, rendered.PageCount, diagnostics.Sorted(), written).TrySave(stateFile);
            }
            else
            {
                BuildState.TryDelete(stateFile);
            }
        });
        var session = new SiteSession(new BuiltSite(options, loaded.Site, loaded.Models, rendered.Renderer, loaded.Theme, rendered.Links, diagnostics), time);
        return new BuildRun(rendered.PageCount, written.Count, Path.GetFullPath(options.Output), session);
    }
}
