using AngleSharp.Html.Parser;
using Hub.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hub.Site.Tests.Browser;

/// <summary>
/// One build of the default site, unchanged, works wherever it is put (issue 19, part 1): served at a host's root,
/// under a path prefix other than its baseUrl's, under its own, and opened from disk. Links, assets, scripts, forms and
/// search results are relative to the page; only canonical and hreflang links (and the sitemap, feeds and robots.txt)
/// are absolute, from baseUrl.
/// </summary>
[Collection("browser")]
public sealed class PortableOutputTests(PortableOutputTests.DefaultSite site) : IClassFixture<PortableOutputTests.DefaultSite>
{
    /// <summary>The default site, built once with its hub.yml as it is (baseUrl under /cs-hub/): the run's shared build.</summary>
    public sealed class DefaultSite : IDisposable
    {
        public string Output => BuiltSites.Default.Output;

        // A server shows 404.html at whatever path was missing, so its links are absolute under baseUrl's path.
        /// <summary>Every page but 404.html, from the output root: <c>ja/kpis/churn-rate/index.html</c>.</summary>
        public IReadOnlyList<string> Pages { get; } = BuiltSites.Default.Pages.Where(p => p != "404.html").ToList();

        /// <summary>The shared build outlives the class (<see cref="BuiltSites"/> removes it when the run ends).</summary>
        public void Dispose()
        {
        }
    }

    private static readonly (string Selector, string Attribute)[] Links =
    [
        ("a[href]", "href"), ("link[href]", "href"), ("script[src]", "src"), ("img[src]", "src"), ("form[action]", "action"),
        ("script[data-module]", "data-module"),
    ];

    /// <summary>Every page's links, read once for the prefixes below: (page, element, the attribute's value).</summary>
    private static readonly Lazy<List<(string Page, AngleSharp.Dom.IElement Element, string Value)>> PageLinks = new(() =>
    {
        var site = BuiltSites.Default;
        var parser = new HtmlParser();
        var links = new List<(string, AngleSharp.Dom.IElement, string)>();
        foreach (var page in site.Pages.Where(p => p != "404.html"))
        {
            var document = parser.ParseDocument(File.ReadAllText(Path.Combine(site.Output, page)));
            foreach (var (selector, attribute) in Links)
            {
                foreach (var element in document.QuerySelectorAll(selector))
                {
                    links.Add((page, element, element.GetAttribute(attribute)!));
                }
            }
        }
        return links;
    });

    /// <summary>
    /// Every link resolves, as a browser resolves it against the page's address under <paramref name="prefix"/>, to a
    /// file that a plain static server (<see cref="StaticSiteServer"/>: a folder answers with its index.html) serves
    /// under that prefix. Read from the parsed pages and the output folder; the browser tests below load pages, scripts
    /// and search through a real server under the same prefixes.
    /// </summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/a/b/")]
    [InlineData("/cs-hub/")]
    public void EveryLinkAndAssetOfEveryPageAnswersUnderAnyPrefix(string prefix)
    {
        var baseAddress = "http://127.0.0.1:8080" + prefix;
        var root = Path.GetFullPath(site.Output);
        var checkedUrls = new Dictionary<string, bool>(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var (page, element, value) in PageLinks.Value)
        {
            if (value.StartsWith('#') || value.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }
            if (Uri.TryCreate(value, UriKind.Absolute, out var absolute))
            {
                // Absolute only where a URL must be (canonical, hreflang) or leads to another site.
                if (absolute.Host == "example.github.io")
                {
                    Assert.True(element.GetAttribute("rel") is "canonical" or "alternate", $"{page}: absolute site link {value}");
                }
                continue;
            }
            Assert.False(value.StartsWith('/'), $"{page}: {value} is not relative to the page");
            var target = new Uri(new Uri(baseAddress + page), value);
            var address = target.GetLeftPart(UriPartial.Path);
            if (!address.StartsWith(baseAddress, StringComparison.Ordinal))
            {
                failures.Add($"{page}: {value} leaves the site at {address}");
                continue;
            }
            if (!checkedUrls.TryGetValue(address, out var ok))
            {
                checkedUrls[address] = ok = Serves(root, Uri.UnescapeDataString(target.AbsolutePath)[prefix.Length..]);
            }
            if (!ok)
            {
                failures.Add($"{page}: {value} -> {address} does not answer");
            }
        }
        Assert.Empty(failures);
        Assert.True(checkedUrls.Count > 200, $"only {checkedUrls.Count} distinct targets were checked");
    }

    /// <summary>Whether <see cref="StaticSiteServer"/> answers a path below its prefix with a file (the same rule).</summary>
    private static bool Serves(string root, string path)
    {
        var file = Path.GetFullPath(Path.Combine(root, path));
        if (Directory.Exists(file))
        {
            file = Path.Combine(file, "index.html");
        }
        return file.StartsWith(root, StringComparison.Ordinal) && File.Exists(file);
    }

    [BrowserTheory]
    [InlineData("/")]
    [InlineData("/a/b/")]
    public async Task ScriptsSearchAndCalculatorsRunUnderAnyPrefix(string prefix)
    {
        await using var server = StaticSiteServer.Start(site.Output, prefix);
        var (_, browser) = await Chromium.SharedAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Chromium.WaitBound);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(page.Url + ": " + message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(page.Url + ": " + error);
        await page.AddInitScriptAsync(CspBrowserTests.ReportViolations);

        // The root sends a visitor on to the default language's home, under the same prefix (the wait is set up before
        // the page loads, since the refresh may be over before a later wait would look).
        var arrived = page.WaitForURLAsync(server.BaseAddress + "ja/");
        await page.GotoAsync(server.BaseAddress);
        await arrived;
        await page.WaitForLoadStateAsync(LoadState.Load);

        // Every kind of page, in each language: styles applied and its modules started through boot.js.
        foreach (var path in new[] { "ja/", "ko/", "en/", "ja/articles/", "ja/articles/retention-playbook/", "ko/kpis/churn-rate/",
                     "en/catalogues/csm-hiring/", "ja/tags/", "ja/search/", "ja/glossary/" })
        {
            var response = await page.GotoAsync(server.BaseAddress + path);
            Assert.True(response is null || response.Ok, $"{path}: {response?.Status}");
            await page.WaitForFunctionAsync("() => document.querySelector('.theme-toggle') && !document.querySelector('.theme-toggle').hidden");
            // main.css applied (a browser's own default is "normal").
            Assert.Equal("anywhere", await page.EvaluateAsync<string>("getComputedStyle(document.body).overflowWrap"));
            Assert.StartsWith(server.BaseAddress, page.Url, StringComparison.Ordinal);
        }

        // A calculator computes.
        await page.GotoAsync(server.BaseAddress + "ja/kpis/churn-rate/");
        await page.WaitForFunctionAsync("() => document.documentElement.getAttribute('data-calculators') === 'ready'");

        // Search loads its index and worker from under the prefix, and a result opens its page there.
        await page.GotoAsync(server.BaseAddress + "ja/search/?q=" + Uri.EscapeDataString("解約率"));
        var first = page.Locator("#search-results a.search-result-link").First;
        await first.WaitForAsync();
        var href = await first.EvaluateAsync<string>("a => a.href");
        Assert.StartsWith(server.BaseAddress + "ja/", href, StringComparison.Ordinal);
        await first.ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(href.Split('#')[0], StringComparison.Ordinal));
        await page.WaitForFunctionAsync("() => document.querySelector('main h1') !== null");

        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task OpenedFromDiskPagesAndNavigationWorkAndSayWhatNeedsAServer()
    {
        var (_, browser) = await Chromium.SharedAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Chromium.WaitBound);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(page.Url + ": " + message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(page.Url + ": " + error);
        var root = new Uri(Path.Combine(site.Output, "x")).AbsoluteUri[..^1];

        await page.GotoAsync(root + "ja/index.html");
        await page.WaitForFunctionAsync("() => document.documentElement.classList.contains('hub-file')");
        Assert.True(await page.Locator(".needs-server").IsVisibleAsync(), "the page says what needs a server");

        // The site navigation leads from file to file: folder links open their index.html.
        var kpis = page.Locator(".site-nav a[href*='kpis']").First;
        Assert.EndsWith("/ja/kpis/index.html", await kpis.EvaluateAsync<string>("a => a.href"), StringComparison.Ordinal);
        await kpis.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/ja/kpis/index.html", StringComparison.Ordinal));
        await page.WaitForFunctionAsync("() => document.documentElement.classList.contains('hub-file')");
        var kpi = page.Locator("main .kpi-cards a").First;
        await kpi.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/ja/kpis/", StringComparison.Ordinal) && url.EndsWith("/index.html", StringComparison.Ordinal) && !url.EndsWith("/ja/kpis/index.html", StringComparison.Ordinal));
        await page.WaitForFunctionAsync("() => document.documentElement.classList.contains('hub-file')");
        Assert.NotEqual("none", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.needs-server')).display"));

        // Every language's home opens from disk, styled, with no error.
        foreach (var lang in new[] { "ko", "en" })
        {
            await page.GotoAsync($"{root}{lang}/index.html");
            await page.WaitForFunctionAsync("() => document.documentElement.classList.contains('hub-file')");
        }
        Assert.Empty(errors);
    }
}
