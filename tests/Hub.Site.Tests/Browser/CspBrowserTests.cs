using System.Net;
using System.Net.Sockets;
using Hub.Site.Tests.Infrastructure;
using Hub.Site.Tests.Security;
using Microsoft.Playwright;

namespace Hub.Site.Tests.Browser;

/// <summary>
/// The pages' own meta Content-Security-Policy in Chromium, with the site served the way GitHub Pages serves it:
/// by a plain static server that sends no CSP header. Every page of the default site and of a fixture with aligned
/// and grid tables must load without a single CSP violation or console error (issue 17, part 3).
/// </summary>
[Collection("browser")]
public sealed class CspBrowserTests
{
    /// <summary>Chromium reports violations on the console too; this makes each one an unmistakable console error.</summary>
    private const string ReportViolations = """
        document.addEventListener('securitypolicyviolation', function (e) {
          console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
        });
        """;

    [BrowserFact]
    public async Task EveryPageOfTheDefaultSiteLoadsWithoutViolationsOrErrors()
    {
        var output = Path.Combine(Path.GetTempPath(), "hub-csp-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = SiteBuilder.Build(new BuildOptions
            {
                Input = Path.Combine(TestSite.RepoRoot, "input"),
                Theme = TestSite.Theme,
                Output = output,
                BasePath = "/",
                CacheDirectory = null,
            });
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            await AssertEveryPageIsCleanAsync(output);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [BrowserFact]
    public async Task EveryPageOfAFixtureWithAlignedAndGridTablesLoadsWithoutViolationsOrErrors()
    {
        using var site = new TestSite(PageCspTests.TablesFixture());
        site.BuildOk(basePath: "/");
        await AssertEveryPageIsCleanAsync(site.Output, async page =>
        {
            // The classes that replaced the style attributes still align and size the cells.
            await page.GotoAsync("ja/articles/tables/");
            Assert.Equal("right", await page.Page.EvalOnSelectorAsync<string>("main .prose table td.align-right", "e => getComputedStyle(e).textAlign"));
            Assert.Equal("center", await page.Page.EvalOnSelectorAsync<string>("main .prose table td.align-center", "e => getComputedStyle(e).textAlign"));
            var widths = await page.Page.EvalOnSelectorAllAsync<double[]>("main .prose table td[class*='w-']", "cells => cells.map(c => c.getBoundingClientRect().width)");
            Assert.Equal(3, widths.Length);
            Assert.True(widths[1] > widths[2] && widths[2] > widths[0], "grid columns of 20 %, 45 % and 30 %: " + string.Join(", ", widths));
        });
    }

    [BrowserFact]
    public async Task TheMetaPolicyIsEnforcedWithoutAnyHeader()
    {
        // Proves the test above can fail: markup the policy forbids, added to a served page, is reported.
        using var site = new TestSite(Fixtures.Basic());
        site.BuildOk(basePath: "/");
        await using var browser = await StaticBrowser.StartAsync(site.Output);
        await browser.GotoAsync("ja/");
        Assert.Empty(browser.ConsoleErrors);
        await browser.Page.RunAndWaitForConsoleMessageAsync(
            () => browser.Page.EvaluateAsync("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>')"),
            new PageRunAndWaitForConsoleMessageOptions { Predicate = m => m.Text.StartsWith("CSP violation: style-src", StringComparison.Ordinal) });
        Assert.Contains(browser.ConsoleErrors, e => e.StartsWith("CSP violation: style-src", StringComparison.Ordinal));
    }

    private static async Task AssertEveryPageIsCleanAsync(string output, Func<StaticBrowser, Task>? more = null)
    {
        var pages = Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(pages);
        await using var browser = await StaticBrowser.StartAsync(output);
        var errors = new List<string>();
        foreach (var page in pages)
        {
            var response = await browser.GotoAsync(page);
            if (response is null)
            {
                // Chromium occasionally hands Playwright no main response on a busy machine (puppeteer#4970); the
                // page still loaded when the address is the one asked for and the document is there.
                Assert.StartsWith(browser.BaseAddress, browser.Page.Url, StringComparison.Ordinal);
                Assert.Equal("complete", await browser.Page.EvaluateAsync<string>("document.readyState"));
            }
            else
            {
                Assert.True(response.Ok, $"{page}: {response.Status}");
            }
            // A redirect page (meta refresh) navigates on its own once loaded: wait until it has, so that its
            // navigation does not interrupt the next page's.
            if (new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await File.ReadAllTextAsync(Path.Combine(output, page))).QuerySelector("meta[http-equiv='refresh']") is not null)
            {
                await browser.Page.WaitForURLAsync(url => !url.EndsWith("/" + page, StringComparison.Ordinal));
                await browser.Page.WaitForLoadStateAsync(LoadState.Load);
            }

            errors.AddRange(browser.ConsoleErrors.Select(e => $"{page}: {e}"));
            browser.ConsoleErrors.Clear();
        }
        if (more is not null)
        {
            await more(browser);
            errors.AddRange(browser.ConsoleErrors);
        }
        Assert.Empty(errors);
    }

    /// <summary>
    /// A folder served by a bare HttpListener (files and content types only, no CSP or other security header, as
    /// GitHub Pages serves a site) and one Chromium page, reused for every navigation.
    /// </summary>
    private sealed class StaticBrowser : IAsyncDisposable
    {
        private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
        {
            [".html"] = "text/html; charset=utf-8", [".css"] = "text/css; charset=utf-8", [".js"] = "text/javascript; charset=utf-8",
            [".json"] = "application/json", [".xml"] = "application/xml", [".svg"] = "image/svg+xml", [".png"] = "image/png",
            [".txt"] = "text/plain; charset=utf-8", [".woff2"] = "font/woff2", [".webmanifest"] = "application/manifest+json",
        };

        private readonly HttpListener _listener = new();
        private readonly string _root;
        private Task? _serving;
        private IPlaywright? _playwright;
        private IBrowser? _browser;

        private StaticBrowser(string root) => _root = Path.GetFullPath(root);

        public string BaseAddress { get; private set; } = string.Empty;

        public IPage Page { get; private set; } = null!;

        public List<string> ConsoleErrors { get; } = [];

        public static async Task<StaticBrowser> StartAsync(string root)
        {
            var browser = new StaticBrowser(root);
            browser.BaseAddress = $"http://127.0.0.1:{FreePort()}/";
            browser._listener.Prefixes.Add(browser.BaseAddress);
            browser._listener.Start();
            browser._serving = Task.Run(browser.ServeAsync);
            browser._playwright = await Playwright.CreateAsync();
            browser._browser = await browser._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium.ExecutablePath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            browser.Page = await Chromium.NewPageAsync(browser._browser);
            await browser.Page.AddInitScriptAsync(ReportViolations);
            browser.Page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    browser.ConsoleErrors.Add(message.Text);
                }
            };
            browser.Page.PageError += (_, error) => browser.ConsoleErrors.Add(error);
            return browser;
        }

        public Task<IResponse?> GotoAsync(string relative) =>
            Page.GotoAsync(BaseAddress + relative.TrimStart('/'), new PageGotoOptions { WaitUntil = WaitUntilState.Load });

        public async ValueTask DisposeAsync()
        {
            if (_browser is not null)
            {
                await _browser.CloseAsync();
            }
            _playwright?.Dispose();
            _listener.Stop();
            if (_serving is not null)
            {
                await _serving;
            }
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
            var file = Path.GetFullPath(Path.Combine(_root, path.TrimStart('/')));
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
}
