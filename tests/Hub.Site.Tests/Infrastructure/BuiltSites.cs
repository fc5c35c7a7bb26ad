using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Hub.Site.Tests.Infrastructure;

/// <summary>
/// Sites built once per test run and shared by every test class that only reads them: building a site costs more
/// than most tests that probe it, and xunit makes a new test-class instance (and so a new build) for every test.
/// A site is keyed by its input (every file's path and text), base path and strictness, so classes that pass the same
/// fixture share one build, and one that passes other files gets its own. Shared sites are read-only: a test that
/// writes into its site or builds it again makes its own <see cref="TestSite"/>.
/// </summary>
public static class BuiltSites
{
    /// <summary>
    /// Shared sites live in folders named after the test process, so that a run removes what an earlier run's process
    /// could not (a test host may be ended before its exit handlers finish).
    /// </summary>
    internal static readonly string FolderPrefix = $"hub-shared-{Environment.ProcessId}-";

    private static readonly ConcurrentDictionary<string, Lazy<TestSite>> Sites = new(StringComparer.Ordinal);
    private static readonly Lazy<DefaultSite> DefaultBuild = new(() => Track(new DefaultSite()));
    private static readonly ConcurrentBag<IDisposable> Built = [];
    private static int _cleanupRegistered;

    /// <summary>
    /// The site of <paramref name="files"/>, built (it must succeed) with <paramref name="basePath"/> by the first class
    /// that asks for it and shared with the next ones. Must not be written to, built again or disposed.
    /// </summary>
    public static TestSite Of(IReadOnlyDictionary<string, string> files, string? basePath = null, bool withConfig = true)
    {
        var key = Key(files, basePath, withConfig);
        // Lazy (thread-safe by default) so that classes running in parallel wait for one build instead of each starting one.
        return Sites.GetOrAdd(key, _ => new Lazy<TestSite>(() =>
        {
            var site = new TestSite(files, withConfig, FolderPrefix);
            try
            {
                site.BuildOk(basePath);
            }
            catch
            {
                site.Dispose();
                throw;
            }
            return Track(site);
        })).Value;
    }

    /// <summary>The repository's own site (input/), built once for the whole run: see <see cref="DefaultSite"/>.</summary>
    public static DefaultSite Default => DefaultBuild.Value;

    private static T Track<T>(T built) where T : IDisposable
    {
        Built.Add(built);
        if (Interlocked.Exchange(ref _cleanupRegistered, 1) == 0)
        {
            RemoveLeftovers();
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                foreach (var site in Built)
                {
                    try
                    {
                        site.Dispose();
                    }
                    catch (IOException)
                    {
                        // A temporary folder left behind is harmless.
                    }
                }
            };
        }
        return built;
    }

    /// <summary>Deletes the shared-site folders of test processes that are no longer running.</summary>
    private static void RemoveLeftovers()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), "hub-shared-*"))
        {
            var name = Path.GetFileName(folder).Split('-');
            if (name.Length < 4 || !int.TryParse(name[2], out var pid) || pid == Environment.ProcessId || IsRunning(pid))
            {
                continue;
            }
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another run removing the same leftovers, or a folder not ours to remove: leave it.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string Key(IReadOnlyDictionary<string, string> files, string? basePath, bool withConfig)
    {
        var text = new StringBuilder();
        text.Append(basePath ?? "\0").Append('\0').Append(withConfig ? '1' : '0').Append('\0');
        foreach (var (path, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(path).Append('\0').Append(content.Length).Append('\0').Append(content).Append('\0');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>
/// The repository's own content (input/) with the repository's theme, built once with its hub.yml as it is (baseUrl
/// under <c>/cs-hub/</c>), not strict so that its output is there to probe even when a warning makes
/// <see cref="DefaultSiteTests"/> fail. With no diagnostics the output is byte for byte what a strict build writes
/// (strictness only decides whether diagnostics stop the build).
/// </summary>
public sealed class DefaultSite : IDisposable
{
    public DefaultSite()
    {
        Output = Path.Combine(Path.GetTempPath(), BuiltSites.FolderPrefix + "default-" + Guid.NewGuid().ToString("N"));
        Result = SiteBuilder.Build(new BuildOptions
        {
            Input = Path.Combine(TestSite.RepoRoot, "input"),
            Theme = TestSite.Theme,
            Output = Output,
            CacheDirectory = null,
        });
        Assert.True(Result.Succeeded, string.Join("\n", Result.Diagnostics));
        Pages = Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The folder the site was written to.</summary>
    public string Output { get; }

    /// <summary>The build's result, with every diagnostic it reported.</summary>
    public BuildResult Result { get; }

    /// <summary>The base path the site was built with, from hub.yml's baseUrl (<c>/cs-hub/</c>).</summary>
    public string BasePath { get; } =
        Config.SiteConfigLoader.Load(Path.Combine(TestSite.RepoRoot, "input"), null, path => path, new Hub.Core.Diagnostics.DiagnosticBag())?.BasePath ?? "/";

    /// <summary>Every HTML page, from the output root (<c>ja/kpis/churn-rate/index.html</c>, <c>404.html</c>).</summary>
    public IReadOnlyList<string> Pages { get; }

    public void Dispose()
    {
        if (Directory.Exists(Output))
        {
            Directory.Delete(Output, recursive: true);
        }
    }
}
