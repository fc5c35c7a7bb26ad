namespace Hub.Site.Tests.Browser;

/// <summary>How the browser tests find their Chromium, and the reason they give when they skip.</summary>
public sealed class ChromiumTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hub-chromium-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Executable(string name)
    {
        var path = Path.Combine(_folder, OperatingSystem.IsWindows() ? name + ".exe" : name);
        File.WriteAllText(path, string.Empty);
        return path;
    }

    private static Func<string, string?> Environ(params (string Name, string? Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void HubChromiumWinsOverPath()
    {
        var chosen = Executable("my-chrome");
        Executable("chromium");
        var found = Chromium.Locate(Environ(("HUB_CHROMIUM", chosen), ("PATH", _folder)), []);
        Assert.Equal(new Chromium.Location(chosen, null), found);
    }

    [Fact]
    public void AHubChromiumThatDoesNotExistIsTheReasonToSkip()
    {
        var missing = Path.Combine(_folder, "nowhere", "chrome");
        var found = Chromium.Locate(Environ(("HUB_CHROMIUM", missing), ("PATH", _folder)), []);
        Assert.Null(found.Path);
        Assert.Equal($"HUB_CHROMIUM is set to '{missing}', which does not exist", found.Missing);
    }

    [Theory]
    [InlineData("chromium")]
    [InlineData("chromium-browser")]
    [InlineData("google-chrome")]
    public void TheUsualNamesAreFoundOnPath(string name)
    {
        var expected = Executable(name);
        var found = Chromium.Locate(Environ(("PATH", Path.Combine(_folder, "empty") + Path.PathSeparator + _folder), ("PLAYWRIGHT_BROWSERS_PATH", _folder)), []);
        Assert.Equal(new Chromium.Location(expected, null), found);
    }

    [Fact]
    public void PlaywrightsOwnBrowserIsLaunchedWithoutAPath()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "chromium-1200"));
        var found = Chromium.Locate(Environ(("PATH", Path.Combine(_folder, "empty")), ("PLAYWRIGHT_BROWSERS_PATH", _folder)), []);
        Assert.Equal(new Chromium.Location(null, null), found);
    }

    [Fact]
    public void NoBrowserAnywhereSaysHowToGetOne()
    {
        var found = Chromium.Locate(Environ(("PATH", Path.Combine(_folder, "empty")), ("PLAYWRIGHT_BROWSERS_PATH", _folder)), []);
        Assert.Null(found.Path);
        Assert.StartsWith("no Chromium found: set HUB_CHROMIUM", found.Missing);
    }
}
