using System.Globalization;
using System.Text;

namespace Hub.Search.Lunr;

/// <summary>Writes JSON exactly as JavaScript's <c>JSON.stringify</c> does (no spaces, same escapes, same numbers).</summary>
internal static class JsonText
{
    public static void WriteString(StringBuilder output, string value)
    {
        output.Append('"');
        var run = 0; // start of the characters not yet written that need no escape
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= 0x20 && c != '"' && c != '\\' && !IsLoneSurrogate(value, i))
            {
                continue;
            }

            output.Append(value.AsSpan(run, i - run));
            run = i + 1;
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\b': output.Append("\\b"); break;
                case '\f': output.Append("\\f"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                default: output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
            }
        }

        output.Append(value.AsSpan(run)).Append('"');
    }

    /// <summary>An integer in invariant digits, without an intermediate string.</summary>
    public static StringBuilder WriteInteger(StringBuilder output, long value) =>
        output.Append(CultureInfo.InvariantCulture, $"{value}");

    /// <summary>JavaScript's Number::toString: shortest round-trip digits, exponent only below 1e-6 or from 1e21.</summary>
    public static void WriteNumber(StringBuilder output, double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            output.Append("null");
            return;
        }

        if (value == 0)
        {
            output.Append('0');
            return;
        }

        if (value < 0)
        {
            output.Append('-');
            value = -value;
        }

        // "R" is the shortest round-trip form; take its digits and decimal exponent apart.
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOf('E', StringComparison.Ordinal);
        var mantissa = e < 0 ? r : r[..e];
        var exponent = e < 0 ? 0 : int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = dot < 0 ? mantissa.Length : dot;
        var digits = mantissa.Replace(".", string.Empty, StringComparison.Ordinal);
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        var k = digits.Length;
        var n = integerDigits - leadingZeros + exponent; // value = 0.digits × 10^n

        if (k <= n && n <= 21)
        {
            output.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            output.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            output.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            output.Append(digits[0]);
            if (k > 1)
            {
                output.Append('.').Append(digits, 1, k - 1);
            }

            output.Append('e').Append(n - 1 >= 0 ? "+" : "-").Append(Math.Abs(n - 1).ToString(CultureInfo.InvariantCulture));
        }
    }

    private static bool IsLoneSurrogate(string s, int i)
    {
        var c = s[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]);
        }

        return char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(s[i - 1]));
    }
}
