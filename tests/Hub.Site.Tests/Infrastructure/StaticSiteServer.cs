using System.Net;
using System.Net.Sockets;

namespace Hub.Site.Tests.Infrastructure;

/// <summary>
/// A built site served the way a plain host serves it (GitHub Pages, an intranet web server, <c>python3 -m http.server</c>):
/// files and content types only, no CSP or other security header, a folder answered by its <c>index.html</c>, under
/// a path prefix of the test's choosing (<c>/</c>, <c>/a/b/</c>), and 404 for anything else.
/// </summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8", [".css"] = "text/css; charset=utf-8", [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json", [".xml"] = "application/xml", [".svg"] = "image/svg+xml", [".png"] = "image/png",
        [".txt"] = "text/plain; charset=utf-8", [".woff2"] = "font/woff2", [".webmanifest"] = "application/manifest+json",
    };

    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly string _prefix;
    private readonly Task _serving;

    private StaticSiteServer(string root, string prefix)
    {
        _root = Path.GetFullPath(root);
        _prefix = prefix;
        var origin = $"http://127.0.0.1:{FreePort()}";
        // The listener takes the whole port; paths outside the prefix answer 404 below, as a host would.
        _listener.Prefixes.Add(origin + "/");
        _listener.Start();
        BaseAddress = origin + prefix;
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>Where the site's root is served: <c>http://127.0.0.1:port/a/b/</c>.</summary>
    public string BaseAddress { get; }

    /// <summary>Serves <paramref name="root"/> under <paramref name="prefix"/> (starting and ending with a slash).</summary>
    public static StaticSiteServer Start(string root, string prefix = "/") => new(root, prefix);

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _serving;
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            try
            {
                await RespondAsync(context);
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The browser dropped the request (it navigated on before the answer was written): serve the next.
            }
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        using var response = context.Response;
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
        if (!path.StartsWith(_prefix, StringComparison.Ordinal))
        {
            response.StatusCode = 404;
            return;
        }
        var file = Path.GetFullPath(Path.Combine(_root, path[_prefix.Length..]));
        if (Directory.Exists(file))
        {
            file = Path.Combine(file, "index.html");
        }
        if (!file.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(file))
        {
            response.StatusCode = 404;
            return;
        }
        response.ContentType = Types.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
        var bytes = await File.ReadAllBytesAsync(file);
        response.ContentLength64 = bytes.Length;
        try
        {
            await response.OutputStream.WriteAsync(bytes);
        }
        catch (HttpListenerException)
        {
            // The browser went on to the next page before this file was needed.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
