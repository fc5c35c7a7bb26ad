using System.Globalization;
using System.IO.Enumeration;
using System.IO.Hashing;
using System.Text;
using Hub.Core.Diagnostics;

namespace Hub.Site.UpToDate;

/// <summary>
/// What the last successful build of one output folder recorded in the cache folder: its fingerprint, its page
/// count, its diagnostics (warnings, shown again when the next build finds nothing changed) and every file it
/// left in the output with its length and modification time, so a changed, added or deleted output file is noticed
/// with one stat per file. (Like make's, the check trusts time stamps: a same-length rewrite within the file
/// system's time stamp granularity of the build's own write would go unnoticed.)
/// </summary>
internal sealed record BuildState(string Fingerprint, int PageCount, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyDictionary<string, (long Length, long Modified)> Files)
{
    private const string Header = "hub build state 1";

    /// <summary>The state file of <paramref name="output"/>: one per output folder, named by a hash of its full path.</summary>
    public static string PathFor(string cacheDirectory, string output)
    {
        var key = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(Path.TrimEndingDirectorySeparator(Path.GetFullPath(output))));
        return Path.Combine(cacheDirectory, $"build-{key:x16}.txt");
    }

    /// <summary>
    /// The output folder's files as they are now, by path relative to it ('/'-separated). Each top-level folder is
    /// listed on a thread of its own: a stat per file is most of the cost, and a site has a few big folders (one per
    /// language, the search index).
    /// </summary>
    public static Dictionary<string, (long Length, long Modified)> ListOutput(string output)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output));
        var folders = Directory.GetDirectories(root);
        var listed = new List<Entry>[folders.Length + 1];
        listed[0] = List(root, root, recurse: false);
        Parallel.For(0, folders.Length, i => listed[i + 1] = List(root, folders[i], recurse: true));
        var files = new Dictionary<string, (long, long)>(listed.Sum(l => l.Count), StringComparer.Ordinal);
        foreach (var list in listed)
        {
            foreach (var entry in list)
            {
                files[entry.Path] = (entry.Length, entry.Modified);
            }
        }
        return files;
    }

    private sealed record Entry(string Path, long Length, long Modified);

    private static List<Entry> List(string root, string folder, bool recurse)
    {
        var entries = new FileSystemEnumerable<Entry>(
            folder,
            (ref FileSystemEntry e) => new Entry(Path.Join(e.Directory[root.Length..], e.FileName).TrimStart(Path.DirectorySeparatorChar).Replace('\\', '/'), e.Length, e.LastWriteTimeUtc.UtcTicks),
            new EnumerationOptions { RecurseSubdirectories = recurse, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory,
        };
        return [.. entries];
    }

    /// <summary>True when the output folder holds exactly the files this state recorded, unmodified.</summary>
    public bool OutputIsIntact(string output)
    {
        if (!File.Exists(Path.Combine(output, Output.OutputSafety.MarkerFile)))
        {
            return false;
        }
        var now = ListOutput(output);
        return now.Count == Files.Count && now.All(f => Files.TryGetValue(f.Key, out var was) && was == f.Value);
    }

    public static BuildState? TryLoad(string path)
    {
        try
        {
            return File.Exists(path) ? Parse(File.ReadAllLines(path)) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Writes the state atomically; on failure removes any older state, which would no longer be true.</summary>
    public void TrySave(string path)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(temporary, Format());
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(path);
        }
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    private string Format()
    {
        var text = new StringBuilder().Append(Header).Append('\n');
        text.Append("fingerprint\t").Append(Fingerprint).Append('\n');
        text.Append("pages\t").Append(PageCount.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var d in Diagnostics)
        {
            text.Append(CultureInfo.InvariantCulture, $"diagnostic\t{(d.IsError ? "error" : "warning")}\t{Escape(d.Code)}\t{Escape(d.Location.File)}\t{d.Location.Line}\t{d.Location.Column}\t{Escape(d.Message)}\t{(d.Hint is null ? "-" : "+" + Escape(d.Hint))}\n");
        }
        foreach (var (file, (length, modified)) in Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"file\t{Escape(file)}\t{length}\t{modified}\n");
        }
        return text.ToString();
    }

    private static BuildState? Parse(string[] lines)
    {
        if (lines.Length < 3 || lines[0] != Header)
        {
            return null;
        }
        string? fingerprint = null;
        var pages = -1;
        var diagnostics = new List<Diagnostic>();
        var files = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        foreach (var line in lines.AsSpan(1))
        {
            var f = line.Split('\t');
            switch (f[0])
            {
                case "fingerprint":
                    fingerprint = f[1];
                    break;
                case "pages":
                    pages = int.Parse(f[1], CultureInfo.InvariantCulture);
                    break;
                case "diagnostic":
                    var location = new SourceLocation(Unescape(f[3]), int.Parse(f[4], CultureInfo.InvariantCulture), int.Parse(f[5], CultureInfo.InvariantCulture));
                    diagnostics.Add(new Diagnostic(f[1] == "error" ? Severity.Error : Severity.Warning, Unescape(f[2]), location, Unescape(f[6]),
                        f[7] == "-" ? null : Unescape(f[7][1..])));
                    break;
                case "file":
                    files[Unescape(f[1])] = (long.Parse(f[2], CultureInfo.InvariantCulture), long.Parse(f[3], CultureInfo.InvariantCulture));
                    break;
                default:
                    return null;
            }
        }
        return fingerprint is null || pages < 0 ? null : new BuildState(fingerprint, pages, diagnostics, files);
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);

    private static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
                text.Append(value[i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', var c => c });
            }
            else
            {
                text.Append(value[i]);
            }
        }
        return text.ToString();
    }
}
