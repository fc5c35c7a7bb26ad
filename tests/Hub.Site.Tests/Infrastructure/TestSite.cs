using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Hub.Site;

namespace Hub.Site.Tests.Infrastructure;

/// <summary>
/// A whole site written into a temporary folder from inline files (Hugo's integration-test style), built with
/// the repository's theme, and probed by parsing its HTML.
/// </summary>
public sealed class TestSite : IDisposable
{
    public const string DefaultConfig = """
        title: { ja: テストハブ, ko: 테스트 허브, en: Test Hub }
        baseUrl: https://example.github.io/cs-hub/
        languages: [ja, ko, en]
        editUrl: https://github.com/example/cs-hub/edit/main/input/
        currency: JPY
        """;

    public TestSite(IReadOnlyDictionary<string, string> files, bool withConfig = true)
        : this(files, withConfig, "hub-test-")
    {
    }

    /// <summary>A site in a temporary folder whose name starts with <paramref name="folderPrefix"/>.</summary>
    public TestSite(IReadOnlyDictionary<string, string> files, bool withConfig, string folderPrefix)
    {
        Root = Path.Combine(Path.GetTempPath(), folderPrefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Input);
        if (withConfig && !files.ContainsKey("hub.yml"))
        {
            Write("hub.yml", DefaultConfig);
        }
        foreach (var (path, text) in files)
        {
            Write(path, text);
        }
    }

    public string Root { get; }

    public string Input => Path.Combine(Root, "input");

    public string Output => Path.Combine(Root, "_site");

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Theme => Path.Combine(RepoRoot, "theme");

    public void Write(string relativePath, string text)
    {
        var path = Path.Combine(Input, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
    }

    public BuildOptions Options(string? basePath = null) => new()
    {
        Input = Input,
        Theme = Theme,
        Output = Output,
        BasePath = basePath,
        CacheDirectory = Path.Combine(Root, ".hub-cache"),
    };

    public BuildResult Build(string? basePath = null, bool strict = false)
    {
        _basePathOverride = basePath;
        return SiteBuilder.Build(Options(basePath) with { Strict = strict });
    }

    private string? _basePathOverride;

    /// <summary>
    /// The base path of the site as last built here (hub.yml's, or the override the last <see cref="Build"/> was given),
    /// which <see cref="SiteLinks.Target"/> puts in front of the site paths it resolves.
    /// </summary>
    public string BasePath =>
        Config.SiteConfigLoader.Load(Input, _basePathOverride, path => path, new Hub.Core.Diagnostics.DiagnosticBag())?.BasePath ?? "/";

    /// <summary>The diagnostics of <paramref name="result"/> as printed, with paths relative to the input folder.</summary>
    public List<string> Shown(BuildResult result)
    {
        var prefix = Input.Replace('\\', '/') + "/";
        return result.Diagnostics.Select(d => d.ToString().Replace(prefix, string.Empty, StringComparison.Ordinal)).ToList();
    }

    public BuildResult BuildOk(string? basePath = null)
    {
        var result = Build(basePath);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result;
    }

    public string ReadOutput(string rootPath) => File.ReadAllText(Path.Combine(Output, rootPath.TrimStart('/')));

    public bool OutputExists(string rootPath) => File.Exists(Path.Combine(Output, rootPath.TrimStart('/')));

    public IHtmlDocument Html(string rootPath)
    {
        var path = rootPath.EndsWith('/') ? rootPath + "index.html" : rootPath;
        return SiteLinks.Parse(ReadOutput(path), BasePath, rootPath);
    }

    public IEnumerable<string> OutputFiles() =>
        Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories).Select(f => "/" + Path.GetRelativePath(Output, f).Replace('\\', '/')).Order(StringComparer.Ordinal);

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hub.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Hub.sln not found above the test binaries");
    }
}
