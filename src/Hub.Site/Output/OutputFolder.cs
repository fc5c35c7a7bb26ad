using System.Buffers;
using System.Collections.Concurrent;
using System.Text;

namespace Hub.Site.Output;

/// <summary>
/// Writes a build into a fresh temporary folder beside the output and swaps it in only on success, so a failed
/// build leaves the last good site untouched. Nothing outside the output folder and its temporary siblings is
/// ever deleted.
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
        StagingPath = Path.Combine(parent, $".{Path.GetFileName(_target)}.building-{Environment.ProcessId}-{Guid.NewGuid():N}");
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
    /// (auto_da_alloc), so closing it starts its write-back at once. Measured at 1,000 pages: close(), ftruncate()
    /// and that write-back were ≈ 5 % of a build's CPU time. A file written twice is overwritten, as before.
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
            old = Path.Combine(Path.GetDirectoryName(_target)!, $".{Path.GetFileName(_target)}.old-{Guid.NewGuid():N}");
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
