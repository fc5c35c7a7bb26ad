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
    internal const string ReportViolations = """
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
            // A redirect page (meta refresh) navigates on its own once loaded: its arrival is awaited, from a wait set up
            // before the page loads (a wait set up after may miss a navigation that already ended), so that its
            // navigation does not interrupt the next page's.
            var refresh = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await File.ReadAllTextAsync(Path.Combine(output, page)))
                .QuerySelector("meta[http-equiv='refresh']")?.GetAttribute("content");
            var arrived = refresh is null
                ? null
                : browser.Page.WaitForURLAsync(new Uri(new Uri(browser.BaseAddress + page), refresh[(refresh.IndexOf("url=", StringComparison.Ordinal) + 4)..]).AbsoluteUri);
            var response = await browser.GotoAsync(page);
            if (arrived is not null)
            {
                await arrived;
                await browser.Page.WaitForLoadStateAsync(LoadState.Load);
            }
            else if (response is null)
            {
                // Chromium occasionally hands Playwright no main response on a busy machine (puppeteer#4970); the
                // page still loaded when the address is the one asked for and the document is there.
                Assert.StartsWith(browser.BaseAddress, browser.Page.Url, StringComparison.Ordinal);
                Assert.Equal("complete", await browser.Page.EvaluateAsync<string>("document.readyState"));
            }
            if (response is not null)
            {
                Assert.True(response.Ok, $"{page}: {response.Status}");
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

    /// <summary>A folder served by a plain static server (<see cref="StaticSiteServer"/>) and one Chromium page, reused for every navigation.</summary>
    private sealed class StaticBrowser : IAsyncDisposable
    {
        private StaticSiteServer? _server;
        private IPlaywright? _playwright;
        private IBrowser? _browser;

        public string BaseAddress => _server!.BaseAddress;

        public IPage Page { get; private set; } = null!;

        public List<string> ConsoleErrors { get; } = [];

        public static async Task<StaticBrowser> StartAsync(string root)
        {
            var browser = new StaticBrowser { _server = StaticSiteServer.Start(root) };
            browser._playwright = await Playwright.CreateAsync();
            browser._browser = await browser._playwright.Chromium.LaunchAsync(Chromium.LaunchOptions);
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
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
        }
    }
}
