using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Scripts;

/// <summary>
/// The theme's scripts type-check with the TypeScript pinned in package-lock.json (which the build's <c>npm ci</c>
/// installs): tsconfig.json (checkJs, strict, noEmit) for every script, the search UI included.
/// </summary>
public sealed class TypeCheckTests
{
    [NodeFact]
    public void ThemeScriptsTypeCheckStrictly() => AssertTypeChecks("tsconfig.json");

    private static void AssertTypeChecks(string project)
    {
        var tsc = Path.Combine(TestSite.RepoRoot, "node_modules", "typescript", "bin", "tsc");
        Assert.True(File.Exists(tsc), $"{tsc} is missing: run `npm ci` at the repository root (building src/Hub.Search runs it when lunr.js or typescript is missing).");

        var (exit, output, error) = NodeJs.Run(TestSite.RepoRoot, tsc, "-p", project, "--pretty", "false");

        Assert.True(exit == 0, $"tsc -p {project} found errors:\n" + output + error);
    }

    [Fact]
    public void TheStrictCheckLeavesNoThemeScriptOut()
    {
        using var tsconfig = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(TestSite.RepoRoot, "tsconfig.json")));
        Assert.Contains("theme/assets/js/**/*.js", tsconfig.RootElement.GetProperty("include").EnumerateArray().Select(e => e.GetString()));
        Assert.False(tsconfig.RootElement.TryGetProperty("exclude", out var excluded) && excluded.GetArrayLength() > 0, "tsconfig.json excludes scripts from the strict check");
        Assert.True(tsconfig.RootElement.GetProperty("compilerOptions").GetProperty("strict").GetBoolean());
    }

    [Fact]
    public void EveryThemeScriptAsksForTypeChecking()
    {
        var scripts = Directory.GetFiles(Path.Combine(TestSite.Theme, "assets", "js"), "*.js", SearchOption.AllDirectories);
        Assert.NotEmpty(scripts);
        Assert.All(scripts, path => Assert.StartsWith("// @ts-check\n", File.ReadAllText(path).ReplaceLineEndings("\n"), StringComparison.Ordinal));
    }
}
