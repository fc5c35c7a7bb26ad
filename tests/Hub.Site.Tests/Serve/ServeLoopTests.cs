using Hub.Site.Serve;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Serve;

/// <summary>
/// Serve's core without the web server: the loop builds on change, one build at a time, learns the base path from the
/// build, builds a deleted output folder again when asked, and stops without leaving a request waiting.
/// </summary>
public sealed class ServeLoopTests
{
    private static Dictionary<string, string> Site() => new()
    {
        ["articles/welcome.md"] = "---\ntitle: ようこそ\n---\n\n本文です。\n",
        ["articles/guide.en.md"] = "---\ntitle: Getting started\n---\n\nBody.\n",
    };

    [Fact]
    public async Task AChangeIsAnUpdateAndHubYmlsBasePathComesFromTheBuild()
    {
        using var site = new TestSite(Site());
        await using var loop = new ServeLoop(new ServeSettings(site.Options()));
        var builds = new List<ServeBuild>();
        loop.Built += build =>
        {
            lock (builds)
            {
                builds.Add(build);
            }
        };

        var first = await loop.StartAsync();
        Assert.Equal((BuildTrigger.Start, "build", true), (first.Trigger, first.Verb, first.Result.Succeeded));
        Assert.Equal("/cs-hub/", loop.BasePath);

        var edited = NextChange(loop);
        site.Write("articles/guide.en.md", "---\ntitle: Getting started (edited)\n---\n\nBody.\n");
        loop.Changed(false, Path.Combine(site.Input, "articles", "guide.en.md"));
        var update = await edited.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(("update", true), (update.Verb, update.Result.Succeeded));
        Assert.Equal("Getting started (edited)", site.Html("/en/articles/guide/").QuerySelector("h1")?.TextContent.Trim());

        // hub.yml is not tracked by the session: a full build, whose configuration has the new base path.
        var configured = NextChange(loop, b => b.Verb == "build");
        site.Write("hub.yml", TestSite.DefaultConfig.Replace("https://example.github.io/cs-hub/", "https://example.github.io/handbook/", StringComparison.Ordinal));
        loop.Changed(false, Path.Combine(site.Input, "hub.yml"));
        var full = await configured.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(full.Result.Succeeded);
        Assert.Equal("/handbook/", loop.BasePath);
        lock (builds)
        {
            Assert.Equal(BuildTrigger.Start, builds[0].Trigger);
            Assert.All(builds.Skip(1), b => Assert.Equal(BuildTrigger.Change, b.Trigger));
        }
    }

    [Fact]
    public async Task ADeletedOutputIsBuiltAgainBeforeTheRequestGoesOn()
    {
        using var site = new TestSite(Site());
        var loop = new ServeLoop(new ServeSettings(site.Options()));
        await using (loop)
        {
            Assert.True((await loop.StartAsync()).Result.Succeeded);
            var before = site.OutputFiles().ToList();

            Directory.Delete(site.Output, recursive: true);
            await loop.EnsureOutputAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(before, site.OutputFiles().ToList());
        }

        // Once stopped, nothing builds, and a request that finds the output gone is not left waiting.
        Directory.Delete(site.Output, recursive: true);
        await loop.EnsureOutputAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task AFailedFirstBuildIsNotRepeatedForEveryRequest()
    {
        var files = Site();
        files["articles/welcome.md"] = "---\ntitle: ようこそ\n---\n\n[x](nowhere.md)\n";
        using var site = new TestSite(files);
        await using var loop = new ServeLoop(new ServeSettings(site.Options()));
        var builds = 0;
        loop.Built += _ => Interlocked.Increment(ref builds);

        Assert.False((await loop.StartAsync()).Result.Succeeded);
        await loop.EnsureOutputAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(1, Volatile.Read(ref builds));
        Assert.False(Directory.Exists(site.Output));
    }

    /// <summary>The next build a change triggers that <paramref name="match"/> accepts (any by default).</summary>
    private static Task<ServeBuild> NextChange(ServeLoop loop, Func<ServeBuild, bool>? match = null)
    {
        var next = new TaskCompletionSource<ServeBuild>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Once(ServeBuild build)
        {
            if (build.Trigger == BuildTrigger.Change && (match?.Invoke(build) ?? true))
            {
                loop.Built -= Once;
                next.TrySetResult(build);
            }
        }
        loop.Built += Once;
        return next.Task;
    }
}
