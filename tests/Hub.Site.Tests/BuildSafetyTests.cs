using System.Security.Cryptography;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests;

public sealed class BuildSafetyTests
{
    [Fact]
    public void BasePathIsAppliedToEveryUrlTheSiteEmits()
    {
        using var site = new TestSite(Fixtures.Basic());
        site.BuildOk(basePath: "/team-hub/");
        foreach (var file in site.OutputFiles().Where(f => f.EndsWith(".html", StringComparison.Ordinal)))
        {
            var doc = site.Html(file);
            foreach (var el in doc.QuerySelectorAll("[href], [src], [action], [data-events]"))
            {
                var url = el.GetAttribute("href") ?? el.GetAttribute("src") ?? el.GetAttribute("action") ?? el.GetAttribute("data-events")!;
                if (url.StartsWith('/'))
                {
                    Assert.True(url.StartsWith("/team-hub/", StringComparison.Ordinal), $"{file}: {el.LocalName} {url}");
                }
                else if (url.StartsWith("http", StringComparison.Ordinal) && url.Contains("example.github.io", StringComparison.Ordinal))
                {
                    Assert.StartsWith("https://example.github.io/team-hub/", url, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void TwoBuildsGiveIdenticalBytes()
    {
        using var a = new TestSite(Fixtures.Basic());
        using var b = new TestSite(Fixtures.Basic());
        a.BuildOk();
        b.BuildOk();
        var filesA = a.OutputFiles().ToList();
        Assert.Equal(filesA, b.OutputFiles().ToList());
        foreach (var file in filesA)
        {
            Assert.True(Hash(a, file).SequenceEqual(Hash(b, file)), $"{file} differs between builds");
        }
    }

    [Fact]
    public void AFailedBuildLeavesThePreviousOutputUntouched()
    {
        using var site = new TestSite(Fixtures.Basic());
        site.BuildOk();
        var before = site.OutputFiles().ToDictionary(f => f, f => Hash(site, f));
        site.Write("articles/broken.md", "---\ntitle: 壊れた\n---\n\n[missing](nowhere.md)\n");
        site.Write("articles/retention.md", "---\ntitle: changed\n---\n\nchanged body\n");
        var result = site.Build();
        Assert.False(result.Succeeded);
        var after = site.OutputFiles().ToDictionary(f => f, f => Hash(site, f));
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, kv => Assert.True(kv.Value.SequenceEqual(after[kv.Key]), kv.Key));
        Assert.Empty(Directory.EnumerateDirectories(site.Root, "._site.*"));
    }

    [Fact]
    public void AFormulaRoslynRefusesFailsTheBuildThatRenderedWhileRoslynChecked()
    {
        // Pages render while Roslyn checks the formulas on another thread: its verdict must still decide the build.
        using var site = new TestSite(Fixtures.Basic());
        site.BuildOk();
        var before = site.OutputFiles().ToDictionary(f => f, f => Hash(site, f));
        var kpi = Fixtures.Basic()["kpis/churn-rate.md"];
        site.Write("kpis/churn-rate.md", kpi.Replace("formula: churned / customersAtStart", "formula: churned / customersAtStart + 2147483647 * 2", StringComparison.Ordinal));

        var result = site.Build();

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(("HUB0204", "CS0220", 4, 39), (error.Code, error.Hint, error.Location.Line, error.Location.Column));
        Assert.EndsWith("kpis/churn-rate.md", error.Location.File, StringComparison.Ordinal);
        var after = site.OutputFiles().ToDictionary(f => f, f => Hash(site, f));
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, kv => Assert.True(kv.Value.SequenceEqual(after[kv.Key]), kv.Key));
    }

    [Fact]
    public void OutputThatIsOrContainsTheInputOrRepositoryIsRefused()
    {
        using var site = new TestSite(Fixtures.Basic());
        foreach (var output in new[] { site.Input, site.Root, Path.Combine(site.Input, "out"), TestSite.RepoRoot })
        {
            var result = SiteBuilder.Build(site.Options() with { Output = output });
            var error = Assert.Single(result.Diagnostics);
            Assert.Equal("HUB0004", error.Code);
        }
        Assert.True(File.Exists(Path.Combine(site.Input, "hub.yml")));
        Assert.True(File.Exists(Path.Combine(TestSite.RepoRoot, "Hub.sln")));
    }

    [Fact]
    public void AFolderHubDidNotWriteIsNeverReplaced()
    {
        using var site = new TestSite(Fixtures.Basic());
        var foreign = Path.Combine(site.Root, "documents");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "thesis.txt"), "precious");
        var result = SiteBuilder.Build(site.Options() with { Output = foreign });
        Assert.Equal("HUB0004", Assert.Single(result.Diagnostics).Code);
        Assert.Equal("precious", File.ReadAllText(Path.Combine(foreign, "thesis.txt")));
    }

    [Fact]
    public void CheckWritesNothing()
    {
        using var site = new TestSite(Fixtures.Basic());
        var result = SiteBuilder.Build(site.Options() with { WriteOutput = false });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.False(Directory.Exists(site.Output));
        Assert.Equal(["input"], Directory.EnumerateFileSystemEntries(site.Root).Select(Path.GetFileName).ToList());
    }

    private static byte[] Hash(TestSite site, string file) => SHA256.HashData(File.ReadAllBytes(Path.Combine(site.Output, file.TrimStart('/'))));
}
