using System.Text;

namespace Hub.Site.Content;

/// <summary>Reads a content file's text as <see cref="File.ReadAllText(string)"/> does, with less garbage.</summary>
public static class TextFile
{
    /// <summary>
    /// The file's text: UTF-8 (a byte order mark is skipped, invalid bytes become U+FFFD), or what
    /// <see cref="File.ReadAllText(string)"/> makes of a file with a UTF-16 or UTF-32 byte order mark. Reads the bytes
    /// in one call (never blocking on a FIFO: see RootedFiles.OpenRead) and decodes them once, where a StreamReader allocates buffers of its own for every file.
    /// </summary>
    public static string Read(string path)
    {
        var bytes = Hub.Core.Files.RootedFiles.ReadAllBytes(path);
        if (bytes.Length >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE)))
        {
            // UTF-16 or UTF-32 (FF FE 00 00): rare, left to the StreamReader's detection.
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return Encoding.UTF8.GetString(bytes, bom, bytes.Length - bom);
    }
}
