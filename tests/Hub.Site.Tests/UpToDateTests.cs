using Hub.Cli.Commands;
using Hub.Site.Tests.Infrastructure;
using Hub.Site.UpToDate;

namespace Hub.Site.Tests;

/// <summary><c>hub build</c> on an unchanged site leaves the output alone; any change that could alter it builds again.</summary>
public sealed class UpToDateTests
{
    [Fact]
    public void AnUnchangedSiteIsNotBuiltAgainAndItsOutputIsUntouched()
    {
        using var site = new TestSite(Fixtures.Basic());
        var first = Build(site);
        Assert.False(first.UpToDate);
        var before = Snapshot(site);

        var second = Build(site);
        Assert.True(second.Succeeded, string.Join("\n", second.Diagnostics));
        Assert.True(second.UpToDate);
        Assert.Equal(first.PageCount, second.PageCount);
        Assert.Equal(first.FileCount, second.FileCount);
        Assert.Equal(Path.GetFullPath(site.Output), second.OutputPath);
        Assert.Equal(before, Snapshot(site));
    }

    [Fact]
    public void TheFingerprintCoversEveryHubAssemblyTheBuildReferences()
    {
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<System.Reflection.Assembly>([typeof(SiteBuilder).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (!expected.Add(assembly.GetName().Name!))
            {
                continue;
            }
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name!.StartsWith("Hub.", StringComparison.Ordinal))
                {
                    pending.Push(System.Reflection.Assembly.Load(reference));
                }
            }
        }

        var listed = BuildFingerprint.HubAssemblies.Select(a => a.GetName().Name!).Order(StringComparer.Ordinal);
        Assert.Equal(expected, listed);
    }

    public static TheoryData<string> Changes() =>
    [
        "content", "new content file", "deleted content file", "config", "theme override", "theme file",
        "base path", "drafts", "strict", "output file changed", "output file deleted", "output file added", "output deleted",
    ];

    [Theory]
    [MemberData(nameof(Changes))]
    public void AnyChangeThatCouldAlterTheOutputBuildsAgain(string change)
    {
        using var site = new TestSite(Fixtures.Basic());
        var theme = CopyTheme(site);
        var options = site.Options() with { Theme = theme, UpToDate = UpToDateCheck.Skip };
        Assert.False(SiteBuilder.Build(options).UpToDate);
        Assert.True(SiteBuilder.Build(options).UpToDate);

        switch (change)
        {
            case "content":
                site.Write("articles/crm.ko.md", "---\ntitle: CRM 기초\n---\n\n## 고객 여정\n\n본문!\n");
                break;
            case "new content file":
                site.Write("articles/new.md", "---\ntitle: 新しい\n---\n\n本文\n");
                break;
            case "deleted content file":
                File.Delete(Path.Combine(site.Input, "articles/crm.ko.md"));
                break;
            case "config":
                site.Write("hub.yml", TestSite.DefaultConfig.Replace("テストハブ", "テストハブ2", StringComparison.Ordinal));
                break;
            case "theme override":
                site.Write("_theme/assets/css/extra.css", "body { color: red; }\n");
                break;
            case "theme file":
                File.AppendAllText(Directory.EnumerateFiles(Path.Combine(theme, "assets"), "*.css", SearchOption.AllDirectories).First(), "\n/* edited */\n");
                break;
            case "base path":
                options = options with { BasePath = "/other/" };
                break;
            case "drafts":
                options = options with { Drafts = true };
                break;
            case "strict":
                options = options with { Strict = true };
                break;
            case "output file changed":
                // Same length, so only the modification time tells.
                var page = Path.Combine(site.Output, "ja/articles/retention/index.html");
                var bytes = File.ReadAllBytes(page);
                bytes[^2] = (byte)(bytes[^2] == (byte)' ' ? '\n' : ' ');
                File.WriteAllBytes(page, bytes);
                break;
            case "output file deleted":
                File.Delete(Path.Combine(site.Output, "robots.txt"));
                break;
            case "output file added":
                File.WriteAllText(Path.Combine(site.Output, "ja", "stray.html"), "stray");
                break;
            case "output deleted":
                Directory.Delete(site.Output, recursive: true);
                break;
        }

        var rebuilt = SiteBuilder.Build(options);
        Assert.True(rebuilt.Succeeded, string.Join("\n", rebuilt.Diagnostics));
        Assert.False(rebuilt.UpToDate, change);
        Assert.True(SiteBuilder.Build(options).UpToDate, change);
    }

    [Fact]
    public void WarningsOfTheLastBuildAreReportedAgain()
    {
        var files = Fixtures.Basic();
        files["kpis/churn-rate.md"] = files["kpis/churn-rate.md"].Replace(
            "examples:\n  - { inputs: { churned: 12, customersAtStart: 400 }, result: 0.03 }\n", string.Empty, StringComparison.Ordinal);
        using var site = new TestSite(files);
        var first = Build(site);
        Assert.NotEmpty(first.Diagnostics);
        Assert.Equal(0, first.ErrorCount);

        var second = Build(site);
        Assert.True(second.UpToDate);
        Assert.Equal(first.Diagnostics, second.Diagnostics);
    }

    [Fact]
    public void AFailedBuildKeepsTheLastGoodBuildCurrent()
    {
        using var site = new TestSite(Fixtures.Basic());
        Build(site);
        var good = File.ReadAllText(Path.Combine(site.Input, "articles/crm.ko.md"));
        site.Write("articles/crm.ko.md", good + "\n[x](missing.md)\n");
        var failed = Build(site);
        Assert.False(failed.Succeeded);
        Assert.False(failed.UpToDate);

        site.Write("articles/crm.ko.md", good);
        Assert.True(Build(site).UpToDate);
    }

    [Fact]
    public void WithoutACacheFolderEveryBuildRuns()
    {
        using var site = new TestSite(Fixtures.Basic());
        var options = site.Options() with { CacheDirectory = null, UpToDate = UpToDateCheck.Skip };
        Assert.False(SiteBuilder.Build(options).UpToDate);
        Assert.False(SiteBuilder.Build(options).UpToDate);
    }

    [Fact]
    public void TheBuildCommandSaysUpToDateAndForceBuildsAgain()
    {
        using var site = new TestSite(Fixtures.Basic());
        // The command keeps its state in .hub-cache of the working directory (the test binaries' folder).
        var state = BuildState.PathFor(Path.GetFullPath(".hub-cache"), site.Output);
        try
        {
            string[] build = ["build", "--input", site.Input, "--theme", TestSite.Theme, "--output", site.Output];
            var first = Run(build);
            Assert.Equal(0, first.Exit);
            Assert.DoesNotContain("up to date", first.Out, StringComparison.Ordinal);
            var before = Snapshot(site);

            var again = Run(build);
            Assert.Equal(0, again.Exit);
            Assert.Contains("build: up to date", again.Out, StringComparison.Ordinal);
            Assert.Equal(before, Snapshot(site));

            var forced = Run([.. build, "--force"]);
            Assert.Equal(0, forced.Exit);
            Assert.DoesNotContain("up to date", forced.Out, StringComparison.Ordinal);
            Assert.NotEqual(before, Snapshot(site));
            Assert.Contains("build: up to date", Run(build).Out, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(state);
        }
    }

    private static BuildResult Build(TestSite site) => SiteBuilder.Build(site.Options() with { UpToDate = UpToDateCheck.Skip });

    private static (int Exit, string Out, string Err) Run(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = HubCommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Every output file with its modification time and content.</summary>
    private static Dictionary<string, (DateTime, string)> Snapshot(TestSite site) =>
        site.OutputFiles().ToDictionary(f => f, f =>
        {
            var path = Path.Combine(site.Output, f.TrimStart('/'));
            return (File.GetLastWriteTimeUtc(path), Convert.ToHexString(File.ReadAllBytes(path)));
        });

    private static string CopyTheme(TestSite site)
    {
        var theme = Path.Combine(site.Root, "theme");
        foreach (var file in Directory.EnumerateFiles(TestSite.Theme, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(theme, Path.GetRelativePath(TestSite.Theme, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return theme;
    }
}
