using Hub.Core.Diagnostics;
using Hub.Site.Content;
using Hub.Site.Incremental;
using Hub.Site.Links;
using Hub.Site.Output;
using Hub.Site.Rendering;
using Hub.Site.Search;
using Hub.Templates;

namespace Hub.Site;

/// <summary>
/// What a successful full build loaded and rendered, handed to <see cref="SiteSession"/>: the options it ran with, the
/// site, the models and renderers, the links between pages (and the paths they may lead to), and its diagnostics.
/// </summary>
public sealed record BuiltSite(
    BuildOptions Options, SiteContent Site, ModelBuilder Models, SiteRenderer Renderer, ThemeRenderer Theme, LinkResolver Links, DiagnosticBag Diagnostics);

/// <summary>
/// What a successful full build loaded, kept by <c>hub serve</c> so that saving articles and catalogues re-renders
/// only the pages they affect (see <see cref="IncrementalRebuild"/>). Anything it does not track (KPIs, the theme,
/// hub.yml, static files) makes <see cref="TryUpdate"/> decline, and the server runs a full build instead.
/// The search index of an edited page's language is rewritten afterwards, in the background, on one core: once edits
/// pause, and cancelled by the next edit, so that saving a page never waits for (or shares both cores with) an index.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "The background refresh's CancellationTokenSource is disposed when replaced and when the session retires, which hub serve always does before it drops a session; the retiring one is only cancelled, never linked or timed, so it holds nothing to release.")]
public sealed class SiteSession
{
    private readonly Lock _gate = new();
    private readonly SiteContent _site;
    private readonly ModelBuilder _models;
    private readonly IncrementalRebuild _rebuild;
    private readonly string _output;
    private int _version;
    private bool _retired;
    private bool _searching;
    private Task _search = Task.CompletedTask;
    private CancellationTokenSource? _refresh;
    private readonly CancellationTokenSource _retiring = new();
    private readonly TimeProvider _time;
    private long _lastUpdate;
    private TimeSpan _quietPeriod;

    /// <param name="built">What the successful full build loaded and rendered; the session owns it from now on.</param>
    /// <param name="time">The clock that measures edit pauses (the system's unless a test moves it).</param>
    public SiteSession(BuiltSite built, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _lastUpdate = _time.GetTimestamp();
        _site = built.Site;
        _models = built.Models;
        _output = Path.GetFullPath(built.Options.Output);
        _rebuild = new IncrementalRebuild(built);
    }

    /// <summary>The path the site is served under, as its configuration says.</summary>
    public string BasePath => _site.Config.BasePath;

    /// <summary>The result of re-rendering the pages <paramref name="changedFile"/> affects, or null when a full build is needed.</summary>
    public BuildResult? TryRebuildPage(string changedFile) => TryUpdate([changedFile]);

    /// <summary>
    /// Re-renders what <paramref name="changedFiles"/> affect; null when a full build is needed, as it is when the
    /// output folder was deleted. On errors nothing is written and the files are read again with the next change.
    /// </summary>
    public BuildResult? TryUpdate(IReadOnlyCollection<string> changedFiles)
    {
        lock (_gate)
        {
            if (_retired || !OutputPresent)
            {
                return null;
            }
            // The edit comes first: a background index refresh stops and starts again once edits pause.
            _refresh?.Cancel();
            _lastUpdate = _time.GetTimestamp();
            var result = _rebuild.Update(changedFiles);
            if (result is { Succeeded: true })
            {
                _version++;
            }
            return result;
        }
    }

    /// <summary>How long <c>hub serve</c> lets edits pause before it refreshes a search index.</summary>
    public static readonly TimeSpan EditPause = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Rewrites the search index files of the languages edited since the last refresh, off the caller's thread and on
    /// one core, once no edit came for <paramref name="quietPeriod"/> (none by default), as measured by the session's
    /// clock. An edit while it waits moves the end of the wait; an edit while it computes cancels the computation,
    /// which then waits for the next pause and computes the index again with the new pages; nothing is written before
    /// a refresh completes. Returns the refresh's task (tests wait for it).
    /// </summary>
    public Task RefreshSearchInBackground(TimeSpan quietPeriod = default)
    {
        lock (_gate)
        {
            _quietPeriod = quietPeriod;
            if (_retired || _searching || _rebuild.StaleSearchLanguages.Count == 0)
            {
                return _search;
            }
            _searching = true;
            // Runs here up to its first wait, so the wait is measured from this call (a test's clock moves after it).
            return _search = RefreshSearchAsync();
        }
    }

    /// <summary>Stops background work before a full build replaces the output folder; the session is not used again.</summary>
    public async Task RetireAsync()
    {
        Task search;
        lock (_gate)
        {
            _retired = true;
            _refresh?.Cancel();
            _retiring.Cancel();
            search = _search;
        }
        // A failed refresh leaves the previous index; the full build writes a new one.
        await search.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        lock (_gate)
        {
            _refresh?.Dispose();
            _refresh = null;
        }
    }

    private async Task RefreshSearchAsync()
    {
        try
        {
            while (true)
            {
                int version;
                List<(string Lang, SiteContent Pages)> snapshot;
                CancellationToken cancel;
                TimeSpan wait;
                lock (_gate)
                {
                    if (_retired || _rebuild.StaleSearchLanguages.Count == 0)
                    {
                        _searching = false;
                        return;
                    }
                    wait = _quietPeriod - _time.GetElapsedTime(_lastUpdate);
                    version = _version;
                    snapshot = wait > TimeSpan.Zero ? [] : _rebuild.StaleSearchLanguages.Order(StringComparer.Ordinal)
                        .Select(lang => (lang, new SiteContent(_site.Config, _site.InputDir, _site.Pages.Where(p => p.Lang == lang).ToList()))).ToList();
                    if (_refresh is null || _refresh.IsCancellationRequested)
                    {
                        _refresh?.Dispose();
                        _refresh = new CancellationTokenSource();
                    }
                    cancel = _refresh.Token;
                }
                if (wait > TimeSpan.Zero)
                {
                    // Until edits pause: an edit meanwhile moves the pause's end, so the loop looks again when this
                    // wait ends; Retire ends it early.
                    try
                    {
                        await Task.Delay(wait, _time, _retiring.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                    continue;
                }
                List<(string Lang, List<(string Path, byte[] Content)> Files)> files;
                try
                {
                    var oneCore = new ParallelOptions { MaxDegreeOfParallelism = 1, CancellationToken = cancel };
                    files = await Task.Run(() => snapshot.Select(s => (s.Lang, Files: SearchFilesOf(s.Lang, s.Pages, oneCore))).ToList(), CancellationToken.None)
                        .ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancel.IsCancellationRequested)
                {
                    continue; // an edit came: wait for the next pause
                }
                lock (_gate)
                {
                    if (_retired)
                    {
                        _searching = false;
                        return;
                    }
                    if (_version != version)
                    {
                        continue; // a later edit changed the pages: compute again before writing anything
                    }
                    if (!OutputPresent)
                    {
                        _searching = false;
                        return; // the output folder was deleted: a few index files would not make a site, the full build will
                    }
                    foreach (var (lang, langFiles) in files)
                    {
                        Write(lang, langFiles);
                        _rebuild.StaleSearchLanguages.Remove(lang);
                    }
                }
            }
        }
        catch
        {
            lock (_gate)
            {
                _searching = false;
            }
            throw;
        }
    }

    /// <summary>Whether the output folder this session updates is still there (Hub marks every output folder it writes).</summary>
    private bool OutputPresent => File.Exists(Path.Combine(_output, OutputSafety.MarkerFile));

    /// <summary>The files of one language's index, as the full build writes them (everything under <c>/search/{lang}/</c>).</summary>
    private List<(string Path, byte[] Content)> SearchFilesOf(string lang, SiteContent pages, ParallelOptions parallel)
    {
        var prefix = $"/search/{lang}/";
        return SearchStep.Files(pages, _models, parallel).Where(f => f.Path.StartsWith(prefix, StringComparison.Ordinal)).ToList();
    }

    private void Write(string lang, List<(string Path, byte[] Content)> files)
    {
        foreach (var (path, content) in files)
        {
            IncrementalRebuild.WriteAtomically(Path.Combine(_output, path.TrimStart('/')), content);
        }
        var folder = Path.Combine(_output, "search", lang);
        var keep = files.Select(f => Path.GetFullPath(Path.Combine(_output, f.Path.TrimStart('/')))).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => !keep.Contains(f)).ToList())
        {
            File.Delete(stale);
        }
    }
}
