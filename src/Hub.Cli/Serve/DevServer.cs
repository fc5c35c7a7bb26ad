using System.Diagnostics;
using System.Net;
using System.Threading.Channels;
using Hub.Cli.Commands;
using Hub.Site;
using Hub.Site.Config;
using Hub.Site.Output;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Logging;

namespace Hub.Cli.Serve;

/// <summary>
/// The preview server: serves the output folder under the base path with Kestrel, rebuilds when input or theme
/// change, and tells open pages through server-sent events to reload or, after a failed build, to show its errors. Requests never leave the output folder, not
/// even through a symbolic link, and are answered only when they name this machine (see <see cref="HostAllowed"/>).
/// </summary>
public sealed class DevServer(BuildOptions options, string host, int port, CliConsole console) : IAsyncDisposable
{
    public const string EventsPath = "__hub/events";
    private readonly List<Channel<string>> _clients = [];
    private string? _failure;
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
    private readonly TaskCompletionSource _firstBuild = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _outputBuilt;

    /// <summary>Completes with the site's address once the server listens (tests wait for it).</summary>
    public Task<string> Started => _started.Task;

    /// <summary>Raised after every rebuild triggered by a file change, with whether it succeeded.</summary>
    public event Action<bool>? Rebuilt;

    /// <summary>Raised when a page has subscribed to reloads: from then on it hears of every build (tests wait for it).</summary>
    public event Action? PageSubscribed;

    public async Task<int> RunAsync(CancellationToken cancellation)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{UrlHost(host)}:{port}");
        await using var app = builder.Build();
        app.Run(HandleAsync);
        // Listening comes first: a taken port is reported at once, before a build replaces the output folder.
        if (!await TryStartAsync(app, cancellation))
        {
            _started.TrySetCanceled(CancellationToken.None);
            return HubCommandLine.UsageErrors;
        }
        if (!IsLoopback(host))
        {
            var names = IsWildcard(host) ? "under any host name" : $"as {host} (and as localhost)";
            console.Error.WriteLine($"hub: warning: listening on {host}: the site is reachable from the network {names}; the default --host 127.0.0.1 keeps it on this machine");
        }
        if (!Build())
        {
            console.Out.WriteLine("Fix the errors above; Hub keeps watching and rebuilds on save.");
        }
        _firstBuild.TrySetResult();
        Watch();
        var address = $"http://{UrlHost(host)}:{port}{_basePath}";
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

    /// <summary>Starts listening; a port that is taken or an address that cannot be bound is one line and a hint, never a stack trace.</summary>
    private async Task<bool> TryStartAsync(WebApplication app, CancellationToken cancellation)
    {
        try
        {
            await app.StartAsync(cancellation);
            return true;
        }
        catch (Exception ex) when (ex is AddressInUseException || ex.InnerException is AddressInUseException)
        {
            console.Error.WriteLine($"hub: error: port {port} is already in use on {host}");
            console.Error.WriteLine($"Stop the program that uses it, or choose another port with --port (for example --port {(port < ushort.MaxValue ? port + 1 : 5080)}).");
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or FormatException or ArgumentException)
        {
            console.Error.WriteLine($"hub: error: cannot listen on http://{UrlHost(host)}:{port}: {ex.Message}");
            console.Error.WriteLine("Choose another address with --host or another port with --port.");
        }
        return false;
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
            // The session declines when the output folder was deleted: then everything is built again.
            var result = changed.Length > 0 && !folderAppeared ? _session?.TryUpdate(changed) : null;
            var verb = "update";
            if (result is null)
            {
                result = FullBuild();
                verb = "build";
            }
            console.Summarize(result, verb, watch.Elapsed);
            Record(result);
            return result.Succeeded;
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>Builds everything into a new output folder; the caller holds <see cref="_building"/>.</summary>
    private BuildResult FullBuild()
    {
        _session?.Retire();
        (var result, _session) = SiteBuilder.BuildSession(options);
        _outputBuilt = result.Succeeded;
        if (result.Succeeded)
        {
            var config = SiteConfigLoader.Load(options.Input, options.BasePath, PathDisplay.For, new Core.Diagnostics.DiagnosticBag());
            _basePath = config?.BasePath ?? "/";
        }
        return result;
    }

    /// <summary>
    /// Builds the site again when its output folder was deleted while serving, before the request is answered. Not
    /// while the last build failed: the same input would fail again on every request (the next save builds).
    /// </summary>
    private async Task RestoreOutputAsync()
    {
        await _building.WaitAsync();
        try
        {
            if (_disposed || !_outputBuilt || OutputPresent())
            {
                return;
            }
            console.Out.WriteLine($"{PathDisplay.For(options.Output)} was deleted: building it again");
            var watch = Stopwatch.StartNew();
            var result = await Task.Run(() => FullBuild());
            console.Summarize(result, "build", watch.Elapsed);
            Record(result);
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>Hub marks every output folder it writes; without the mark the folder is gone (or not Hub's).</summary>
    private bool OutputPresent() => File.Exists(Path.Combine(options.Output, OutputSafety.MarkerFile));

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
                Broadcast(ServerEvents.Reload);
                // After the reload: the edited pages first, their language's search index once edits pause.
                _session?.RefreshSearchInBackground(SiteSession.EditPause);
            }
            Rebuilt?.Invoke(ok);
        }, TaskScheduler.Default);
    }

    /// <summary>
    /// Keeps the errors of a failed build for pages that open or reconnect until a build succeeds, and shows them in
    /// the pages already open; a success forgets them (its reload clears the overlay).
    /// </summary>
    private void Record(BuildResult result)
    {
        var failure = result.Succeeded ? null : ServerEvents.Errors(result.Diagnostics);
        lock (_gate)
        {
            _failure = failure;
        }
        if (failure is not null)
        {
            Broadcast(failure);
        }
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
        if (!HostAllowed(host, context.Request.Host.Host))
        {
            // A page elsewhere whose name its owner points at 127.0.0.1 (DNS rebinding) must not read the preview.
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"Hub's preview answers only requests for this machine (localhost, 127.0.0.1, [::1]{(IsLoopback(host) ? string.Empty : " or " + host)}). Start hub serve with --host NAME to serve it under another name.\n");
            return;
        }
        await _firstBuild.Task;
        // Kestrel has decoded the path once (all but %2F); decoding it again would let %252e%252e become "..".
        var path = context.Request.Path.Value ?? "/";
        if (!path.StartsWith(_basePath, StringComparison.Ordinal) && path + "/" != _basePath)
        {
            if (path == "/")
            {
                context.Response.Redirect(Location(_basePath, string.Empty));
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
        if (!OutputPresent())
        {
            await RestoreOutputAsync();
        }
        var root = Path.GetFullPath(options.Output);
        var file = Path.GetFullPath(Path.Combine(root, relative));
        if (file != root && !file.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        if (Directory.Exists(file) && InsideOutput(root, file) is not null)
        {
            if (!path.EndsWith('/'))
            {
                context.Response.Redirect(Location(_basePath, Path.GetRelativePath(root, file)) + context.Request.QueryString);
                return;
            }
            file = Path.Combine(file, "index.html");
        }
        if (!File.Exists(file) || InsideOutput(root, file) is not { } real)
        {
            await NotFoundAsync(context);
            return;
        }
        await SendFileAsync(context, real, StatusCodes.Status200OK);
    }

    /// <summary>
    /// Where a redirect within the site points: the base path and a folder of the output, each segment percent-encoded
    /// and empty ones dropped. Never built from the request's text, so no backslash, doubled slash, %2F or CR/LF in
    /// a request can make the browser read it as protocol-relative (<c>//host</c>) or as another origin.
    /// </summary>
    private static string Location(string basePath, string folder)
    {
        var segments = (basePath + "/" + folder).Split(['/', Path.DirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        return "/" + string.Concat(segments.Where(s => s != ".").Select(s => Uri.EscapeDataString(s) + "/"));
    }

    /// <summary>
    /// Whether a request for <paramref name="requestHost"/> (the Host header without its port) is answered. A server
    /// on a loopback address answers loopback names only: <c>localhost</c> and its subdomains (RFC 6761; browsers
    /// resolve them to loopback themselves), 127.x.x.x and [::1]. A <c>--host</c> name is answered too, and a server
    /// listening on every interface (0.0.0.0, ::) answers any name: whoever started it chose to expose the site.
    /// </summary>
    private static bool HostAllowed(string bindHost, string requestHost) =>
        IsWildcard(bindHost) || IsLoopback(requestHost)
        || (!IsLoopback(bindHost) && string.Equals(requestHost.TrimEnd('.').Trim('[', ']'), bindHost.Trim('[', ']'), StringComparison.OrdinalIgnoreCase));

    private static bool IsLoopback(string name)
    {
        name = name.TrimEnd('.');
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(name.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    private static bool IsWildcard(string bindHost) => bindHost is "0.0.0.0" or "::" or "[::]" or "*" or "+";

    /// <summary>An IPv6 address goes in brackets in a URL.</summary>
    private static string UrlHost(string bindHost) => bindHost.Contains(':', StringComparison.Ordinal) && !bindHost.StartsWith('[') ? $"[{bindHost}]" : bindHost;

    /// <summary>
    /// The real path of <paramref name="path"/> when it lies in the output folder once every symbolic link is
    /// followed, else null: a link in the output that points elsewhere is never served.
    /// </summary>
    private static string? InsideOutput(string root, string path)
    {
        try
        {
            var realRoot = RealPath(root);
            var real = RealPath(path);
            return realRoot is not null && real is not null
                && (real == realRoot || real.StartsWith(Path.TrimEndingDirectorySeparator(realRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                ? real : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // changed or unreadable while looking: not served
        }
    }

    /// <summary>
    /// <paramref name="path"/> (a full path) with every symbolic link in it followed, as the operating system opens it;
    /// null for a loop of links. .NET has no realpath, and ResolveLinkTarget follows only the last component, so the
    /// components are looked at one by one and a link's target takes the place of the link.
    /// </summary>
    private static string? RealPath(string path)
    {
        const int MaxLinks = 40; // as Linux's own limit on links followed in one lookup
        var root = Path.GetPathRoot(path)!;
        var current = root;
        var pending = new Stack<string>(Segments(path[root.Length..]).Reverse());
        var links = 0;
        while (pending.TryPop(out var segment))
        {
            if (segment is "" or ".")
            {
                continue;
            }
            if (segment == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }
            var next = Path.Combine(current, segment);
            if (new FileInfo(next).LinkTarget is not { } target)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks)
            {
                return null;
            }
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                target = target[current.Length..];
            }
            foreach (var part in Segments(target).Reverse())
            {
                pending.Push(part);
            }
        }
        return current;
    }

    private static string[] Segments(string path) => path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]);

    private async Task NotFoundAsync(HttpContext context)
    {
        var root = Path.GetFullPath(options.Output);
        if (InsideOutput(root, Path.Combine(root, "404.html")) is { } page && File.Exists(page))
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
            if (_failure is not null)
            {
                // A page opened (or reconnected) while the last build failed shows its errors at once.
                channel.Writer.TryWrite(_failure);
            }
        }
        PageSubscribed?.Invoke();
        try
        {
            await context.Response.WriteAsync(": connected\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await foreach (var message in channel.Reader.ReadAllAsync(context.RequestAborted))
            {
                await context.Response.WriteAsync(message, context.RequestAborted);
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
