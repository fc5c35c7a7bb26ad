using System.Diagnostics;
using Hub.Cli.Commands;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Security;

/// <summary>
/// Issue 17, part 1: files come only from inside their roots. A secret is planted outside the input and linked from
/// every folder Hub reads; the build and check refuse it at the link with the same verdict, and the secret's text
/// reaches no output file. Dangling links, loops and FIFOs are errors, never a hang or a stack trace.
/// </summary>
public sealed class SymlinkTests : IDisposable
{
    private const string Secret = "GITHUB_TOKEN=ghs_planted_by_SymlinkTests_7f3a";
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private readonly string _outside = Directory.CreateTempSubdirectory("hub-secret-").FullName;

    public SymlinkTests()
    {
        File.WriteAllText(SecretFile, Secret + "\n");
        File.WriteAllText(Path.Combine(_outside, "leak.md"), $"---\ntitle: leak\n---\n\n{Secret}\n");
        File.WriteAllText(Path.Combine(_outside, "leak.yml"), $"title: {Secret}\n");
        File.WriteAllText(Path.Combine(_outside, "leak.scriban-html"), Secret + "\n");
    }

    private string SecretFile => Path.Combine(_outside, "secret.txt");

    public void Dispose() => Directory.Delete(_outside, recursive: true);

    [Theory]
    [InlineData("static/env.txt", "secret.txt")]
    [InlineData("static/more", "")]
    [InlineData("articles/leak.md", "leak.md")]
    [InlineData("articles/shared", "")]
    [InlineData("catalogues/leak.yml", "leak.yml")]
    [InlineData("kpis/leak.md", "leak.md")]
    [InlineData("hub.yml", "leak.yml")]
    public void ALinkOutOfTheInputFailsBuildAndCheckAlikeAndPublishesNothing(string link, string target)
    {
        using var site = new TestSite(Fixtures.Basic());
        site.BuildOk();
        var before = Snapshot(site);

        Link(site, link, Path.Combine(_outside, target));
        var (build, check) = BuildAndCheck(site);

        Assert.Equal([$"{link}: error HUB0110: {Outside("input folder")}"], Shown(site, build));
        Assert.Equal(Shown(site, build), Shown(site, check));
        Assert.Equal(before, Snapshot(site));
        AssertSecretNowhere(site);
    }

    [Fact]
    public void ALinkOutOfTheSitesThemeFolderOrOutOfTheThemeIsRefused()
    {
        using var site = new TestSite(Fixtures.Basic());
        var theme = CopyOfTheTheme(site);
        site.BuildOk();
        var before = Snapshot(site);
        Link(site, "_theme/assets/leak.txt", SecretFile);
        File.CreateSymbolicLink(Path.Combine(theme, "assets", "env.txt"), SecretFile);
        Directory.CreateSymbolicLink(Path.Combine(theme, "i18n", "more"), _outside);

        var (build, check) = BuildAndCheck(site, theme);

        var themeShown = theme.Replace('\\', '/');
        Assert.Equal(
        [
            $"_theme/assets/leak.txt: error HUB0110: {Outside("theme folder")}",
            $"{themeShown}/assets/env.txt: error HUB0110: {Outside("theme folder")}",
            $"{themeShown}/i18n/more: error HUB0110: {Outside("theme folder")}",
        ], Shown(site, build));
        Assert.Equal(Shown(site, build), Shown(site, check));
        Assert.Equal(before, Snapshot(site));
        AssertSecretNowhere(site);
    }

    [Fact]
    public void AnIncludeThatLeavesTheThemeStackIsATemplateErrorNotARead()
    {
        using var site = new TestSite(Fixtures.Basic());
        var escape = Path.GetRelativePath(Path.Combine(site.Input, "_theme", "partials"), Path.Combine(_outside, "leak")).Replace('\\', '/');
        site.Write("_theme/partials/footer.scriban-html", $"<footer>{{{{ include '{escape}' }}}}</footer>\n");

        var (build, check) = BuildAndCheck(site);

        var error = Assert.Single(build.Diagnostics);
        Assert.Equal(("HUB0501", 1, 12), (error.Code, error.Location.Line, error.Location.Column));
        Assert.Equal($"partial 'partials/{escape}.scriban-html' was not found in the theme", error.Message);
        Assert.EndsWith("input/_theme/partials/footer.scriban-html", error.Location.File, StringComparison.Ordinal);
        Assert.Equal(Shown(site, build), Shown(site, check));
        AssertSecretNowhere(site);
    }

    [Fact]
    public void LinksInsideTheInputAreFollowed()
    {
        using var site = new TestSite(Fixtures.Basic());
        site.Write("shared/docs/guide.txt", "a shared guide\n");
        site.Write("drafts/extra.md", "---\ntitle: Linked in\nlang: en\n---\n\nFrom elsewhere in the input.\n");
        Link(site, "static/docs", Path.Combine(site.Input, "shared", "docs"));
        Link(site, "static/readme.txt", Path.Combine(site.Input, "shared", "docs", "guide.txt"));
        Link(site, "articles/extra.en.md", Path.Combine("..", "drafts", "extra.md"));

        site.BuildOk();

        Assert.Equal("a shared guide\n", site.ReadOutput("/docs/guide.txt"));
        Assert.Equal("a shared guide\n", site.ReadOutput("/readme.txt"));
        Assert.Equal("Linked in", site.Html("/en/articles/extra/").QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void DanglingLinksAndLoopsAreLocatedErrors()
    {
        using var site = new TestSite(Fixtures.Basic());
        Link(site, "static/gone.txt", Path.Combine(site.Input, "static", "nowhere.txt"));
        Link(site, "static/a", "b");
        Link(site, "static/b", "a");
        Link(site, "static/nested/up", "..");
        Link(site, "articles/gone.md", "missing.md");

        var (build, check) = BuildAndCheck(site);

        Assert.Equal(
        [
            "articles/gone.md: error HUB0111: this is a symbolic link to a path that does not exist",
            "static/a: error HUB0111: this is a symbolic link that leads back to itself (a loop)",
            "static/b: error HUB0111: this is a symbolic link that leads back to itself (a loop)",
            "static/gone.txt: error HUB0111: this is a symbolic link to a path that does not exist",
            "static/nested/up: error HUB0111: this is a symbolic link to a folder that contains it (a loop)",
        ], Shown(site, build));
        Assert.Equal(Shown(site, build), Shown(site, check));
    }

    [Fact]
    public void AFifoIsRefusedWithoutOpeningIt()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no FIFOs in a Windows file system
        }
        using var site = new TestSite(Fixtures.Basic());
        MakeFifo(Path.Combine(site.Input, "static", "pipe"));
        MakeFifo(Path.Combine(site.Input, "articles", "pipe.md"));
        MakeFifo(Path.Combine(site.Input, "_theme", "i18n", "en.yml"));

        // The fingerprint hashes every input file first: with it on, nothing may wait for a writer either.
        var build = Bounded(() => SiteBuilder.Build(site.Options() with { UpToDate = UpToDateCheck.Skip }));
        var check = Bounded(() => SiteBuilder.Build(site.Options() with { WriteOutput = false }));

        const string NotRegular = "error HUB0111: this is not a regular file (a FIFO, socket or device cannot be read)";
        Assert.Equal(
        [
            $"_theme/i18n/en.yml: {NotRegular}",
            $"articles/pipe.md: {NotRegular}",
            $"static/pipe: {NotRegular}",
        ], Shown(site, build));
        Assert.Equal(Shown(site, build), Shown(site, check));
    }

    [Fact]
    public void TheCommandLineReportsEveryRefusedFileWithoutAStackTrace()
    {
        using var site = new TestSite(Fixtures.Basic());
        Link(site, "static/env.txt", SecretFile);
        Link(site, "static/a", "b");
        Link(site, "static/b", "a");
        Link(site, "articles/gone.md", "missing.md");

        foreach (var args in new[]
        {
            new[] { "build", "--input", site.Input, "--theme", TestSite.Theme, "--output", site.Output },
            ["check", "--input", site.Input, "--theme", TestSite.Theme],
        })
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var exit = Bounded(() => HubCommandLine.Run(args, stdout, stderr));
            var all = stdout.ToString() + stderr;
            Assert.Equal(1, exit);
            Assert.Contains("static/env.txt: error HUB0110:", all, StringComparison.Ordinal);
            Assert.Contains("static/a: error HUB0111:", all, StringComparison.Ordinal);
            Assert.Contains("articles/gone.md: error HUB0111:", all, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", all, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, all, StringComparison.Ordinal);
        }
        AssertSecretNowhere(site);
    }

    [Fact]
    public void ServeReportsALinkOutOfTheInputAsTheFullBuildDoes()
    {
        using var site = new TestSite(Fixtures.Basic());
        var (first, session) = SiteBuilder.BuildSession(site.Options());
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Link(site, "articles/leak.md", Path.Combine(_outside, "leak.md"));

        var update = session!.TryRebuildPage(Path.Combine(site.Input, "articles", "leak.md"));

        Assert.NotNull(update);
        Assert.False(update.Succeeded);
        Assert.Equal([$"articles/leak.md: error HUB0110: {Outside("input folder")}"], Shown(site, update));
        AssertSecretNowhere(site);
    }

    private static string Outside(string root) =>
        $"this is a symbolic link to a path outside the {root} (Hub reads files only from inside it: copy what the link points to into the {root} instead)";

    private static (BuildResult Build, BuildResult Check) BuildAndCheck(TestSite site, string? theme = null)
    {
        var options = site.Options() with { Theme = theme ?? TestSite.Theme };
        return (Bounded(() => SiteBuilder.Build(options)), Bounded(() => SiteBuilder.Build(options with { WriteOutput = false })));
    }

    /// <summary>Runs a build that must not hang: one still running after a generous bound fails the test.</summary>
    private static T Bounded<T>(Func<T> run)
    {
        var task = Task.Factory.StartNew(run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.True(task.Wait(Bound), "the build hung");
        return task.Result;
    }

    private static List<string> Shown(TestSite site, BuildResult result)
    {
        return site.Shown(result);
    }

    private static void Link(TestSite site, string link, string target)
    {
        var path = Path.Combine(site.Input, link);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path); // hub.yml: the fixture's own file gives way to the link
        if (Directory.Exists(target) || target.EndsWith("..", StringComparison.Ordinal) || target.Length == 0)
        {
            Directory.CreateSymbolicLink(path, target);
        }
        else
        {
            File.CreateSymbolicLink(path, target);
        }
    }

    private static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    /// <summary>The theme copied beside the site, so that links can be planted in it without touching the repository's.</summary>
    private static string CopyOfTheTheme(TestSite site)
    {
        var copy = Path.Combine(site.Root, "theme");
        foreach (var file in Directory.EnumerateFiles(TestSite.Theme, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(TestSite.Theme, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    private static Dictionary<string, string> Snapshot(TestSite site) =>
        site.OutputFiles().ToDictionary(f => f, f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(site.Output, f.TrimStart('/'))))));

    /// <summary>No file Hub wrote (the output, its staging and old folders, the cache) holds the secret.</summary>
    private static void AssertSecretNowhere(TestSite site)
    {
        foreach (var file in Directory.EnumerateFiles(site.Root, "*", SearchOption.AllDirectories))
        {
            if (file.StartsWith(site.Input + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || file.StartsWith(Path.Combine(site.Root, "theme") + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue; // the planted links themselves
            }
            Assert.DoesNotContain(Secret, File.ReadAllText(file), StringComparison.Ordinal);
        }
    }
}
