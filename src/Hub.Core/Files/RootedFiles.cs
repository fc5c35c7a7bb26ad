using System.IO.Enumeration;
using System.Runtime.InteropServices;
using System.Text;
using Hub.Core.Diagnostics;
using Microsoft.Win32.SafeHandles;

namespace Hub.Core.Files;

/// <summary>What <see cref="RootedFiles.CheckFile"/> found at a path.</summary>
public enum FileCheck
{
    /// <summary>A regular file inside the root (possibly reached through links that stay inside it): read it.</summary>
    Ok,

    /// <summary>Nothing there (or a folder): the caller decides whether that is an error.</summary>
    Missing,

    /// <summary>Refused, and the reason reported (HUB0110 or HUB0111).</summary>
    Refused,
}

/// <summary>
/// Every file Hub reads from the input and theme folders is found and opened here, so that a contributor cannot make a
/// build publish what lies outside them (a link to <c>/proc/self/environ</c>, to <c>../../.git/config</c>) nor hang it.
/// Symbolic links, to files and to folders, are followed when every step of their target resolves inside the root;
/// one leading outside is refused with HUB0110. A dangling link, a link loop, a FIFO, a socket or a device is refused
/// with HUB0111; such entries are never opened in a way that could block. Folders are walked here rather than by
/// <see cref="Directory.EnumerateFiles(string, string, SearchOption)"/>, which would follow a linked folder anywhere.
/// </summary>
public static class RootedFiles
{
    private const int MaxLinks = 40; // as Linux: more links than this in one path is a loop

    private static readonly EnumerationOptions Entries = new() { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false };

    private static readonly char[] Separators = OperatingSystem.IsWindows() ? ['\\', '/'] : ['/'];

    internal enum Resolution
    {
        Ok,
        Missing,
        Dangling,
        Loop,
    }

    /// <summary>
    /// The full paths of the files under <paramref name="folder"/> (itself in <paramref name="root"/>) whose names match
    /// <paramref name="pattern"/>, by the path they have under the folder (a file reached through a linked folder keeps
    /// the link's name). Entries that would be read and are refused are reported and left out.
    /// </summary>
    public static List<string> Enumerate(FileRoot root, string folder, string pattern, bool recurse, Func<string, string> displayPath, DiagnosticBag diagnostics)
    {
        var files = new List<string>();
        var start = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var (real, resolution) = Resolve(start);
        if (resolution == Resolution.Missing || !Accept(root, start, real, resolution, displayPath, diagnostics) || !Directory.Exists(real))
        {
            return files;
        }
        var walk = new Walk(root, pattern, recurse, displayPath, diagnostics, files);
        walk.Folder(start, real!, [real!]);
        return files;
    }

    /// <summary>Whether <paramref name="path"/> may be read; a refusal is reported, a missing file is not.</summary>
    public static FileCheck CheckFile(FileRoot root, string path, Func<string, string> displayPath, DiagnosticBag diagnostics)
    {
        var full = Path.GetFullPath(path);
        var (real, resolution) = Resolve(full);
        if (resolution == Resolution.Missing)
        {
            return FileCheck.Missing;
        }
        if (!Accept(root, full, real, resolution, displayPath, diagnostics))
        {
            return FileCheck.Refused;
        }
        if (Directory.Exists(real))
        {
            return FileCheck.Missing;
        }
        if (!IsRegular(real!, new FileInfo(real!).Length))
        {
            NotRegular(full, displayPath, diagnostics);
            return FileCheck.Refused;
        }
        return FileCheck.Ok;
    }

    /// <summary>
    /// Opens a file for reading without ever blocking: a FIFO, socket or other file that cannot seek is refused with an
    /// <see cref="IOException"/> instead of waiting for a writer that never comes.
    /// </summary>
    public static SafeFileHandle OpenRead(string path)
    {
        if (!NativeMethods.NonBlockingReadFlags(out var flags))
        {
            return File.OpenHandle(path); // Windows has no FIFOs in the file system
        }
        var fd = NativeMethods.Open(path, flags);
        if (fd < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            var message = $"could not open '{path}': {Marshal.GetPInvokeErrorMessage(error)}";
            throw error switch
            {
                2 => new FileNotFoundException(message, path), // ENOENT
                13 => new UnauthorizedAccessException(message), // EACCES
                _ => new IOException(message),
            };
        }
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        if (NativeMethods.Seek(fd, 0, NativeMethods.SeekCurrent) < 0)
        {
            handle.Dispose();
            throw new IOException($"'{path}' is not a regular file");
        }
        return handle;
    }

    /// <summary>The whole file, opened by <see cref="OpenRead"/>.</summary>
    public static byte[] ReadAllBytes(string path)
    {
        using var handle = OpenRead(path);
        var bytes = new byte[RandomAccess.GetLength(handle)];
        var total = 0;
        while (total < bytes.Length)
        {
            var read = RandomAccess.Read(handle, bytes.AsSpan(total), total);
            if (read == 0)
            {
                return bytes[..total];
            }
            total += read;
        }
        return bytes;
    }

    /// <summary>The file's text as <see cref="File.ReadAllText(string)"/> decodes it (UTF-8, or the encoding of its byte order mark).</summary>
    public static string ReadAllText(string path)
    {
        using var reader = new StreamReader(new MemoryStream(ReadAllBytes(path)), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>Copies a file opened by <see cref="OpenRead"/> into a new file at <paramref name="destination"/>.</summary>
    public static void Copy(string source, string destination)
    {
        using var input = OpenRead(source);
        using var output = new FileStream(destination, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        var buffer = new byte[81920];
        long offset = 0;
        int read;
        while ((read = RandomAccess.Read(input, buffer, offset)) > 0)
        {
            output.Write(buffer, 0, read);
            offset += read;
        }
    }

    /// <summary>
    /// Resolves every link in <paramref name="path"/>, component by component, as the operating system would: the real
    /// path, or why there is none (nothing there at all, a link to nothing, or a loop).
    /// </summary>
    private static (string? Real, Resolution Resolution) ResolveCore(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        var pending = new Stack<string>();
        Push(pending, full[current.Length..]);
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Join(current, part);
            var info = new FileInfo(next);
            if (!info.Exists && !Directory.Exists(next))
            {
                return (null, links > 0 ? Resolution.Dangling : Resolution.Missing);
            }
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    return (null, Resolution.Loop);
                }
                if (Path.IsPathRooted(target))
                {
                    current = Path.GetPathRoot(target)!;
                    target = target[current.Length..];
                }
                Push(pending, target);
                continue;
            }
            current = next;
        }
        return (current, Resolution.Ok);
    }

    internal static (string? Real, Resolution Resolution) Resolve(string path)
    {
        try
        {
            return ResolveCore(path);
        }
        catch (IOException)
        {
            return (null, Resolution.Loop); // ELOOP from a path the system itself gave up on
        }
        catch (UnauthorizedAccessException)
        {
            return (null, Resolution.Dangling);
        }
    }

    private static void Push(Stack<string> pending, string relative)
    {
        var parts = relative.Split(Separators);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }

    /// <summary>Reports why a resolved path may not be read; true when it may.</summary>
    private static bool Accept(FileRoot root, string path, string? real, Resolution resolution, Func<string, string> displayPath, DiagnosticBag diagnostics)
    {
        var location = SourceLocation.FileOnly(displayPath(path));
        switch (resolution)
        {
            case Resolution.Ok when root.Contains(real!):
                return true;
            case Resolution.Ok:
                diagnostics.Error(DiagnosticCodes.FileOutsideRoot, location, $"this is a symbolic link to a path outside the {root.Name}",
                    $"Hub reads files only from inside it: copy what the link points to into the {root.Name} instead");
                return false;
            case Resolution.Loop:
                diagnostics.Error(DiagnosticCodes.FileNotRegular, location, "this is a symbolic link that leads back to itself (a loop)");
                return false;
            default:
                diagnostics.Error(DiagnosticCodes.FileNotRegular, location, "this is a symbolic link to a path that does not exist");
                return false;
        }
    }

    private static void NotRegular(string path, Func<string, string> displayPath, DiagnosticBag diagnostics) =>
        diagnostics.Error(DiagnosticCodes.FileNotRegular, SourceLocation.FileOnly(displayPath(path)),
            "this is not a regular file (a FIFO, socket or device cannot be read)");

    /// <summary>
    /// True for a regular file. A FIFO, socket or device has length 0, so only an empty entry needs opening (without
    /// blocking) to tell.
    /// </summary>
    private static bool IsRegular(string path, long length)
    {
        if (length > 0)
        {
            return true;
        }
        try
        {
            using var handle = OpenRead(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private sealed class Walk(FileRoot root, string pattern, bool recurse, Func<string, string> displayPath, DiagnosticBag diagnostics, List<string> files)
    {
        private static readonly bool IgnoreCase = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS();

        /// <summary>Lists one folder; <paramref name="open"/> holds the real paths of the folders being walked (a folder link to one of them is a loop).</summary>
        public void Folder(string folder, string real, HashSet<string> open)
        {
            List<(string Name, bool IsDirectory, bool IsLink, long Length)> entries;
            try
            {
                entries = [.. new FileSystemEnumerable<(string, bool, bool, long)>(folder,
                    (ref FileSystemEntry e) => (e.FileName.ToString(), e.IsDirectory, (e.Attributes & FileAttributes.ReparsePoint) != 0, e.IsDirectory ? 0 : e.Length), Entries)];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(DiagnosticCodes.FileNotRegular, SourceLocation.FileOnly(displayPath(folder)), $"this folder could not be read: {ex.Message}");
                return;
            }
            entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            foreach (var (name, isDirectory, isLink, length) in entries)
            {
                var path = Path.Join(folder, name);
                var matches = FileSystemName.MatchesSimpleExpression(pattern, name, IgnoreCase);
                if (isLink)
                {
                    Link(path, matches, open);
                }
                else if (isDirectory)
                {
                    if (recurse)
                    {
                        Enter(path, Path.Join(real, name), open);
                    }
                }
                else if (matches)
                {
                    AddFile(path, path, length);
                }
            }
        }

        private void Link(string path, bool matches, HashSet<string> open)
        {
            var (real, resolution) = Resolve(path);
            var isFolder = resolution == Resolution.Ok && Directory.Exists(real);
            if (!(isFolder ? recurse : matches) || !Accept(root, path, real, resolution, displayPath, diagnostics))
            {
                return;
            }
            if (!isFolder)
            {
                AddFile(path, real!, new FileInfo(real!).Length);
            }
            else if (open.Contains(real!))
            {
                diagnostics.Error(DiagnosticCodes.FileNotRegular, SourceLocation.FileOnly(displayPath(path)),
                    "this is a symbolic link to a folder that contains it (a loop)");
            }
            else
            {
                Enter(path, real!, open);
            }
        }

        private void Enter(string path, string real, HashSet<string> open)
        {
            open.Add(real);
            Folder(path, real, open);
            open.Remove(real);
        }

        private void AddFile(string path, string real, long length)
        {
            if (IsRegular(real, length))
            {
                files.Add(path);
            }
            else
            {
                NotRegular(path, displayPath, diagnostics);
            }
        }
    }
}
