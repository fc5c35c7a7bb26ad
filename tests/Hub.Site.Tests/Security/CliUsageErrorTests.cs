using Hub.Cli.Commands;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Security;

/// <summary>
/// Options that would make every URL of the site unsafe (a base path leaving the site or needing escaping) or make
/// the build write into the working directory (an empty output folder) are usage errors: exit 2, one error line,
/// nothing built, no stack trace.
/// </summary>
public sealed class CliUsageErrorTests : IDisposable
{
    private readonly TestSite _site = new(Fixtures.Basic());

    public void Dispose() => _site.Dispose();

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = HubCommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/a b/")]
    [InlineData("//evil.example/")]
    [InlineData("/a/../b/")]
    [InlineData("/a\"onload=\"x/")]
    public void AnUnsafeBasePathIsAUsageError(string basePath)
    {
        foreach (var command in new[] { "build", "check" })
        {
            var args = command == "build"
                ? new[] { command, "--input", _site.Input, "--theme", TestSite.Theme, "--output", _site.Output, "--base-path", basePath }
                : [command, "--input", _site.Input, "--theme", TestSite.Theme, "--base-path", basePath];
            var result = Run(args);
            Assert.Equal(2, result.Exit);
            Assert.Equal(
                $"hub: error: --base-path: base path '{basePath}' must be a path of plain segments (letters, digits, '-', '.', '_', '~'), such as /cs-hub/",
                Assert.Single(ErrorLines(result.Err)));
            AssertNoStackTrace(result);
            Assert.False(Directory.Exists(_site.Output));
        }
    }

    [Theory]
    [InlineData("/cs-hub/")]
    [InlineData("cs-hub")]
    [InlineData("/docs/v1.2/")]
    [InlineData("/")]
    public void APlainBasePathIsUsed(string basePath)
    {
        var result = Run("build", "--input", _site.Input, "--theme", TestSite.Theme, "--output", _site.Output, "--base-path", basePath);
        Assert.Equal(0, result.Exit);
        var expected = "/" + basePath.Trim('/') + (basePath.Trim('/').Length > 0 ? "/" : string.Empty);
        // The base path is where the absolute URLs point; the page's own links are relative and need none.
        Assert.Equal(expected + "ja/", new Uri(_site.Html("/ja/").QuerySelector("link[rel=canonical]")!.GetAttribute("href")!).AbsolutePath);
        Assert.Equal("../", _site.Html("/ja/").DocumentElement.GetAttribute("data-base"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void AnEmptyOutputFolderIsAUsageError(string output)
    {
        var result = Run("build", "--input", _site.Input, "--theme", TestSite.Theme, "--output", output);
        Assert.Equal(2, result.Exit);
        Assert.Equal("hub: error: --output must name a folder", Assert.Single(ErrorLines(result.Err)));
        AssertNoStackTrace(result);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Environment.CurrentDirectory, "index.html"));
    }

    [Fact]
    public void AnUnsafeBasePathGivenToTheLibraryIsADiagnostic()
    {
        var result = _site.Build(basePath: "//evil.example/");
        Assert.False(result.Succeeded);
        Assert.Equal(
            "--base-path: error HUB0006: base path '//evil.example/' must be a path of plain segments (letters, digits, '-', '.', '_', '~'), such as /cs-hub/",
            Assert.Single(result.Diagnostics).ToString());
        Assert.False(Directory.Exists(_site.Output));
    }

    [Fact]
    public void ABaseUrlWhosePathNeedsEscapingIsAnErrorAtTheBaseUrl()
    {
        using var site = new TestSite(Fixtures.Basic());
        site.Write("hub.yml", TestSite.DefaultConfig.Replace("https://example.github.io/cs-hub/", "https://example.github.io/it's/", StringComparison.Ordinal));
        var result = site.Build();
        Assert.False(result.Succeeded);
        Assert.Equal(
            $"{site.Input.Replace('\\', '/')}/hub.yml(2,10): error HUB0006: baseUrl's path: base path '/it's/' must be a path of plain segments (letters, digits, '-', '.', '_', '~'), such as /cs-hub/",
            Assert.Single(result.Diagnostics).ToString());
    }

    private static List<string> ErrorLines(string stderr) =>
        stderr.Split('\n').Where(l => l.StartsWith("hub: error:", StringComparison.Ordinal)).Select(l => l.TrimEnd('\r')).ToList();

    private static void AssertNoStackTrace((int Exit, string Out, string Err) result)
    {
        var all = result.Out + result.Err;
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", all, StringComparison.Ordinal);
    }
}
