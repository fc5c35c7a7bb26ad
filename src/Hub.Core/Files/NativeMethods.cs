using System.Runtime.InteropServices;

namespace Hub.Core.Files;

/// <summary>
/// The two C library calls .NET does not offer: opening without blocking (.NET's open waits forever for a writer
/// when the path is a FIFO) and asking whether the opened file can seek (a FIFO, socket or terminal cannot; .NET
/// reports all of them as ordinary files).
/// </summary>
internal static partial class NativeMethods
{
    public const int SeekCurrent = 1;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "lseek", SetLastError = true)]
    public static partial long Seek(int fd, long offset, int whence);

    /// <summary>O_RDONLY | O_NONBLOCK | O_CLOEXEC on the systems whose values are known; false elsewhere.</summary>
    public static bool NonBlockingReadFlags(out int flags)
    {
        flags = OperatingSystem.IsLinux() ? 0x800 | 0x80000
            : OperatingSystem.IsMacOS() ? 0x4 | 0x1000000
            : OperatingSystem.IsFreeBSD() ? 0x4 | 0x100000
            : 0;
        return flags != 0;
    }
}
