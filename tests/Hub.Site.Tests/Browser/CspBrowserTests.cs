using Hub.Site.Tests.Infrastructure;
using Hub.Site.Tests.Security;
using Microsoft.Playwright;

namespace Hub.Site.Tests.Browser;

/// <summary>
/// The pages' own meta Content-Security-Policy in Chromium, with the site served the way GitHub Pages serves it:
/// by a plain static server that sends no CSP header. Every kind of page of the default site and of a fixture with
/// aligned and grid tables, in every language, must load without a single CSP violation or console error (issue 17,
/// part 3). Which pages stand for the rest is chosen by <see cref="RepresentativePages"/>.
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
        // The run's shared build of input/, served under its own base path, as a host serves it.
        var site = BuiltSites.Default;
        await AssertEveryPageIsCleanAsync(site.Output, prefix: site.BasePath);
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

    /// <summary>
    /// The pages of a built site that stand for all of them in the browser crawl, from the output root. A page's CSP
    /// violations come from its template (what kind of page it is, in which language) and from the scripts, modules
    /// and markup its content brings, so the set holds:
    /// <list type="number">
    /// <item>every page kind in every language: the first page of each group of pages with the same language, section
    /// and depth (<c>ja/index.html</c>, <c>ja/kpis/index.html</c>, <c>ja/kpis/*/index.html</c>,
    /// <c>ko/untranslated/*/*/*/index.html</c>), and the pages outside a language (<c>index.html</c>, <c>404.html</c>);</item>
    /// <item>then, until nothing is left uncovered, the page that adds the most not yet loaded features, a feature being a
    /// script's <c>src</c>, a <c>data-module</c>, a meta refresh, or a class name used anywhere in a page's body: every
    /// script, module and styled piece of markup of the site is loaded at least once.</item>
    /// </list>
    /// Every page of the default site is still read without a browser by <see cref="PageCspTests"/> (the policy's meta tag,
    /// nothing inline); the crawl proves that what the pages load runs under that policy.
    /// </summary>
    public static IReadOnlyList<string> RepresentativePages(string output)
    {
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var pages = Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(page =>
            {
                var document = parser.ParseDocument(File.ReadAllText(Path.Combine(output, page)));
                var features = new HashSet<string>(StringComparer.Ordinal);
                foreach (var script in document.QuerySelectorAll("script[src]"))
                {
                    features.Add("script " + script.GetAttribute("src")!.Split('/')[^1]);
                }
                foreach (var module in document.QuerySelectorAll("[data-module]"))
                {
                    features.Add("module " + module.GetAttribute("data-module")!.Split('/')[^1]);
                }
                if (document.QuerySelector("meta[http-equiv='refresh']") is not null)
                {
                    features.Add("refresh");
                }
                foreach (var element in document.Body?.QuerySelectorAll("[class]") ?? Enumerable.Empty<AngleSharp.Dom.IElement>())
                {
                    foreach (var name in element.ClassList)
                    {
                        features.Add("class " + name);
                    }
                }
                return (Page: page, Kind: KindOf(page), Features: features);
            })
            .ToList();

        var chosen = pages.GroupBy(p => p.Kind, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var covered = chosen.SelectMany(p => p.Features).ToHashSet(StringComparer.Ordinal);
        while (true)
        {
            var next = pages.Where(p => !chosen.Contains(p))
                .Select(p => (Candidate: p, Adds: p.Features.Count(f => !covered.Contains(f))))
                .Where(c => c.Adds > 0)
                .OrderByDescending(c => c.Adds)
                .ThenBy(c => c.Candidate.Page, StringComparer.Ordinal)
                .FirstOrDefault();
            if (next.Candidate.Page is null)
            {
                break;
            }
            chosen.Add(next.Candidate);
            covered.UnionWith(next.Candidate.Features);
        }
        return chosen.Select(p => p.Page).Order(StringComparer.Ordinal).ToList();

        // "ja/kpis/churn-rate/index.html" is of kind "ja kpis 2": language, section, depth below the language.
        static string KindOf(string page)
        {
            var segments = page.Split('/');
            return segments.Length switch
            {
                1 => page,
                2 => segments[0] + " home",
                _ => $"{segments[0]} {segments[1]} {segments.Length - 2}",
            };
        }
    }

    private static async Task AssertEveryPageIsCleanAsync(string output, Func<StaticBrowser, Task>? more = null, string prefix = "/")
    {
        var pages = RepresentativePages(output);
        Assert.NotEmpty(pages);
        await using var browser = await StaticBrowser.StartAsync(output, prefix);
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
        private IBrowserContext? _context;

        public string BaseAddress => _server!.BaseAddress;

        public IPage Page { get; private set; } = null!;

        public List<string> ConsoleErrors { get; } = [];

        public static async Task<StaticBrowser> StartAsync(string root, string prefix = "/")
        {
            var browser = new StaticBrowser { _server = StaticSiteServer.Start(root, prefix) };
            // A context of its own in the run's shared Chromium: fresh cookies, storage and cache, no browser launch.
            var (_, chromium) = await Chromium.SharedAsync();
            browser._context = await chromium.NewContextAsync();
            browser.Page = await browser._context.NewPageAsync();
            browser.Page.SetDefaultTimeout(Chromium.WaitBound);
            browser.Page.SetDefaultNavigationTimeout(Chromium.WaitBound);
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
            if (_context is not null)
            {
                await _context.CloseAsync();
            }
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
        }
    }
}
