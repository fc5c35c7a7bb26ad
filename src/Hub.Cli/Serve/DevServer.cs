using System.Net;
using System.Threading.Channels;
using Hub.Cli.Commands;
using Hub.Site;
using Hub.Site.Serve;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Logging;

namespace Hub.Cli.Serve;

/// <summary>
/// The preview server: serves the output folder under the base path with Kestrel while <see cref="ServeLoop"/> rebuilds
/// it when input or theme change, and tells open pages through server-sent events to reload or, after a failed build,
/// to show its errors. Requests never leave the output folder, not even through a symbolic link, and are answered only
/// when they name this machine (see <see cref="HostAllowed"/>).
/// </summary>
public sealed class DevServer(BuildOptions options, string host, int port, CliConsole console) : IAsyncDisposable
{
    public const string EventsPath = "__hub/events";
    private readonly List<Channel<string>> _clients = [];
    private string? _failure;
    private readonly Lock _gate = new();
    private readonly FileExtensionContentTypeProvider _types = new();
    private readonly ServeLoop _loop = new(new ServeSettings(options));
    private readonly TaskCompletionSource<string> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstBuild = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The path the site is served under: the last successful full build's.</summary>
    private string BasePath => _loop.BasePath;

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
        _loop.Building += trigger =>
        {
            if (trigger == BuildTrigger.OutputDeleted)
            {
                console.Out.WriteLine($"{PathDisplay.For(options.Output)} was deleted: building it again");
            }
        };
        _loop.Built += OnBuilt;
        var first = await _loop.StartAsync();
        if (!first.Result.Succeeded)
        {
            console.Out.WriteLine("Fix the errors above; Hub keeps watching and rebuilds on save.");
        }
        _firstBuild.TrySetResult();
        var address = $"http://{UrlHost(host)}:{port}{BasePath}";
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

    /// <summary>
    /// Tells the terminal and the open pages about a build: its summary, then the errors of a failed one (see
    /// <see cref="Record"/>), or a reload after a successful one that a change triggered.
    /// </summary>
    private void OnBuilt(ServeBuild build)
    {
        console.Summarize(build.Result, build.Verb, build.Elapsed);
        Record(build.Result);
        if (build.Trigger != BuildTrigger.Change)
        {
            return;
        }
        if (build.Result.Succeeded)
        {
            Broadcast(ServerEvents.Reload);
        }
        Rebuilt?.Invoke(build.Result.Succeeded);
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
        if (!path.StartsWith(BasePath, StringComparison.Ordinal) && path + "/" != BasePath)
        {
            if (path == "/")
            {
                context.Response.Redirect(Location(BasePath, string.Empty));
                return;
            }
            await NotFoundAsync(context);
            return;
        }
        var relative = path.Length >= BasePath.Length ? path[BasePath.Length..] : string.Empty;
        if (relative == EventsPath)
        {
            await EventsAsync(context);
            return;
        }
        await _loop.EnsureOutputAsync();
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
                context.Response.Redirect(Location(BasePath, Path.GetRelativePath(root, file)) + context.Request.QueryString);
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

    /// <summary>Stops watching; a rebuild that already started finishes before the caller removes anything.</summary>
    public ValueTask DisposeAsync() => _loop.DisposeAsync();
}
