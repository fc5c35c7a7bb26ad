using System.Globalization;
using System.IO.Enumeration;
using System.IO.Hashing;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace Hub.Site.UpToDate;

/// <summary>
/// A hash of everything that decides what a build writes and reports: Hub's own assemblies (their MVIDs change with
/// every change of Hub's code and of the versions of the libraries they reference), the runtime, culture and time zone, the
/// build options, the working directory (diagnostics show paths relative to it), and every file under the input
/// and theme folders, by relative path and content. Hub reads no environment variable, clock or git state while
/// building, so nothing else can change the output.
/// </summary>
internal static class BuildFingerprint
{
    /// <summary>
    /// The fingerprint, or null when a file could not be read (the build then runs, reports it and records nothing).
    /// A FIFO or other file that cannot seek is refused by <see cref="Hub.Core.Files.RootedFiles.OpenRead"/>, never waited on.
    /// </summary>
    public static string? TryCompute(BuildOptions options, string input, string theme, string? cacheDirectory)
    {
        try
        {
            return Compute(options, input, theme, cacheDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException
            || (ex is AggregateException all && all.Flatten().InnerExceptions.All(e => e is IOException or UnauthorizedAccessException)))
        {
            // Parallel.For wraps the failures of the files it hashes.
            return null;
        }
    }

    private static string Compute(BuildOptions options, string input, string theme, string? cacheDirectory)
    {
        var hash = new XxHash128();
        void Add(string key, string? value) => AddLine(hash, key, value);
        // git is another process: it answers while the files are hashed (its line is added after them). Its own thread,
        // as it mostly waits, and the pool's threads hash the files.
        var head = options.DatesFromGit
            ? Task.Factory.StartNew(() => Hub.Site.Content.GitDates.HeadOf(input), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : null;

        Add("format", "3");
        // An assembly's MVID is a hash of its bytes (deterministic builds), which include the name and version of
        // every library it references: a new version of Markdig, say, gives Hub.Markdown a new MVID.
        foreach (var assembly in HubAssemblies)
        {
            Add("assembly " + assembly.GetName().Name, assembly.ManifestModule.ModuleVersionId.ToString("N"));
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
        // A commit changes pages' dates without changing a byte of the input.
        Add("git dates", head is null ? "off" : head.GetAwaiter().GetResult() ?? "none");
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    /// <summary>
    /// Every file below <paramref name="root"/> (but the cache), by relative path, length and content hash; read in
    /// parallel. A symbolic link is hashed as its target's text and never followed: what it leads to inside the root is
    /// hashed where it lies, and a link leading outside fails the build anyway (HUB0110), which records nothing. Plain
    /// arrays of strings and bytes: this runs first in every build, before anything else has made the runtime compile
    /// LINQ's code for tuples or 128-bit formatting.
    /// </summary>
    private static void AddFolder(XxHash128 hash, string label, string root, string? cacheDirectory)
    {
        var excluded = cacheDirectory is null ? null : Path.TrimEndingDirectorySeparator(cacheDirectory) + Path.DirectorySeparatorChar;
        var found = new List<string>();
        var links = new HashSet<string>(StringComparer.Ordinal);
        var entries = new FileSystemEnumerable<(string Path, bool IsLink)>(root,
            (ref FileSystemEntry e) => (e.ToFullPath(), (e.Attributes & FileAttributes.ReparsePoint) != 0),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory || (e.Attributes & FileAttributes.ReparsePoint) != 0,
            ShouldRecursePredicate = (ref FileSystemEntry e) => (e.Attributes & FileAttributes.ReparsePoint) == 0,
        };
        foreach (var (file, isLink) in entries)
        {
            if (excluded is null || !file.StartsWith(excluded, StringComparison.Ordinal))
            {
                found.Add(file);
                if (isLink)
                {
                    links.Add(file);
                }
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
        // Each thread reads through one buffer of its own: a build's first step then allocates almost nothing (reading
        // every file into an array of its own cost a collection per few MiB of input, before anything else ran).
        Parallel.For(0, files.Length, () => new FileHasher(), (i, _, hasher) =>
        {
            lengths[i] = links.Contains(files[i])
                ? hasher.HashLink(files[i], contents.AsSpan(i * HashBytes, HashBytes))
                : hasher.Hash(files[i], contents.AsSpan(i * HashBytes, HashBytes));
            return hasher;
        }, _ => { });
        for (var i = 0; i < files.Length; i++)
        {
            AddLine(hash, label + " file", relative[i] + "\0" + lengths[i].ToString(CultureInfo.InvariantCulture));
            hash.Append(contents.AsSpan(i * HashBytes, HashBytes));
        }
    }

    /// <summary>Hashes whole files through one reused buffer (the same XxHash128 as hashing the bytes at once).</summary>
    private sealed class FileHasher
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private readonly XxHash128 _hash = new();

        /// <summary>Writes the file's hash into <paramref name="destination"/>; returns its length.</summary>
        public long Hash(string path, Span<byte> destination)
        {
            using var handle = Hub.Core.Files.RootedFiles.OpenRead(path);
            long offset = 0;
            int read;
            while ((read = RandomAccess.Read(handle, _buffer, offset)) > 0)
            {
                _hash.Append(_buffer.AsSpan(0, read));
                offset += read;
            }
            _hash.GetHashAndReset(destination);
            return offset;
        }

        /// <summary>Writes the hash of a symbolic link's target text into <paramref name="destination"/>; returns -1.</summary>
        public long HashLink(string path, Span<byte> destination)
        {
            _hash.Append(Encoding.UTF8.GetBytes(new FileInfo(path).LinkTarget ?? string.Empty));
            _hash.GetHashAndReset(destination);
            return -1;
        }
    }

    private static void AddLine(XxHash128 hash, string key, string? value) => hash.Append(Encoding.UTF8.GetBytes(key + "\0" + value + "\n"));

    /// <summary>
    /// Hub's assemblies that a build runs, one type of each. A native (ahead-of-time compiled) Hub cannot list an
    /// assembly's references at run time, so the list is written out; a test checks it against Hub.Site's references.
    /// </summary>
    internal static readonly Assembly[] HubAssemblies =
    [
        typeof(BuildFingerprint).Assembly,
        typeof(Hub.Core.Diagnostics.DiagnosticBag).Assembly,
        typeof(Hub.Formulas.FormulaChecker).Assembly,
        typeof(Hub.Markdown.MarkdownPage).Assembly,
        typeof(Hub.Search.SearchIndexWriter).Assembly,
        typeof(Hub.Templates.ThemeRenderer).Assembly,
    ];
}
