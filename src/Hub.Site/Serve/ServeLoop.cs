using System.Threading.Channels;
using Hub.Core.Diagnostics;
using Hub.Site.Output;

namespace Hub.Site.Serve;

/// <summary>What made <c>hub serve</c> build.</summary>
public enum BuildTrigger
{
    /// <summary>The first build, before the server answers requests.</summary>
    Start,

    /// <summary>Files of the input or the theme changed.</summary>
    Change,

    /// <summary>A request found the output folder deleted after a successful build.</summary>
    OutputDeleted,
}

/// <summary>One build <c>hub serve</c> ran: why, whether it re-rendered a few pages (<c>update</c>) or all (<c>build</c>), and how long it took.</summary>
public sealed record ServeBuild(BuildTrigger Trigger, string Verb, BuildResult Result, TimeSpan Elapsed);

/// <summary>How <c>hub serve</c> builds: what, how long a burst of file events may last, and the clock it measures with.</summary>
public sealed record ServeSettings(BuildOptions Options)
{
    /// <summary>How long file events must pause before they are built: an editor's save is several events.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(30);

    /// <summary>How long edits must pause before a language's search index is computed again (see <see cref="SiteSession"/>).</summary>
    public TimeSpan EditPause { get; init; } = SiteSession.EditPause;

    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>
/// The core of <c>hub serve</c>, without the web server: watches the input and the theme, and builds on one background
/// loop that reads what changed from a channel, waits for a burst of events to end, and runs one build at a time,
/// re-rendering only the pages a change affects while the session it keeps allows (<see cref="SiteSession"/>), else
/// everything. The session, the base path and whether the output was built belong to the loop alone; other threads
/// only post requests (<see cref="Changed"/>, <see cref="EnsureOutputAsync"/>) and hear of builds (<see cref="Built"/>).
/// </summary>
public sealed class ServeLoop(ServeSettings settings) : IAsyncDisposable
{
    private abstract record Request;

    /// <summary>Files changed; <paramref name="FolderAppeared"/> when a folder was created or moved in (its files are not reported one by one).</summary>
    private sealed record FilesChanged(IReadOnlyList<string> Paths, bool FolderAppeared) : Request;

    /// <summary>A request found the output folder gone; completed once it is there again (or cannot be).</summary>
    private sealed record RestoreOutput(TaskCompletionSource Done) : Request;

    private readonly Channel<Request> _requests = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private FileSystemWatcher[] _watchers = [];
    private Task _loop = Task.CompletedTask;
    private volatile string _basePath = "/";

    // The loop's own state: read and written on the loop only (and by DisposeAsync once the loop has ended).
    private SiteSession? _session;
    private bool _outputBuilt;

    /// <summary>The path the site is served under, as the last successful full build's configuration says.</summary>
    public string BasePath => _basePath;

    /// <summary>Raised on the loop before a build that a deleted output folder needs.</summary>
    public event Action<BuildTrigger>? Building;

    /// <summary>Raised on the loop after every build; the next build starts once every handler has returned.</summary>
    public event Action<ServeBuild>? Built;

    /// <summary>
    /// Runs the first full build (raising <see cref="Built"/>), then watches the input and the theme and starts the
    /// loop that builds again on change. Returns the first build.
    /// </summary>
    public async Task<ServeBuild> StartAsync()
    {
        var first = await Task.Run(() => BuildAsync(BuildTrigger.Start, [], needsFullBuild: true)).ConfigureAwait(false);
        Watch();
        _loop = Task.Run(RunAsync);
        return first;
    }

    /// <summary>Tells the loop that <paramref name="paths"/> changed; <paramref name="folderAppeared"/> when a folder was created or moved in.</summary>
    public void Changed(bool folderAppeared, params string[] paths) =>
        // Folders change when files in them do; the files themselves are what a rebuild looks at.
        _requests.Writer.TryWrite(new FilesChanged([.. paths.Where(p => !Directory.Exists(p))], folderAppeared));

    /// <summary>
    /// Completes once the output folder is there: when it was deleted while serving, the loop builds it again first.
    /// Not while the last build failed: the same input would fail again on every request (the next save builds).
    /// </summary>
    public Task EnsureOutputAsync()
    {
        if (OutputPresent())
        {
            return Task.CompletedTask;
        }
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_requests.Writer.TryWrite(new RestoreOutput(done)))
        {
            done.TrySetResult(); // stopping: nothing will build
        }
        return done.Task;
    }

    /// <summary>Hub marks every output folder it writes; without the mark the folder is gone (or not Hub's).</summary>
    private bool OutputPresent() => File.Exists(Path.Combine(settings.Options.Output, OutputSafety.MarkerFile));

    private void Watch()
    {
        _watchers = new[] { settings.Options.Input, settings.Options.Theme }.Where(Directory.Exists).Select(dir =>
        {
            var watcher = new FileSystemWatcher(Path.GetFullPath(dir)) { IncludeSubdirectories = true, EnableRaisingEvents = true };
            watcher.Changed += (_, e) => Changed(false, e.FullPath);
            watcher.Created += (_, e) => Changed(Directory.Exists(e.FullPath), e.FullPath);
            watcher.Deleted += (_, e) => Changed(false, e.FullPath);
            watcher.Renamed += (_, e) => Changed(Directory.Exists(e.FullPath), e.FullPath, e.OldFullPath);
            return watcher;
        }).ToArray();
    }

    private async Task RunAsync()
    {
        var reader = _requests.Reader;
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var restores = new List<TaskCompletionSource>();
        var anyChange = false;
        var folderAppeared = false;
        void Drain()
        {
            while (reader.TryRead(out var request))
            {
                switch (request)
                {
                    case FilesChanged files:
                        anyChange = true;
                        folderAppeared |= files.FolderAppeared;
                        changed.UnionWith(files.Paths);
                        break;
                    case RestoreOutput restore:
                        restores.Add(restore.Done);
                        break;
                }
            }
        }
        try
        {
            while (await reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                Drain();
                if (anyChange)
                {
                    // A burst of file events (an editor's save) becomes one build: wait until they pause.
                    while (await MoreWithinAsync(reader, settings.Debounce).ConfigureAwait(false))
                    {
                        Drain();
                    }
                }
                if (restores.Count > 0)
                {
                    if (_outputBuilt && !OutputPresent())
                    {
                        Building?.Invoke(BuildTrigger.OutputDeleted);
                        await BuildAsync(BuildTrigger.OutputDeleted, [], needsFullBuild: true).ConfigureAwait(false);
                    }
                    restores.ForEach(r => r.TrySetResult());
                    restores.Clear();
                }
                if (anyChange)
                {
                    string[] paths = [.. changed];
                    var full = folderAppeared || paths.Length == 0;
                    changed.Clear();
                    anyChange = folderAppeared = false;
                    var build = await BuildAsync(BuildTrigger.Change, paths, full).ConfigureAwait(false);
                    if (build.Result.Succeeded)
                    {
                        // After the reload the handlers sent: the edited pages first, their language's search index once edits pause.
                        _ = _session?.RefreshSearchInBackground(settings.EditPause);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        finally
        {
            Drain();
            restores.ForEach(r => r.TrySetResult());
        }
    }

    /// <summary>Whether another request arrives within <paramref name="quiet"/> (false too once the loop stops).</summary>
    private async Task<bool> MoreWithinAsync(ChannelReader<Request> reader, TimeSpan quiet)
    {
        using var timeout = new CancellationTokenSource(quiet, settings.Time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stop.Token);
        try
        {
            return await reader.WaitToReadAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !_stop.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>One build: the session's update of the changed pages when it can, else a full build.</summary>
    private async Task<ServeBuild> BuildAsync(BuildTrigger trigger, string[] changed, bool needsFullBuild)
    {
        var started = settings.Time.GetTimestamp();
        // The session declines when the output folder was deleted: then everything is built again.
        var result = needsFullBuild ? null : _session?.TryUpdate(changed);
        var verb = "update";
        if (result is null)
        {
            verb = "build";
            if (_session is { } old)
            {
                _session = null;
                await old.RetireAsync().ConfigureAwait(false);
            }
            var build = SiteBuilder.BuildSession(settings.Options, time: settings.Time);
            (result, _session) = build;
            _outputBuilt = result.Succeeded;
            if (build.BasePath is { } basePath)
            {
                _basePath = basePath;
            }
        }
        var served = new ServeBuild(trigger, verb, result, settings.Time.GetElapsedTime(started));
        Built?.Invoke(served);
        return served;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
        _requests.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        // A build that already started finishes before the caller removes anything.
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_session is { } session)
        {
            _session = null;
            await session.RetireAsync().ConfigureAwait(false);
        }
        _stop.Dispose();
    }
}
