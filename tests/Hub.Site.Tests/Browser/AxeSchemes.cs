using Deque.AxeCore.Commons;

namespace Hub.Site.Tests.Browser;

/// <summary>
/// What axe-core runs in each colour scheme. Dark mode changes the theme's colours and nothing else, so after a full
/// run in light mode a page is checked in dark mode by the rules that read colours only: the other rules would see the
/// same markup again, and a full axe run is the costliest step of a browser test.
/// </summary>
public static class AxeSchemes
{
    /// <summary>The rules whose verdict depends on colours: text contrast and links told apart from text by colour.</summary>
    public static IReadOnlyList<string> ColourRules { get; } = ["color-contrast", "link-in-text-block"];

    /// <summary>The options for a run in <paramref name="scheme"/>: every rule in light mode, <see cref="ColourRules"/> in dark.</summary>
    public static AxeRunOptions? For(Microsoft.Playwright.ColorScheme scheme) =>
        scheme == Microsoft.Playwright.ColorScheme.Dark
            ? new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "rule", Values = [.. ColourRules] } }
            : null;
}
