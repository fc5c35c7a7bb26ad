using Deque.AxeCore.Playwright;
using Hub.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hub.Site.Tests.Browser;

/// <summary>
/// One test site served by <c>hub serve</c> for all the tests of a class (an xunit class fixture), for tests that only
/// read the site: starting a server builds the site, which costs more than most browser tests take. Each test opens
/// its own <see cref="BrowserTab"/>, a page in a browser context of its own (fresh cookies, storage and cache), so
/// tests sharing the server share nothing in the browser.
/// </summary>
public abstract class ServedSite : IAsyncLifetime, IDisposable
{
    private readonly TestSite _site;
    private readonly string? _basePath;

    protected ServedSite(Dictionary<string, string> files, string? basePath = null, bool withConfig = true)
    {
        _site = new TestSite(files, withConfig);
        _basePath = basePath;
    }

    public BrowserSession Session { get; private set; } = null!;

    /// <summary>The served site, to read its output; tests must not write to it.</summary>
    public TestSite Site => _site;

    /// <summary>A new page, in a new browser context, on this site's server.</summary>
    public Task<BrowserTab> OpenAsync(BrowserNewPageOptions? options = null) => BrowserTab.OpenAsync(Session, options);

    public async Task InitializeAsync()
    {
        if (Chromium.MissingReason is null)
        {
            Session = await BrowserSession.StartAsync(_site, _basePath);
        }
    }

    public async Task DisposeAsync()
    {
        if (Session is not null)
        {
            await Session.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _site.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// The basic fixture site (<see cref="Fixtures.Basic"/>, no base path), served once for the whole "browser" collection:
/// several classes only read it.
/// </summary>
public sealed class BasicServedSite() : ServedSite(Fixtures.Basic());

/// <summary>A page in a browser context of its own that collects console and page errors; disposing closes the context.</summary>
public sealed class BrowserTab : IAsyncDisposable
{
    private readonly BrowserSession _session;

    private BrowserTab(BrowserSession session, IPage page)
    {
        _session = session;
        Page = page;
    }

    public IPage Page { get; }

    public List<string> ConsoleErrors { get; } = [];

    /// <summary>A 390 px touch phone (the small-screen layout, taps instead of hovers).</summary>
    public static BrowserNewPageOptions Phone => new()
    {
        HasTouch = true, IsMobile = true, ViewportSize = new ViewportSize { Width = 390, Height = 844 },
    };

    /// <summary>The server's address, ending in <c>/</c>.</summary>
    public string BaseAddress => _session.BaseAddress;

    /// <summary>The absolute address of a site-root path such as <c>ja/articles/x/</c>.</summary>
    public string Url(string relative) => _session.Url(relative);

    public static async Task<BrowserTab> OpenAsync(BrowserSession session, BrowserNewPageOptions? options = null)
    {
        var tab = new BrowserTab(session, await Chromium.NewPageAsync(session.Browser, options));
        tab.Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                tab.ConsoleErrors.Add(message.Text);
            }
        };
        tab.Page.PageError += (_, error) => tab.ConsoleErrors.Add(error);
        return tab;
    }

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
}

/// <summary>
/// axe-core over the page as it is, in light and then dark mode (<see cref="AxeSchemes"/>), without loading it again:
/// the colour scheme is a media feature the theme's CSS follows as it changes (no transitions), and the theme's script
/// only reads it when the reader presses the toggle, so the dark run sees the same markup in the dark colours.
/// </summary>
public static class AxeSweep
{
    /// <summary>The serious and critical violations of the page in both schemes, each labelled with the scheme and <paramref name="where"/>.</summary>
    public static async Task<List<string>> BothSchemesAsync(IPage page, string where, bool everyRuleInDark = false)
    {
        var failures = new List<string>();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            await page.WaitForFunctionAsync("dark => matchMedia('(prefers-color-scheme: dark)').matches === dark", scheme == ColorScheme.Dark);
            var results = await page.RunAxe(everyRuleInDark ? null : AxeSchemes.For(scheme));
            failures.AddRange(results.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{scheme} {where}: {v.Id} ({string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))})"));
        }
        // The next page opens in light mode, as it would for a reader who did not choose.
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        return failures;
    }
}
