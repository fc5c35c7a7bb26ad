using System.Diagnostics;
using System.Threading.Channels;
using Hub.Cli.Commands;
using Hub.Site;
using Hub.Site.Config;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Logging;

namespace Hub.Cli.Serve;

/// <summary>
/// The preview server: serves the output folder under the base path with Kestrel, rebuilds when input or theme
/// change, and tells open pages to reload through server-sent events. Requests never leave the output folder.
/// </summary>
public sealed class DevServer(BuildOptions options, string host, int port, CliConsole console) : IAsyncDisposable
{
    public const string EventsPath = "__hub/events";
    private readonly List<Channel<string>> _clients = [];
    private readonly Lock _gate = new();
    private readonly FileExtensionContentTypeProvider _types = new();
    private readonly SemaphoreSlim _building = new(1, 1);
    private FileSystemWatcher[] _watchers = [];
    private CancellationTokenSource? _debounce;
    private string _basePath = "/";
    private volatile bool _disposed;
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private bool _folderAppeared;
    private SiteSession? _session;
    private readonly TaskCompletionSource<string> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the site's address once the server listens (tests wait for it).</summary>
    public Task<string> Started => _started.Task;

    /// <summary>Raised after every rebuild triggered by a file change, with whether it succeeded.</summary>
    public event Action<bool>? Rebuilt;

    public async Task<int> RunAsync(CancellationToken cancellation)
    {
        if (!Build())
        {
            console.Out.WriteLine("Fix the errors above; Hub keeps watching and rebuilds on save.");
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{host}:{port}");
        await using var app = builder.Build();
        app.Run(HandleAsync);
        Watch();
        await app.StartAsync(cancellation);
        var address = $"http://{host}:{port}{_basePath}";
        console.Out.WriteLine($"Serving {PathDisplay.For(options.Output)} at {address} (Ctrl+C to stop)");
        _started.TrySetResult(address);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellation);
        }
        catch (OperationCanceledException)
        {
        }
        await app.StopAsync(CancellationToken.None);
        return HubCommandLine.Ok;
    }

    private bool Build()
    {
        _building.Wait();
        if (_disposed)
        {
            _building.Release();
            return false;
        }
        try
        {
            var watch = Stopwatch.StartNew();
            string[] changed;
            bool folderAppeared;
            lock (_gate)
            {
                changed = [.. _changed];
                _changed.Clear();
                folderAppeared = _folderAppeared;
                _folderAppeared = false;
            }
            var result = changed.Length > 0 && !folderAppeared ? _session?.TryUpdate(changed) : null;
            var verb = "update";
            if (result is null)
            {
                _session?.Retire();
                (result, _session) = SiteBuilder.BuildSession(options);
                verb = "build";
            }
            console.Summarize(result, verb, watch.Elapsed);
            if (result.Succeeded)
            {
                var config = SiteConfigLoader.Load(options.Input, options.BasePath, PathDisplay.For, new Core.Diagnostics.DiagnosticBag());
                _basePath = config?.BasePath ?? "/";
            }
            return result.Succeeded;
        }
        finally
        {
            _building.Release();
        }
    }

    private void Watch()
    {
        _watchers = new[] { options.Input, options.Theme }.Where(Directory.Exists).Select(dir =>
        {
            var watcher = new FileSystemWatcher(Path.GetFullPath(dir)) { IncludeSubdirectories = true, EnableRaisingEvents = true };
            watcher.Changed += (_, e) => Schedule(false, e.FullPath);
            watcher.Created += (_, e) => Schedule(FolderAppeared(e.FullPath), e.FullPath);
            watcher.Deleted += (_, e) => Schedule(false, e.FullPath);
            watcher.Renamed += (_, e) => Schedule(FolderAppeared(e.FullPath), e.FullPath, e.OldFullPath);
            return watcher;
        }).ToArray();
    }

    /// <summary>A folder created or moved in: its files are not reported one by one, so only a full build sees them.</summary>
    private static bool FolderAppeared(string path) => Directory.Exists(path);

    /// <summary>Coalesces a burst of file events (an editor's save) into one rebuild.</summary>
    private void Schedule(bool folderAppeared, params string[] paths)
    {
        CancellationTokenSource next;
        lock (_gate)
        {
            _folderAppeared |= folderAppeared;
            // Folders change when files in them do; the files themselves are what a rebuild looks at.
            _changed.UnionWith(paths.Where(p => !Directory.Exists(p)));
            _debounce?.Cancel();
            _debounce = next = new CancellationTokenSource();
        }
        _ = Task.Delay(30, next.Token).ContinueWith(t =>
        {
            if (t.IsCanceled || _disposed)
            {
                return;
            }
            var ok = Build();
            if (ok)
            {
                Broadcast("reload");
                // After the reload: the edited pages first, their language's search index once edits pause.
                _session?.RefreshSearchInBackground(SiteSession.EditPause);
            }
            Rebuilt?.Invoke(ok);
        }, TaskScheduler.Default);
    }

    private void Broadcast(string message)
    {
        lock (_gate)
        {
            foreach (var client in _clients)
            {
                client.Writer.TryWrite(message);
            }
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "/");
        if (!path.StartsWith(_basePath, StringComparison.Ordinal) && path + "/" != _basePath)
        {
            if (path == "/")
            {
                context.Response.Redirect(_basePath);
                return;
            }
            await NotFoundAsync(context);
            return;
        }
        var relative = path.Length >= _basePath.Length ? path[_basePath.Length..] : string.Empty;
        if (relative == EventsPath)
        {
            await EventsAsync(context);
            return;
        }
        var root = Path.GetFullPath(options.Output);
        var file = Path.GetFullPath(Path.Combine(root, relative));
        if (file != root && !file.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        if (Directory.Exists(file))
        {
            if (!path.EndsWith('/'))
            {
                context.Response.Redirect(path + "/" + context.Request.QueryString);
                return;
            }
            file = Path.Combine(file, "index.html");
        }
        if (!File.Exists(file))
        {
            await NotFoundAsync(context);
            return;
        }
        await SendFileAsync(context, file, StatusCodes.Status200OK);
    }

    private async Task NotFoundAsync(HttpContext context)
    {
        var page = Path.Combine(options.Output, "404.html");
        if (File.Exists(page))
        {
            await SendFileAsync(context, page, StatusCodes.Status404NotFound);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    private async Task SendFileAsync(HttpContext context, string file, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = _types.TryGetContentType(file, out var type) ? type + (type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("javascript", StringComparison.Ordinal) ? "; charset=utf-8" : string.Empty) : "application/octet-stream";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Content-Security-Policy"] = Hub.Site.Output.ContentSecurityPolicy.Policy;
        await context.Response.SendFileAsync(file);
    }

    private async Task EventsAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        var channel = Channel.CreateUnbounded<string>();
        lock (_gate)
        {
            _clients.Add(channel);
        }
        try
        {
            await context.Response.WriteAsync(": connected\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await foreach (var message in channel.Reader.ReadAllAsync(context.RequestAborted))
            {
                await context.Response.WriteAsync($"data: {message}\n\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            lock (_gate)
            {
                _clients.Remove(channel);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
        // Let a rebuild that already started finish before the caller removes anything.
        await _building.WaitAsync();
        _session?.Retire();
        _building.Release();
        _debounce?.Dispose();
    }
}
