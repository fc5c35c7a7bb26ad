using System.Security.Cryptography;
using System.Text;
using Hub.Site.Content;

namespace Hub.Site.Translations;

/// <summary>
/// The version of a source file that a translation records in <c>translationOf</c>: the first 12 hexadecimal digits
/// of the SHA-256 of its text, with line endings made <c>\n</c> and any <c>translationOf</c> line left out, so that
/// the version depends on what the file says, not on git, the platform or the file's dates.
/// </summary>
public static class TranslationHash
{
    public const int Length = 12;

    public static string OfFile(string path) => Of(TextFile.Read(path));

    public static string Of(string text)
    {
        var kept = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Where(line => !line.StartsWith("translationOf:", StringComparison.Ordinal));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', kept)));
        return Convert.ToHexStringLower(hash)[..Length];
    }

    public static bool IsValid(string value) => value.Length == Length && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
