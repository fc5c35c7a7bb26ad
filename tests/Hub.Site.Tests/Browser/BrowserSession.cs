using System.Net;
using System.Net.Sockets;
using Hub.Cli.Commands;
using Hub.Cli.Serve;
using Hub.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hub.Site.Tests.Browser;

/// <summary>
/// A test site served by <c>hub serve</c>'s own server (strict CSP header included) and a page, in a browser context
/// of its own, of the test run's shared Chromium (Debian's) driven by Playwright. Collects console errors and page errors so tests can require none.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task<int>? _serverTask;
    private HashSet<IBrowserContext> _contextsBefore = [];

    private BrowserSession(TestSite site) => Site = site;

    public TestSite Site { get; }

    public DevServer Server { get; private set; } = null!;

    public string BaseAddress { get; private set; } = string.Empty;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public IPage Page { get; private set; } = null!;

    public List<string> ConsoleErrors { get; } = [];

    public static async Task<BrowserSession> StartAsync(TestSite site, string? basePath = null)
    {
        var session = new BrowserSession(site);
        // The server watches its theme: a private copy keeps edits to the repository's theme out of the test.
        var theme = Path.Combine(site.Root, "theme");
        CopyFolder(TestSite.Theme, theme);
        var options = site.Options(basePath) with { LiveReload = true, Theme = theme };
        var console = new CliConsole(TextWriter.Null, TextWriter.Null);
        session.Server = new DevServer(options, "127.0.0.1", FreePort(), console);
        session._serverTask = session.Server.RunAsync(session._stop.Token);
        session.BaseAddress = await session.Server.Started.WaitAsync(TimeSpan.FromSeconds(60));
        (session.Playwright, session.Browser) = await Chromium.SharedAsync();
        session._contextsBefore = [.. session.Browser.Contexts];
        session.Page = await Chromium.NewPageAsync(session.Browser);
        session.Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                session.ConsoleErrors.Add(message.Text);
            }
        };
        session.Page.PageError += (_, error) => session.ConsoleErrors.Add(error);
        return session;
    }

    /// <summary>The absolute address of a site-root path such as <c>ja/articles/x/</c>.</summary>
    public string Url(string relative) => BaseAddress + relative.TrimStart('/');

    public async ValueTask DisposeAsync()
    {
        // The browser is shared (Chromium.SharedAsync): close what this session opened in it, its page's context and
        // any a test opened through Browser. Browser tests run one at a time (the "browser" collection), so every
        // context that was not there when the session started is this session's.
        if (Browser is not null)
        {
            foreach (var context in Browser.Contexts.Where(c => !_contextsBefore.Contains(c)).ToList())
            {
                await context.CloseAsync();
            }
        }
        await _stop.CancelAsync();
        if (_serverTask is not null)
        {
            await _serverTask;
        }
        await Server.DisposeAsync();
        _stop.Dispose();
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
