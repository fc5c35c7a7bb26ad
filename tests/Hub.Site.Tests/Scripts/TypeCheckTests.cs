using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Scripts;

/// <summary>
/// The theme's scripts type-check: <c>tsc -p .</c> over tsconfig.json (checkJs, strict, noEmit) with the TypeScript
/// pinned in package-lock.json, which the build's <c>npm ci</c> installs.
/// </summary>
public sealed class TypeCheckTests
{
    [NodeFact]
    public void ThemeScriptsTypeCheck()
    {
        var tsc = Path.Combine(TestSite.RepoRoot, "node_modules", "typescript", "bin", "tsc");
        Assert.True(File.Exists(tsc), $"{tsc} is missing: run `npm ci` at the repository root (building src/Hub.Search runs it when lunr.js or typescript is missing).");

        var (exit, output, error) = NodeJs.Run(TestSite.RepoRoot, tsc, "-p", "tsconfig.json", "--pretty", "false");

        Assert.True(exit == 0, "tsc found errors in theme/assets/js:\n" + output + error);
    }

    [Fact]
    public void EveryThemeScriptAsksForTypeChecking()
    {
        var scripts = Directory.GetFiles(Path.Combine(TestSite.Theme, "assets", "js"), "*.js", SearchOption.AllDirectories);
        Assert.NotEmpty(scripts);
        Assert.All(scripts, path => Assert.StartsWith("// @ts-check\n", File.ReadAllText(path).ReplaceLineEndings("\n"), StringComparison.Ordinal));
    }
}
