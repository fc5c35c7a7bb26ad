using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Hub.Cli.Commands;
using Hub.Cli.Serve;
using Hub.Core.Diagnostics;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Serve;

/// <summary>
/// What <c>hub serve</c> tells the author beyond the terminal (issue 19, items 5 and 6): a failed build's diagnostics
/// as an <c>errors</c> event for the page's overlay (kept for pages that connect later, forgotten once a build
/// succeeds), and drafts shown with a banner while <c>hub build</c> leaves them out.
/// </summary>
public sealed class ServeFeedbackTests
{
    private const string Welcome = "---\ntitle: ようこそ\n---\n\n本文です。\n";

    private static Dictionary<string, string> Site() => new()
    {
        ["articles/welcome.md"] = Welcome,
        ["articles/guide.en.md"] = "---\ntitle: Getting started\n---\n\nBody.\n",
        ["articles/plans.md"] = "---\ntitle: 計画中\ndraft: true\n---\n\n下書きの本文。\n",
    };

    [Fact]
    public void TheErrorsEventIsOneLineOfJsonWithEveryFieldOfEachDiagnostic()
    {
        var frame = ServerEvents.Errors(
        [
            new Diagnostic(Severity.Error, DiagnosticCodes.BrokenLink.Code, new SourceLocation("input/articles/a.md", 5, 9), "link to '<img src=x onerror=alert(1)>'\nhere", "did you mean 'b.md'?"),
            new Diagnostic(Severity.Warning, "HUB0999", SourceLocation.FileOnly("input/hub.yml"), "a warning"),
        ]);
        Assert.StartsWith("event: errors\ndata: ", frame, StringComparison.Ordinal);
        Assert.EndsWith("\n\n", frame, StringComparison.Ordinal);
        var data = frame["event: errors\ndata: ".Length..^2];
        Assert.DoesNotContain('\n', data);
        Assert.DoesNotContain('<', data);
        using var json = JsonDocument.Parse(data);
        var items = json.RootElement.EnumerateArray().Select(e =>
            $"{e.GetProperty("file").GetString()}|{e.GetProperty("line").GetInt32()}|{e.GetProperty("column").GetInt32()}|{e.GetProperty("code").GetString()}|"
            + $"{e.GetProperty("severity").GetString()}|{e.GetProperty("message").GetString()}|{e.GetProperty("hint").GetString() ?? "null"}").ToList();
        Assert.Equal(
        [
            "input/articles/a.md|5|9|HUB0401|error|link to '<img src=x onerror=alert(1)>'\nhere|did you mean 'b.md'?",
            "input/hub.yml|0|0|HUB0999|warning|a warning|null",
        ], items);
    }

    [Fact]
    public async Task AFailedRebuildIsSentToOpenPagesAndToPagesThatConnectUntilABuildSucceeds()
    {
        using var site = new TestSite(Site());
        await using var server = await DevServerSecurityTests.Served.StartAsync(site);
        await using var open = await Events.ConnectAsync(server);

        var broken = Rebuild(server);
        site.Write("articles/welcome.md", "---\ntitle: ようこそ\n---\n\n本文です。[次へ](missing.md)\n");
        Assert.False(await broken);
        var expected = $"{Path.Combine(site.Input, "articles", "welcome.md")}(5,11): error HUB0401: link to 'missing.md' points to a missing file ({Path.Combine(site.Input, "articles", "missing.md")})";
        Assert.Equal([expected], Describe(await open.NextAsync("errors")));

        // A page opened now (or reloaded by hand) shows the same errors at once.
        await using (var late = await Events.ConnectAsync(server))
        {
            Assert.Equal([expected], Describe(await late.NextAsync("errors")));
        }

        var fixedBuild = Rebuild(server);
        site.Write("articles/welcome.md", Welcome);
        Assert.True(await fixedBuild);
        Assert.Equal("reload", (await open.NextAsync("message")).Data);

        // Once a build succeeded the old errors are gone: a page connecting now hears only of the next failure.
        await using var after = await Events.ConnectAsync(server);
        var again = Rebuild(server);
        site.Write("articles/welcome.md", "---\ntitle: ようこそ\n---\n\n[前へ](gone.md)\n");
        Assert.False(await again);
        var next = Assert.Single(Describe(await after.NextAsync("errors")));
        Assert.Contains("link to 'gone.md' points to a missing file", next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServeShowsDraftsWithABannerAndBuildLeavesThemOut()
    {
        var root = HubCommandLine.CreateRoot(new CliConsole(TextWriter.Null, TextWriter.Null));
        Assert.True(ServeCommand.OptionsFrom(root.Parse(["serve"])).Drafts);
        Assert.False(ServeCommand.OptionsFrom(root.Parse(["serve", "--no-drafts"])).Drafts);
        Assert.False(BuildCommand.OptionsFrom(root.Parse(["build"])).Drafts);

        using var site = new TestSite(Site());
        await using (var server = await DevServerSecurityTests.Served.StartAsync(site, drafts: true))
        {
            var draft = await server.GetAsync("ja/articles/plans/");
            Assert.Equal(HttpStatusCode.OK, draft.Status);
            var banner = Assert.Single(new HtmlParser().ParseDocument(draft.Body).QuerySelectorAll("main .draft-banner"));
            Assert.Equal("note", banner.GetAttribute("role"));
            Assert.Equal("下書き: draft: true を外すまで、このページは公開されません。", banner.TextContent);
            var published = await server.GetAsync("ja/articles/welcome/");
            Assert.Empty(new HtmlParser().ParseDocument(published.Body).QuerySelectorAll(".draft-banner"));
        }

        site.BuildOk();
        Assert.False(site.OutputExists("ja/articles/plans/index.html"));
        Assert.True(site.OutputExists("ja/articles/welcome/index.html"));
    }

    [Fact]
    public void ADraftBuiltWithDraftsHasTheBannerInItsLanguageAndOtherPagesHaveNone()
    {
        using var site = new TestSite(new Dictionary<string, string>(Site())
        {
            ["articles/plans.ko.md"] = "---\ntitle: 계획\ndraft: true\n---\n\n초안.\n",
            ["articles/plans.en.md"] = "---\ntitle: Plans\ndraft: true\n---\n\nDraft.\n",
        });
        Assert.True(SiteBuilder.Build(site.Options() with { Drafts = true }).Succeeded);
        Assert.Equal("下書き: draft: true を外すまで、このページは公開されません。", Banner(site, "ja/articles/plans/"));
        Assert.Equal("초안: draft: true를 지우기 전까지 이 페이지는 게시되지 않습니다.", Banner(site, "ko/articles/plans/"));
        Assert.Equal("Draft: this page is not published until you remove draft: true.", Banner(site, "en/articles/plans/"));
        foreach (var page in new[] { "ja/articles/welcome/", "en/articles/guide/", "ja/", "ja/articles/" })
        {
            Assert.Empty(site.Html(page).QuerySelectorAll(".draft-banner"));
        }
    }

    private static string? Banner(TestSite site, string page)
    {
        var banner = Assert.Single(site.Html(page).QuerySelectorAll("main > .draft-banner"));
        Assert.Equal("note", banner.GetAttribute("role"));
        return banner.TextContent;
    }

    /// <summary>Completes with whether the next rebuild that a file change triggers succeeds.</summary>
    private static Task<bool> Rebuild(DevServerSecurityTests.Served server)
    {
        var rebuilt = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Once(bool ok)
        {
            server.Server.Rebuilt -= Once;
            rebuilt.TrySetResult(ok);
        }
        server.Server.Rebuilt += Once;
        return rebuilt.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>An <c>errors</c> event's diagnostics as the terminal prints them.</summary>
    private static List<string> Describe((string Event, string Data) frame)
    {
        using var json = JsonDocument.Parse(frame.Data);
        return json.RootElement.EnumerateArray().Select(e =>
        {
            var hint = e.GetProperty("hint").GetString();
            var text = $"{e.GetProperty("file").GetString()}({e.GetProperty("line").GetInt32()},{e.GetProperty("column").GetInt32()}): "
                + $"{e.GetProperty("severity").GetString()} {e.GetProperty("code").GetString()}: {e.GetProperty("message").GetString()}";
            return hint is null ? text : $"{text} ({hint})";
        }).ToList();
    }

    /// <summary>One page's event stream (<c>__hub/events</c>), read frame by frame.</summary>
    private sealed class Events : IAsyncDisposable
    {
        private readonly HttpClient _http = new();
        private HttpResponseMessage _response = null!;
        private StreamReader _reader = null!;

        public static async Task<Events> ConnectAsync(DevServerSecurityTests.Served server)
        {
            var events = new Events();
            var url = server.Origin + new Uri(server.Address).AbsolutePath + DevServer.EventsPath;
            events._response = await events._http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal("text/event-stream", events._response.Content.Headers.ContentType?.MediaType);
            events._reader = new StreamReader(await events._response.Content.ReadAsStreamAsync());
            // The server's first words: the stream is open, so later broadcasts reach it.
            Assert.Equal(": connected", await events._reader.ReadLineAsync());
            Assert.Equal(string.Empty, await events._reader.ReadLineAsync());
            return events;
        }

        /// <summary>
        /// The next <paramref name="expected"/> event (<c>message</c> when unnamed). Others before it are passed over:
        /// one save can make an editor write twice, and each failed build repeats its errors.
        /// </summary>
        public async Task<(string Event, string Data)> NextAsync(string expected)
        {
            while (true)
            {
                var frame = await FrameAsync();
                if (frame.Event == expected)
                {
                    return frame;
                }
            }
        }

        private async Task<(string Event, string Data)> FrameAsync()
        {
            var name = "message";
            var data = new List<string>();
            while (true)
            {
                var line = await _reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60))
                    ?? throw new EndOfStreamException("the server closed the event stream");
                if (line.Length == 0 && data.Count > 0)
                {
                    return (name, string.Join('\n', data));
                }
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data.Add(line["data: ".Length..]);
                }
            }
        }

        public ValueTask DisposeAsync()
        {
            _reader.Dispose();
            _response.Dispose();
            _http.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
