using Deque.AxeCore.Playwright;
using Hub.Site.Tests.Glossary;
using Hub.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hub.Site.Tests.Browser;

/// <summary>
/// A term in a catalogue question embedded in an article (<c>:::questions</c>) explains itself in Chromium, under the
/// page's strict Content-Security-Policy, as in the article's text: on hover, on keyboard focus (Tab then reaches the
/// question's link beside the text) and on a tap on a phone.
/// </summary>
[Collection("browser")]
public sealed class GlossaryEmbedBrowserTests
{
    [BrowserFact]
    public async Task ATermInEmbeddedQuestionTextShowsItsDefinitionOnHoverFocusAndTap()
    {
        using var site = new TestSite(EmbeddedQuestionTermTests.Files());
        await using var session = await BrowserSession.StartAsync(site);
        var page = session.Page;
        await page.GotoAsync(session.Url("ja/articles/embed/"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var definition = page.Locator("#term-product");
        var button = page.Locator(".questions-embed .question-link-text button[aria-describedby='term-product']");
        await Assertions.Expect(definition).ToBeHiddenAsync();

        // Mouse.
        await button.HoverAsync();
        await Assertions.Expect(definition).ToBeVisibleAsync();
        await page.Locator("h1").HoverAsync();
        await Assertions.Expect(definition).ToBeHiddenAsync();

        // Keyboard: focus shows it, Escape hides it, Tab goes on to the question's own link.
        await button.FocusAsync();
        await Assertions.Expect(definition).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(definition).ToBeHiddenAsync();
        await Assertions.Expect(button).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        var open = page.Locator(".questions-embed .question-link").First.Locator("a.question-link-open");
        await Assertions.Expect(open).ToBeFocusedAsync();
        await Assertions.Expect(open).ToHaveAccessibleNameAsync("質問へ移動 #q-01");
        await Assertions.Expect(definition).ToBeHiddenAsync();

        // Touch, on a 390 px phone.
        await using var phone = await BrowserTab.OpenAsync(session, BrowserTab.Phone);
        var mobile = phone.Page;
        await mobile.GotoAsync(session.Url("ja/articles/embed/"));
        await mobile.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var tapped = mobile.Locator("#term-product");
        await Assertions.Expect(tapped).ToBeHiddenAsync();
        await mobile.Locator(".questions-embed button[aria-describedby='term-product']").TapAsync();
        await Assertions.Expect(tapped).ToBeVisibleAsync();
        await mobile.Locator("h1").TapAsync();
        await Assertions.Expect(tapped).ToBeHiddenAsync();

        Assert.Empty(phone.ConsoleErrors);
        Assert.Empty(session.ConsoleErrors);
    }

    [BrowserFact]
    public async Task EmbeddedQuestionsAndAKpiPagesQuestionsHaveNoSeriousAccessibilityViolations()
    {
        using var site = new TestSite(EmbeddedQuestionTermTests.Files());
        await using var session = await BrowserSession.StartAsync(site);
        var page = session.Page;
        var failures = new List<string>();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            foreach (var path in new[] { "ja/articles/embed/", "ja/kpis/churn-rate/" })
            {
                await page.GotoAsync(session.Url(path));
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                var results = await page.RunAxe(AxeSchemes.For(scheme));
                failures.AddRange(results.Violations.Where(v => v.Impact is "serious" or "critical")
                    .Select(v => $"{scheme} {path}: {v.Id} ({string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))})"));
            }
        }
        Assert.Empty(failures);
        Assert.Empty(session.ConsoleErrors);
    }
}
