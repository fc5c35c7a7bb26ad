using System.Globalization;
using System.Text;

namespace Hub.Search.Tests;

/// <summary>Reads Specs/*.spec: cases of <c>input:</c> and <c>tokens:</c> lines with \u escapes.</summary>
internal static class SpecFile
{
    public static IEnumerable<object[]> TokenizerCases()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Specs", "tokenizer.spec");
        string? input = null;
        var line = 0;
        var inputLine = 0;
        foreach (var raw in File.ReadLines(path))
        {
            line++;
            if (raw.StartsWith("input:", StringComparison.Ordinal))
            {
                input = Unescape(raw["input:".Length..].TrimStart(' '));
                inputLine = line;
            }
            else if (raw.StartsWith("tokens:", StringComparison.Ordinal))
            {
                var expected = raw["tokens:".Length..].Trim(' ');
                var tokens = expected.Length == 0 ? "" : string.Join(" ", expected.Split(' ').Select(Unescape));
                yield return [$"tokenizer.spec:{inputLine}", input ?? throw new FormatException($"tokens without input at line {line}"), tokens];
                input = null;
            }
        }
    }

    public static string Unescape(string s)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length && s[i + 1] == 'u')
            {
                if (s[i + 2] == '{')
                {
                    var end = s.IndexOf('}', i);
                    sb.Append(char.ConvertFromUtf32(int.Parse(s[(i + 3)..end], NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                    i = end;
                }
                else
                {
                    sb.Append((char)int.Parse(s.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 5;
                }
            }
            else if (s[i] == '\\' && i + 1 < s.Length && s[i + 1] == 't')
            {
                sb.Append('\t');
                i++;
            }
            else if (s[i] == '\\' && i + 1 < s.Length && s[i + 1] == 'n')
            {
                sb.Append('\n');
                i++;
            }
            else
            {
                sb.Append(s[i]);
            }
        }

        return sb.ToString();
    }
}
