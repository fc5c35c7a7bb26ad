using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Security;

/// <summary>
/// Issue 17, part 6: the output swap survives a kill. A killed build's leftovers are laid out on disk as
/// <see cref="Output.OutputFolder"/> names them, for a process that no longer runs; the next build, even a failing
/// one, puts a complete site back at the output path and removes the leftovers.
/// </summary>
public sealed class OutputSwapTests : IDisposable
{
    // Above Linux's largest process id (2^22): no process has it, so the build that named the folder has ended.
    private const int DeadProcess = 4_194_305;
    private const string Broken = "---\nsummary: no title\n---\n\nAn article needs a title.\n";

    private readonly TestSite _site = new(Fixtures.Basic());

    public void Dispose() => _site.Dispose();

    private string Parent => Path.GetDirectoryName(_site.Output)!;

    [Fact]
    public void AKillBetweenTheRenamesIsCompletedByTheNextBuildEvenAFailingOne()
    {
        _site.BuildOk();
        // Killed after moving the output aside and before moving the complete new site in.
        var old = Leftover("old");
        Directory.Move(_site.Output, old);
        var staging = Leftover("building");
        CopyFolder(old, staging);
        File.WriteAllText(Path.Combine(staging, "new-site.txt"), "the new site\n");

        _site.Write("articles/broken.md", Broken);
        var failed = _site.Build();

        Assert.False(failed.Succeeded);
        Assert.Equal("the new site\n", _site.ReadOutput("/new-site.txt"));
        Assert.True(_site.OutputExists("/.hub-output"));
        Assert.Empty(Siblings());
    }

    [Fact]
    public void WithoutACompleteNewSiteTheOldOneIsPutBack()
    {
        _site.BuildOk();
        var before = _site.OutputFiles().ToList();
        Directory.Move(_site.Output, Leftover("old"));
        var staging = Leftover("building"); // killed while still writing pages: no marker yet
        Directory.CreateDirectory(Path.Combine(staging, "en"));
        File.WriteAllText(Path.Combine(staging, "en", "half.html"), "<p>half</p>");

        _site.Write("articles/broken.md", Broken);
        Assert.False(_site.Build().Succeeded);

        Assert.Equal(before, _site.OutputFiles());
        Assert.Contains("/.hub-output", before);
        Assert.Empty(Siblings());
    }

    [Fact]
    public void LeftoversBesideAnIntactOutputAreRemovedAndOtherFoldersKept()
    {
        _site.BuildOk();
        var staging = Leftover("building");
        Directory.CreateDirectory(Path.Combine(staging, "ja"));
        File.WriteAllText(Path.Combine(staging, "ja", "index.html"), "<p>killed</p>");
        var old = Leftover("old");
        CopyFolder(_site.Output, old); // killed while deleting the replaced site
        var earlierHub = Path.Combine(Parent, $"._site.old-{Guid.NewGuid():N}");
        Directory.CreateDirectory(earlierHub);
        // Not Hub's: merely named like its folders, or a build of this very process, still running.
        var users = Path.Combine(Parent, "._site.old");
        var running = Path.Combine(Parent, $"._site.building-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(users);
        Directory.CreateDirectory(running);

        _site.Write("articles/extra.en.md", "---\ntitle: Extra\n---\n\nA page added since.\n");
        _site.BuildOk();

        Assert.Equal("Extra", _site.Html("/en/articles/extra/").QuerySelector("h1")!.TextContent);
        Assert.Equal([Path.GetFileName(running), Path.GetFileName(users)], Siblings());
    }

    [Fact]
    public void CheckLeavesTheOutputAndItsSiblingsAlone()
    {
        _site.BuildOk();
        var old = Leftover("old");
        Directory.Move(_site.Output, old);

        var check = SiteBuilder.Build(_site.Options() with { WriteOutput = false });

        Assert.True(check.Succeeded, string.Join("\n", check.Diagnostics));
        Assert.False(Directory.Exists(_site.Output));
        Assert.Equal([Path.GetFileName(old)], Siblings());
    }

    private string Leftover(string kind) => Path.Combine(Parent, $"._site.{kind}-{DeadProcess}-{Guid.NewGuid():N}");

    /// <summary>The folders beside the output named after it, sorted.</summary>
    private List<string> Siblings() =>
        Directory.EnumerateDirectories(Parent, "._site.*").Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal).ToList();

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
