using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Hub.Site.Output;

/// <summary>
/// Writes a build into a fresh temporary folder beside the output and swaps it in only on success, so a failed
/// build leaves the last good site untouched. Nothing outside the output folder and its temporary siblings is
/// ever deleted. The siblings are named <c>.{output}.building-{process}-{id}</c> (the new site) and
/// <c>.{output}.old-{process}-{id}</c> (the site it replaces, between the two renames of <see cref="Commit"/>), so
/// that <see cref="Recover"/> can tell a killed build's leftovers from a running build's folders.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly string _target;
    private readonly ConcurrentDictionary<string, Lazy<bool>> _directories = new(StringComparer.Ordinal);
    private bool _committed;

    public OutputFolder(string target)
    {
        _target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        var parent = Path.GetDirectoryName(_target)!;
        Directory.CreateDirectory(parent);
        StagingPath = Sibling(_target, Building);
        Directory.CreateDirectory(StagingPath);
    }

    public string StagingPath { get; }

    /// <summary>Writes text as UTF-8, encoded into a pooled buffer (a page's bytes are garbage once written).</summary>
    public void WriteText(string relativePath, string content)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(content.Length));
        try
        {
            WriteBytes(relativePath, buffer.AsSpan(0, Utf8.GetBytes(content, buffer)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void WriteBytes(string relativePath, ReadOnlySpan<byte> content)
    {
        var path = Resolve(relativePath);
        EnsureDirectory(Path.GetDirectoryName(path)!);
        WriteNewFile(path, content);
    }

    /// <summary>Writes a file that most likely does not exist yet (see <see cref="OpenNew"/>).</summary>
    public static void WriteNewFile(string path, ReadOnlySpan<byte> content)
    {
        using var handle = OpenNew(path);
        RandomAccess.Write(handle, content, 0);
    }

    /// <summary>
    /// Creates the file, which in a fresh staging folder does not exist yet. FileMode.Create would cost more: .NET
    /// opens without O_TRUNC and truncates with ftruncate, and ext4 takes a truncated file for one being replaced
    /// (auto_da_alloc), so closing it starts its write-back at once: for thousands of small
    /// pages that is CPU time a build can skip. A file written twice is overwritten, as before.
    /// </summary>
    private static Microsoft.Win32.SafeHandles.SafeFileHandle OpenNew(string path)
    {
        try
        {
            return File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }
        catch (IOException) when (File.Exists(path))
        {
            return File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.None);
        }
    }

    public void CopyFile(string source, string relativePath)
    {
        var path = Resolve(relativePath);
        EnsureDirectory(Path.GetDirectoryName(path)!);
        Hub.Core.Files.RootedFiles.Copy(source, path);
    }

    // Every folder is created once: thousands of pages share a few parents, and each mkdir is a system call.
    // (Lazy: a second writer waits until the first has created it.)
    private void EnsureDirectory(string directory) =>
        _ = _directories.GetOrAdd(directory, d => new Lazy<bool>(() => Directory.CreateDirectory(d).Exists)).Value;

    /// <summary>Replaces the output folder with the staging folder.</summary>
    public void Commit()
    {
        File.WriteAllText(Path.Combine(StagingPath, OutputSafety.MarkerFile), "This folder is written by `hub build` and replaced whole on every build.\n");
        string? old = null;
        if (Directory.Exists(_target))
        {
            old = Sibling(_target, Old);
            Directory.Move(_target, old);
        }
        try
        {
            Directory.Move(StagingPath, _target);
        }
        catch
        {
            if (old is not null)
            {
                Directory.Move(old, _target);
            }
            throw;
        }
        _committed = true;
        if (old is not null)
        {
            Directory.Delete(old, recursive: true);
        }
    }

    private const string Building = "building";
    private const string Old = "old";

    private static string Sibling(string target, string kind) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{kind}-{Environment.ProcessId}-{Guid.NewGuid():N}");

    /// <summary>
    /// Tidies what a killed build left beside <paramref name="target"/>, before a build that writes there. A build killed
    /// between the two renames of <see cref="Commit"/> left no output at all: the complete site it left is moved back,
    /// the new one when it was complete (it holds the marker, written before the renames), else the old one. Then the
    /// staging and old folders of builds no longer running are deleted; a build running at the same time keeps its own.
    /// </summary>
    public static void Recover(string target)
    {
        target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        var parent = Path.GetDirectoryName(target);
        if (parent is null || !Directory.Exists(parent))
        {
            return;
        }
        var prefix = $".{Path.GetFileName(target)}.";
        var leftovers = Directory.EnumerateDirectories(parent, prefix + "*")
            .Select(path => (Path: path, Kind: KindOf(Path.GetFileName(path)[prefix.Length..], out var process), Process: process))
            .Where(l => l.Kind is not null && !IsRunning(l.Process))
            .OrderBy(l => l.Kind == Building ? 0 : 1)
            .ThenByDescending(l => Directory.GetLastWriteTimeUtc(l.Path))
            .ToList();
        if (!Path.Exists(target)
            && leftovers.FirstOrDefault(l => File.Exists(Path.Combine(l.Path, OutputSafety.MarkerFile))) is { Path: not null } complete)
        {
            Directory.Move(complete.Path, target);
            leftovers.Remove(complete);
        }
        foreach (var (path, _, _) in leftovers)
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Tried again by the next build; the leftover is no part of the site.
            }
        }
    }

    /// <summary>
    /// "building" or "old" for a sibling named as <see cref="Sibling"/> names them (after the output's name and a dot:
    /// <c>building-{process}-{id}</c>, or <c>old-{id}</c> from an earlier Hub, whose build has ended), else null: a
    /// folder merely named like the output (<c>._site.old</c>) is the user's and never touched.
    /// </summary>
    private static string? KindOf(string suffix, out int? process)
    {
        process = null;
        var parts = suffix.Split('-');
        if (parts[0] is not (Building or Old) || !IsId(parts[^1]))
        {
            return null;
        }
        if (parts.Length == 3 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            process = id;
            return parts[0];
        }
        return parts.Length == 2 && parts[0] == Old ? Old : null;
    }

    private static bool IsId(string text) => text.Length == 32 && text.All(char.IsAsciiHexDigitLower);

    /// <summary>
    /// Whether the build that named a folder may still be writing it. (A process id reused since only delays the
    /// clean-up to a later build.)
    /// </summary>
    private static bool IsRunning(int? process)
    {
        if (process is not { } id)
        {
            return false;
        }
        if (id == Environment.ProcessId)
        {
            return true; // hub serve builds one at a time, but tests run several builds in one process
        }
        try
        {
            using var running = System.Diagnostics.Process.GetProcessById(id);
            return !running.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(StagingPath))
        {
            Directory.Delete(StagingPath, recursive: true);
        }
    }

    private string Resolve(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(StagingPath, relativePath.TrimStart('/')));
        if (!path.StartsWith(StagingPath + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{relativePath}' lies outside the output folder");
        }
        return path;
    }
}
