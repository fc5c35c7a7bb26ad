using System.Net;
using System.Net.Sockets;
using System.Text;
using AngleSharp.Html.Parser;
using Hub.Cli.Commands;
using Hub.Cli.Serve;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Serve;

/// <summary>
/// <c>hub serve</c> under hostile requests and a changing disk: requests naming another host (DNS rebinding),
/// redirects that a browser could read as another origin, symbolic links out of the output folder, the output folder
/// deleted while serving, and a port that is taken. Each talks to a real server over HTTP; no browser is needed.
/// </summary>
public sealed class DevServerSecurityTests
{
    private static Dictionary<string, string> Site() => new()
    {
        ["articles/welcome.md"] = "---\ntitle: ようこそ\n---\n\n本文です。\n",
        ["articles/crm.ko.md"] = "---\ntitle: CRM 기초\n---\n\n본문.\n",
        ["articles/guide.en.md"] = "---\ntitle: Getting started\n---\n\nBody.\n",
    };

    [Fact]
    public async Task RequestsNamingAnotherHostAreRefused()
    {
        using var site = new TestSite(Site());
        await using var server = await Served.StartAsync(site);
        foreach (var name in new[] { "evil.example", $"evil.example:{server.Port}", "localhost.evil.example", "127.0.0.1.evil.example", "10.0.0.1" })
        {
            var refused = await server.GetAsync("ja/articles/welcome/", name);
            Assert.True(refused.Status == HttpStatusCode.Forbidden, $"{name}: {refused.Status}");
            Assert.DoesNotContain("ようこそ", refused.Body, StringComparison.Ordinal);
        }
        var events = await server.GetAsync(DevServer.EventsPath, "evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, events.Status);
        foreach (var name in new[] { $"localhost:{server.Port}", $"127.0.0.1:{server.Port}", "localhost", $"[::1]:{server.Port}", $"127.0.0.2:{server.Port}", $"app.localhost:{server.Port}", "LOCALHOST" })
        {
            var ok = await server.GetAsync("ja/articles/welcome/", name);
            Assert.True(ok.Status == HttpStatusCode.OK, $"{name}: {ok.Status}");
            Assert.Equal("ようこそ", H1(ok.Body));
        }
    }

    [Theory]
    [InlineData("0.0.0.0", "evil.example", true)]
    [InlineData("hub.test", "hub.test", true)]
    [InlineData("hub.test", "localhost", true)]
    [InlineData("hub.test", "evil.example", false)]
    public async Task AServerGivenAHostAnswersItAndWarnsThatItIsReachableFromTheNetwork(string bindHost, string requestHost, bool answered)
    {
        using var site = new TestSite(Site());
        var stderr = new StringWriter();
        await using var server = await Served.StartAsync(site, host: bindHost, stderr: stderr);
        var response = await server.GetAsync("ja/", $"{requestHost}:{server.Port}");
        Assert.Equal(answered ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.Status);
        var warning = Assert.Single(Lines(stderr.ToString()), l => l.StartsWith("hub: warning: listening on", StringComparison.Ordinal));
        Assert.StartsWith($"hub: warning: listening on {bindHost}: the site is reachable from the network", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALoopbackServerPrintsNoWarning()
    {
        using var site = new TestSite(Site());
        var stderr = new StringWriter();
        await using var server = await Served.StartAsync(site, stderr: stderr);
        Assert.Equal(HttpStatusCode.OK, (await server.GetAsync("ja/")).Status);
        Assert.DoesNotContain(Lines(stderr.ToString()), l => l.Contains("listening on", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/", "/%5Cevil.example%2F..")]
    [InlineData("/", "/%5Cevil.example%2F%2E%2E")]
    [InlineData("/", "//evil.example/")]
    [InlineData("/", "//evil.example")]
    [InlineData("/", "/\\evil.example")]
    [InlineData("/", "/\\evil.example/..")]
    [InlineData("/", "/%2F%2Fevil.example")]
    [InlineData("/", "/ja%5C..%5C..%5Cevil.example")]
    [InlineData("/", "/ja/%0D%0ALocation:%20http://evil.example/")]
    [InlineData("/", "/ja/%00")]
    [InlineData("/cs-hub/", "/cs-hub/%5Cevil.example%2F..")]
    [InlineData("/cs-hub/", "/cs-hub//evil.example")]
    [InlineData("/cs-hub/", "//cs-hub/")]
    public async Task RedirectsNeverLeaveTheSite(string? basePath, string target)
    {
        using var site = new TestSite(Site());
        await using var server = await Served.StartAsync(site, basePath);
        var response = await server.RawGetAsync(target);
        Assert.True((int)response.Status < 500, $"{target}: {response.Status}");
        if ((int)response.Status is >= 300 and < 400)
        {
            AssertOnSite(server, response.Location);
        }
    }

    [Theory]
    [InlineData("/", "/ja", "/ja/")]
    [InlineData("/", "/ja//articles", "/ja/articles/")]
    [InlineData("/", "/ja/articles/welcome?x=1", "/ja/articles/welcome/?x=1")]
    [InlineData("/", "/ja/articles/../articles/welcome", "/ja/articles/welcome/")]
    [InlineData("/cs-hub/", "/", "/cs-hub/")]
    [InlineData("/cs-hub/", "/cs-hub", "/cs-hub/")]
    [InlineData("/cs-hub/", "/cs-hub/ja/articles/welcome", "/cs-hub/ja/articles/welcome/")]
    public async Task FoldersRedirectToTheirPathWithASlash(string? basePath, string target, string location)
    {
        using var site = new TestSite(Site());
        await using var server = await Served.StartAsync(site, basePath);
        var response = await server.RawGetAsync(target);
        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.Equal(location, response.Location);
        AssertOnSite(server, response.Location);
        Assert.Equal(HttpStatusCode.OK, (await server.RawGetAsync(location)).Status);
    }

    [Fact]
    public async Task AFolderNamedInJapaneseRedirectsToItsPercentEncodedPath()
    {
        using var site = new TestSite(Site());
        await using var server = await Served.StartAsync(site, "/");
        Directory.CreateDirectory(Path.Combine(site.Output, "資料"));
        File.WriteAllText(Path.Combine(site.Output, "資料", "index.html"), "<!doctype html><title>資料</title>");
        var response = await server.RawGetAsync("/%E8%B3%87%E6%96%99");
        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.Equal("/%E8%B3%87%E6%96%99/", response.Location);
        Assert.Equal(HttpStatusCode.OK, (await server.RawGetAsync(response.Location!)).Status);
    }

    [Fact]
    public async Task SymbolicLinksOutOfTheOutputFolderAreNotServed()
    {
        using var site = new TestSite(Site());
        await using var server = await Served.StartAsync(site);
        const string Secret = "TOP-SECRET-7f3a";
        var secrets = Path.Combine(site.Root, "secrets");
        Directory.CreateDirectory(secrets);
        File.WriteAllText(Path.Combine(secrets, "key.txt"), Secret);
        File.WriteAllText(Path.Combine(secrets, "index.html"), Secret);
        File.CreateSymbolicLink(Path.Combine(site.Output, "key.txt"), Path.Combine(secrets, "key.txt"));
        File.CreateSymbolicLink(Path.Combine(site.Output, "relative.txt"), "../secrets/key.txt");
        Directory.CreateSymbolicLink(Path.Combine(site.Output, "shared"), secrets);
        // A link whose target climbs out through another link: only following each link in turn sees where it ends.
        Directory.CreateSymbolicLink(Path.Combine(site.Output, "ja", "up"), "../shared/..");
        // Links that stay inside the output folder are served.
        File.CreateSymbolicLink(Path.Combine(site.Output, "home.html"), "ja/index.html");
        Directory.CreateSymbolicLink(Path.Combine(site.Output, "home"), Path.Combine(site.Output, "ja"));

        foreach (var path in new[] { "key.txt", "relative.txt", "shared/key.txt", "shared/", "shared", "ja/up/secrets/key.txt", "ja/up/", "ja/up/secrets/" })
        {
            var response = await server.GetAsync(path);
            Assert.True(response.Status == HttpStatusCode.NotFound, $"{path}: {response.Status}");
            Assert.DoesNotContain(Secret, response.Body, StringComparison.Ordinal);
        }
        var home = File.ReadAllText(Path.Combine(site.Output, "ja", "index.html"));
        Assert.Equal(home, (await server.GetAsync("home.html")).Body);
        Assert.Equal(home, (await server.GetAsync("home/")).Body);
    }

    [Fact]
    public async Task ARequestAfterTheOutputFolderWasDeletedBuildsTheWholeSiteAgain()
    {
        using var site = new TestSite(Site());
        await using var server = await Served.StartAsync(site);
        var before = site.OutputFiles().ToList();
        var stylesheet = Stylesheet((await server.GetAsync("ja/")).Body, new Uri(server.Address).AbsolutePath + "ja/");

        Directory.Delete(site.Output, recursive: true);

        var page = await server.GetAsync("en/articles/guide/");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Getting started", H1(page.Body));
        var asset = await server.RawGetAsync(stylesheet);
        Assert.Equal(HttpStatusCode.OK, asset.Status);
        Assert.NotEmpty(asset.Body);
        Assert.Equal(before, site.OutputFiles().ToList());
    }

    [Fact]
    public async Task ASaveAfterTheOutputFolderWasDeletedBuildsTheWholeSiteAgain()
    {
        using var site = new TestSite(Site());
        await using var server = await Served.StartAsync(site);
        var before = site.OutputFiles().ToList();
        var stylesheet = Stylesheet((await server.GetAsync("ja/")).Body, new Uri(server.Address).AbsolutePath + "ja/");
        var rebuilt = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Server.Rebuilt += ok => rebuilt.TrySetResult(ok);

        Directory.Delete(site.Output, recursive: true);
        // Saving an article alone would re-render only its own pages: the whole site must come back.
        site.Write("articles/guide.en.md", "---\ntitle: Getting started (edited)\n---\n\nBody.\n");

        Assert.True(await rebuilt.Task.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(before, site.OutputFiles().ToList());
        Assert.Equal("ようこそ", H1((await server.GetAsync("ja/articles/welcome/")).Body));
        Assert.Equal("Getting started (edited)", H1((await server.GetAsync("en/articles/guide/")).Body));
        Assert.Equal(HttpStatusCode.OK, (await server.RawGetAsync(stylesheet)).Status);
    }

    [Fact]
    public async Task APortInUseIsOneLineAndAHintWithExitCodeTwo()
    {
        using var site = new TestSite(Site());
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        // Bounded: should the server start after all, the test fails instead of serving forever.
        var exit = await Task.Run(() => HubCommandLine.Run(
            ["serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--input", site.Input, "--theme", TestSite.Theme, "--output", site.Output],
            stdout, stderr)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(HubCommandLine.UsageErrors, exit);
        var lines = Lines(stderr.ToString());
        Assert.Equal(2, lines.Count);
        Assert.Equal($"hub: error: port {port} is already in use on 127.0.0.1", lines[0]);
        Assert.Contains("--port", lines[1], StringComparison.Ordinal);
        foreach (var text in new[] { stdout.ToString(), stderr.ToString() })
        {
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        }
        Assert.False(Directory.Exists(site.Output), "nothing is built when the server cannot listen");
    }

    /// <summary>A redirect's Location is a path on the same origin: one slash, then neither a slash nor a backslash.</summary>
    private static void AssertOnSite(Served server, string? location)
    {
        Assert.NotNull(location);
        Assert.StartsWith("/", location, StringComparison.Ordinal);
        Assert.False(location.Length > 1 && location[1] is '/' or '\\', location);
        Assert.DoesNotContain('\\', location);
        Assert.DoesNotContain('\r', location);
        Assert.DoesNotContain('\n', location);
        var origin = new Uri(server.Origin);
        var resolved = new Uri(origin, location);
        Assert.Equal(origin.GetLeftPart(UriPartial.Authority), resolved.GetLeftPart(UriPartial.Authority));
    }

    private static string? H1(string html) => new HtmlParser().ParseDocument(html).QuerySelector("h1")?.TextContent.Trim();

    /// <summary>The site path of the first stylesheet of the page served at site path <paramref name="page"/>.</summary>
    private static string Stylesheet(string html, string page) =>
        SiteLinks.Resolve(page, new HtmlParser().ParseDocument(html).QuerySelector("link[rel=stylesheet]")?.GetAttribute("href")
            ?? throw new InvalidOperationException("the page links no stylesheet"));

    private static List<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>A test site served by <c>hub serve</c>'s server on a free port.</summary>
    internal sealed class Served : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private Task<int>? _run;

        public DevServer Server { get; private set; } = null!;

        public int Port { get; private set; }

        /// <summary>The address the server said it serves the site at (base path included).</summary>
        public string Address { get; private set; } = string.Empty;

        /// <summary>Where requests go: the loopback address, whichever host the server listens on.</summary>
        public string Origin => $"http://127.0.0.1:{Port}";

        public static async Task<Served> StartAsync(TestSite site, string? basePath = null, string host = "127.0.0.1", TextWriter? stderr = null, bool drafts = false)
        {
            var served = new Served();
            // The server watches its theme: a private copy keeps edits to the repository's theme out of the test.
            var theme = Path.Combine(site.Root, "theme");
            foreach (var file in Directory.EnumerateFiles(TestSite.Theme, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(theme, Path.GetRelativePath(TestSite.Theme, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            var options = site.Options(basePath) with { LiveReload = true, Theme = theme, Drafts = drafts };
            served.Port = FreePort();
            served.Server = new DevServer(options, host, served.Port, new CliConsole(TextWriter.Null, TextWriter.Synchronized(stderr ?? TextWriter.Null)));
            served._run = served.Server.RunAsync(served._stop.Token);
            served.Address = await served.Server.Started.WaitAsync(TimeSpan.FromSeconds(60));
            return served;
        }

        /// <summary>GET a site-root path (under the base path) through HttpClient, naming <paramref name="host"/> in the Host header.</summary>
        public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path, string? host = null)
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Origin + new Uri(Address).AbsolutePath + path.TrimStart('/')));
            if (host is not null)
            {
                request.Headers.Host = host;
            }
            using var response = await http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        /// <summary>
        /// GET a request target exactly as written (HttpClient would turn backslashes into slashes), over a raw
        /// connection; returns the status, the Location header and the body.
        /// </summary>
        public async Task<(HttpStatusCode Status, string? Location, string Body)> RawGetAsync(string target)
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            await using var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{Port}\r\nConnection: close\r\n\r\n"));
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var response = await reader.ReadToEndAsync();
            var head = response.Split("\r\n\r\n", 2);
            var lines = head[0].Split("\r\n");
            var status = (HttpStatusCode)int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            var location = lines.Skip(1).Where(l => l.StartsWith("Location:", StringComparison.OrdinalIgnoreCase)).Select(l => l["Location:".Length..].Trim()).SingleOrDefault();
            return (status, location, head.Length > 1 ? head[1] : string.Empty);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            if (_run is not null)
            {
                await _run;
            }
            await Server.DisposeAsync();
            _stop.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
