using System.Text;
using Hub.Site.Content;
using Xunit;

namespace Hub.Site.Tests;

/// <summary>Content files are read as File.ReadAllText reads them, whatever their bytes.</summary>
public sealed class TextFileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hub-text-file-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static TheoryData<string, byte[]> Files() => new()
    {
        { "empty", [] },
        { "UTF-8", Encoding.UTF8.GetBytes("---\ntitle: 解約率\n---\n한국어 and English\n") },
        { "UTF-8 with a byte order mark", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("---\ntitle: ヘルススコア\n---\n")] },
        { "a byte order mark alone", [0xEF, 0xBB, 0xBF] },
        { "invalid UTF-8", [0x61, 0xFF, 0xC3, 0x28, 0xE3, 0x81, 0x0A, 0xF0, 0x9F, 0x98] },
        { "UTF-16 LE with a byte order mark", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("title: 解約\n")).ToArray() },
        { "UTF-16 BE with a byte order mark", Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes("title: 解約\n")).ToArray() },
        { "UTF-32 LE with a byte order mark", Encoding.UTF32.GetPreamble().Concat(Encoding.UTF32.GetBytes("title: 解約\n")).ToArray() },
        { "one byte", [0xFE] },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Reads_what_File_ReadAllText_reads(string name, byte[] bytes)
    {
        var path = Path.Combine(_root, name + ".md");
        File.WriteAllBytes(path, bytes);

        Assert.Equal(File.ReadAllText(path), TextFile.Read(path));
    }
}
