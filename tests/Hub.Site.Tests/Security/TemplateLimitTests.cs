using Hub.Site.Tests.Infrastructure;
using static Hub.Site.Tests.Security.Verdicts;

namespace Hub.Site.Tests.Security;

/// <summary>A theme that loops or recurses without end is an error at its line, never a hang or a stack overflow.</summary>
public sealed class TemplateLimitTests
{
    /// <summary>Far more than the build needs; reaching it means the loop was not stopped.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static async Task<List<string>> ErrorsWithin(Dictionary<string, string> files)
    {
        // WaitAsync fails the test with a TimeoutException if the render hangs.
        return await Task.Run(() => Errors(files)).WaitAsync(Patience);
    }

    [Fact]
    public async Task AnEndlessWhileIsAnErrorAtItsLine()
    {
        var errors = await ErrorsWithin(With(("_theme/layouts/article.scriban-html", "<main>\n{{ n = 0 }}\n{{ while true; n = n + 1; end }}\n</main>\n")));
        Assert.Equal(["_theme/layouts/article.scriban-html(3,4): error HUB0503: Exceeding number of iteration limit `100000` for loop statement. (a loop that never ends, or a function or include that calls itself without end?)"], errors);
    }

    [Fact]
    public async Task ASelfRecursiveFunctionIsAnErrorAtTheCall()
    {
        var errors = await ErrorsWithin(With(("_theme/layouts/article.scriban-html", "{{ func down(n)\n  ret down(n + 1)\nend }}\n<main>{{ down 1 }}</main>\n")));
        Assert.Equal(["_theme/layouts/article.scriban-html(2,7): error HUB0503: Exceeding number of recursive depth limit `64` for node: `down(n+1)` (a loop that never ends, or a function or include that calls itself without end?)"], errors);
    }

    [Fact]
    public async Task AnIncludeOfItselfIsAnErrorAtTheInclude()
    {
        var errors = await ErrorsWithin(With(
            ("_theme/layouts/article.scriban-html", "<main>{{ include 'loop' }}</main>\n"),
            ("_theme/partials/loop.scriban-html", "x\n{{ include 'loop' }}\n")));
        Assert.Equal(["_theme/partials/loop.scriban-html(2,4): error HUB0503: Exceeding number of recursive depth limit `64` for node: `include 'loop'` (a loop that never ends, or a function or include that calls itself without end?)"], errors);
    }

    [Fact]
    public async Task ALongButFiniteLoopStillRenders()
    {
        using var site = new TestSite(With(("_theme/layouts/article.scriban-html", "<main class=\"prose\">{{ for i in 1..50000 }}{{ end }}{{ n = 0 }}{{ while n < 50000; n = n + 1; end }}{{ n }}</main>\n")));
        await Task.Run(() => site.BuildOk()).WaitAsync(Patience);
        Assert.Equal("50000", site.Html("/ja/articles/retention/").QuerySelector("main.prose")!.TextContent.Trim());
    }
}
