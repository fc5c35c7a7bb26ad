using Hub.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hub.Site.Tests.Browser;

/// <summary>Reading on a phone (issue 20, item 7): a wide table scrolls sideways inside the text instead of squeezing its columns.</summary>
[Collection("browser")]
public sealed class ReadingBrowserTests
{
    [BrowserFact]
    public async Task OnAPhoneAWideTableScrollsSidewaysAndThePageDoesNot()
    {
        var header = "| " + string.Join(" | ", Enumerable.Range(1, 8).Select(i => $"列{i}の見出し")) + " |";
        var rule = "|" + string.Concat(Enumerable.Repeat("---|", 8));
        var row = "| " + string.Join(" | ", Enumerable.Range(1, 8).Select(i => $"値{i}とその説明")) + " |";
        using var site = new TestSite(Fixtures.BasicWith(("articles/wide.md", $"---\ntitle: 広い表\n---\n\n{header}\n{rule}\n{row}\n")));
        await using var session = await BrowserSession.StartAsync(site);
        await session.Page.SetViewportSizeAsync(390, 844);
        await session.Page.GotoAsync(session.Url("ja/articles/wide/"));
        var table = session.Page.Locator(".prose table");
        await Assertions.Expect(table).ToBeVisibleAsync();
        Assert.True(await table.EvaluateAsync<bool>("t => t.scrollWidth > t.clientWidth"), "the table does not scroll");
        var cellWidth = await session.Page.EvalOnSelectorAsync<double>(".prose td", "td => td.getBoundingClientRect().width");
        Assert.True(cellWidth >= 60, $"a cell is squeezed to {cellWidth}px");
        Assert.False(await session.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways");
        Assert.Empty(session.ConsoleErrors);
    }
}
