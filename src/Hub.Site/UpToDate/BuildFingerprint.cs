using System.Globalization;
using System.IO.Hashing;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace Hub.Site.UpToDate;

/// <summary>
/// A hash of everything that decides what a build writes and reports: Hub's own assemblies (their MVIDs change with
/// every change of Hub's code) and the versions of the libraries they use, the runtime, culture and time zone, the
/// build options, the working directory (diagnostics show paths relative to it), and every file under the input
/// and theme folders, by relative path and content. Hub reads no environment variable, clock or git state while
/// building, so nothing else can change the output.
/// </summary>
internal static class BuildFingerprint
{
    /// <summary>The fingerprint, or null when a file could not be read (the build then runs and records nothing).</summary>
    public static string? TryCompute(BuildOptions options, string input, string theme, string? cacheDirectory)
    {
        try
        {
            return Compute(options, input, theme, cacheDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Compute(BuildOptions options, string input, string theme, string? cacheDirectory)
    {
        var hash = new XxHash128();
        void Add(string key, string? value) => AddLine(hash, key, value);

        Add("format", "2");
        var assemblies = Assemblies();
        var names = assemblies.Keys.ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        foreach (var name in names)
        {
            Add("assembly " + name, assemblies[name]);
        }
        Add("runtime", RuntimeInformation.FrameworkDescription);
        Add("culture", CultureInfo.CurrentCulture.Name + "|" + CultureInfo.CurrentUICulture.Name);
        Add("time zone", TimeZoneInfo.Local.Id);
        Add("working directory", Directory.GetCurrentDirectory());
        Add("input", input);
        Add("theme", theme);
        Add("output", Path.GetFullPath(options.Output));
        Add("base path", options.BasePath);
        Add("drafts", options.Drafts ? "1" : "0");
        Add("strict", options.Strict ? "1" : "0");
        Add("live reload", options.LiveReload ? "1" : "0");
        AddFolder(hash, "input", input, cacheDirectory);
        AddFolder(hash, "theme", theme, cacheDirectory);
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    /// <summary>
    /// Every file below <paramref name="root"/> (but the cache), by relative path, length and content hash; read in
    /// parallel. Plain arrays of strings and bytes: this runs first in every build, before anything else has made the
    /// runtime compile LINQ's code for tuples or 128-bit formatting.
    /// </summary>
    private static void AddFolder(XxHash128 hash, string label, string root, string? cacheDirectory)
    {
        var excluded = cacheDirectory is null ? null : Path.TrimEndingDirectorySeparator(cacheDirectory) + Path.DirectorySeparatorChar;
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            if (excluded is null || !file.StartsWith(excluded, StringComparison.Ordinal))
            {
                found.Add(file);
            }
        }
        var files = found.ToArray();
        var relative = new string[files.Length];
        for (var i = 0; i < files.Length; i++)
        {
            relative[i] = Path.GetRelativePath(root, files[i]).Replace('\\', '/');
        }
        Array.Sort(relative, files, StringComparer.Ordinal);
        const int HashBytes = 16;
        var contents = new byte[files.Length * HashBytes];
        var lengths = new long[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            var bytes = File.ReadAllBytes(files[i]);
            lengths[i] = bytes.Length;
            XxHash128.Hash(bytes, contents.AsSpan(i * HashBytes, HashBytes));
        });
        for (var i = 0; i < files.Length; i++)
        {
            AddLine(hash, label + " file", relative[i] + "\0" + lengths[i].ToString(CultureInfo.InvariantCulture));
            hash.Append(contents.AsSpan(i * HashBytes, HashBytes));
        }
    }

    private static void AddLine(XxHash128 hash, string key, string? value) => hash.Append(Encoding.UTF8.GetBytes(key + "\0" + value + "\n"));

    /// <summary>Hub's assemblies by MVID, and every other assembly they reference by full name (name, version, key).</summary>
    private static Dictionary<string, string> Assemblies()
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(BuildFingerprint).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            var name = assembly.GetName().Name!;
            if (!found.TryAdd(name, assembly.ManifestModule.ModuleVersionId.ToString("N")))
            {
                continue;
            }
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (IsHubAssembly(reference.Name))
                {
                    if (!found.ContainsKey(reference.Name!))
                    {
                        pending.Push(Assembly.Load(reference));
                    }
                }
                else
                {
                    found.TryAdd(reference.Name!, reference.FullName);
                }
            }
        }
        return found;
    }

    private static bool IsHubAssembly(string? name) => name is not null && name.StartsWith("Hub.", StringComparison.Ordinal);
}
