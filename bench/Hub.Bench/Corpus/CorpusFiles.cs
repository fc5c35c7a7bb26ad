using System.Security.Cryptography;
using System.Text;

namespace Hub.Bench.Corpus;

/// <summary>
/// Writes text files under one root (UTF-8 without BOM, \n line ends) and keeps a digest of every path and
/// byte written, so two runs can be compared at a glance.
/// </summary>
public sealed class CorpusFiles(string root) : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly IncrementalHash _digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public int Count { get; private set; }

    public long Bytes { get; private set; }

    public void Write(string relativePath, string content)
    {
        var bytes = Utf8.GetBytes(content);
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        _digest.AppendData(Utf8.GetBytes(relativePath.Replace('\\', '/') + "\0"));
        _digest.AppendData(bytes);
        Count++;
        Bytes += bytes.Length;
    }

    public string Digest() => Convert.ToHexStringLower(_digest.GetCurrentHash())[..16];

    public void Dispose() => _digest.Dispose();

    /// <summary>Double-quoted YAML scalar.</summary>
    public static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    public static string Number(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
