using System.Runtime.InteropServices;

namespace Hub.Site.Tests.Browser;

/// <summary>
/// Finds the Chromium the browser tests drive, so <c>dotnet test</c> runs wherever .NET does: <c>HUB_CHROMIUM</c>
/// first (an explicit choice wins), then the usual executable names on <c>PATH</c>, then the browsers Playwright
/// installs itself. When none is found the browser tests are skipped with <see cref="MissingReason"/>, visibly.
/// </summary>
public static class Chromium
{
    private static readonly Lazy<Location> Found = new(() => Locate(Environment.GetEnvironmentVariable, InstalledApplications()));

    /// <summary>The executable to launch, or null to let Playwright launch its own installed Chromium.</summary>
    public static string? ExecutablePath => Found.Value.Path;

    /// <summary>
    /// How long a test waits for a page state before failing. Waits end as soon as the state is reached; the bound is
    /// generous because on a loaded CI machine a page with a live-reload server behind it can take a while to load.
    /// </summary>
    public const float WaitBound = 120_000;

    /// <summary>A new page whose waits (navigation, locators, load states) are bounded by <see cref="WaitBound"/>.</summary>
    public static async Task<Microsoft.Playwright.IPage> NewPageAsync(Microsoft.Playwright.IBrowser browser, Microsoft.Playwright.BrowserNewPageOptions? options = null)
    {
        var page = await browser.NewPageAsync(options);
        page.SetDefaultTimeout(WaitBound);
        page.SetDefaultNavigationTimeout(WaitBound);
        return page;
    }

    /// <summary>The arguments every test browser is launched with.</summary>
    public static Microsoft.Playwright.BrowserTypeLaunchOptions LaunchOptions => new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    };

    private static readonly SemaphoreSlim SharedGate = new(1, 1);
    private static (Microsoft.Playwright.IPlaywright Playwright, Microsoft.Playwright.IBrowser Browser)? _shared;

    /// <summary>
    /// One Chromium for the test run, launched on first use: starting a browser costs more than most browser tests
    /// take. Sessions isolate themselves in browser contexts of their own (fresh cookies, storage and cache). A
    /// browser that disconnected (crashed) is replaced; the last one ends with the test process.
    /// </summary>
    public static async Task<(Microsoft.Playwright.IPlaywright Playwright, Microsoft.Playwright.IBrowser Browser)> SharedAsync()
    {
        await SharedGate.WaitAsync();
        try
        {
            if (_shared is { } shared && shared.Browser.IsConnected)
            {
                return shared;
            }
            _shared?.Playwright.Dispose();
            var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(LaunchOptions);
            if (_shared is null)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => CloseShared();
            }
            _shared = (playwright, browser);
            return _shared.Value;
        }
        finally
        {
            SharedGate.Release();
        }
    }

    /// <summary>Ends the Playwright driver, which closes the browsers it launched.</summary>
    private static void CloseShared() => _shared?.Playwright.Dispose();

    /// <summary>Why the browser tests cannot run here, or null when a browser was found.</summary>
    public static string? MissingReason => Found.Value.Missing;

    /// <summary>Where the browser is (null: Playwright's own), or why there is none.</summary>
    public sealed record Location(string? Path, string? Missing);

    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];

    /// <summary>Looks for a Chromium with the environment read through <paramref name="environment"/> (tests pass their own).</summary>
    public static Location Locate(Func<string, string?> environment, IEnumerable<string> applications)
    {
        var chosen = environment("HUB_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(chosen))
        {
            return File.Exists(chosen)
                ? new Location(chosen, null)
                : new Location(null, $"HUB_CHROMIUM is set to '{chosen}', which does not exist");
        }

        var onPath = FindOnPath(environment("PATH") ?? string.Empty) ?? applications.FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            return new Location(onPath, null);
        }

        if (PlaywrightHasChromium(environment("PLAYWRIGHT_BROWSERS_PATH")))
        {
            return new Location(null, null);
        }

        return new Location(null,
            "no Chromium found: set HUB_CHROMIUM to a Chromium or Chrome executable, put chromium on PATH, " +
            "or install Playwright's browsers (pwsh bin/Debug/net10.0/playwright.ps1 install chromium)");
    }

    private static string? FindOnPath(string path)
    {
        var windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
        foreach (var folder in path.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in Names)
            {
                var candidate = System.IO.Path.Combine(folder, windows ? name + ".exe" : name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Browsers installed as applications rather than commands (macOS keeps them out of PATH).</summary>
    private static IEnumerable<string> InstalledApplications() => RuntimeInformation.IsOSPlatform(OSPlatform.OSX)
        ? ["/Applications/Chromium.app/Contents/MacOS/Chromium", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"]
        : [];

    /// <summary>Playwright keeps its browsers in <c>PLAYWRIGHT_BROWSERS_PATH</c> or a per-user cache folder.</summary>
    private static bool PlaywrightHasChromium(string? root)
    {
        if (string.IsNullOrEmpty(root) || root == "0")
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            root = RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
                ? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "ms-playwright")
                : RuntimeInformation.IsOSPlatform(OSPlatform.OSX)
                    ? System.IO.Path.Combine(home, "Library", "Caches", "ms-playwright")
                    : System.IO.Path.Combine(home, ".cache", "ms-playwright");
        }

        return Directory.Exists(root)
            && Directory.EnumerateDirectories(root, "chromium-*").Any();
    }
}

/// <summary>A test that needs Chromium: skipped, with the reason shown, on a machine without one.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A data-driven test that needs Chromium: skipped, with the reason shown, on a machine without one.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (Chromium.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
