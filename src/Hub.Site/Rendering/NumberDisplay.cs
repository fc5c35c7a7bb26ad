using System.Globalization;
using System.Text;

namespace Hub.Site.Rendering;

/// <summary>
/// Formats KPI numbers for reading on a page without JavaScript, in the page's language: ratios as percent
/// where the format says so, currency with the site's currency. The calculator's twin,
/// <c>theme/assets/js/number-format.js</c>, gives the same text for the same arguments: both spell the
/// algorithm out (rounding of the exact binary value, a tie to even; no negative zero; the language's
/// separators; one table of symbols) because .NET's culture patterns and the browser's Intl.NumberFormat
/// disagree. A parity test runs both.
/// </summary>
public static class NumberDisplay
{
    private static readonly string[] WholeCurrencies = ["JPY", "KRW"];

    /// <summary>The most significant digits an "up to" number is written with: what a double reliably carries.</summary>
    private const int SignificantDigits = 15;

    /// <summary>A KPI result as its format says: percent of a ratio, currency, months, ratio or number.</summary>
    public static string Format(double value, string format, int? decimals, string lang, string currency, string monthsUnit)
    {
        var culture = Culture(lang);
        return format switch
        {
            "percent" => Fixed(value * 100, decimals ?? 1, decimals ?? 1, culture) + "%",
            "currency" => Money(value, decimals, culture, currency),
            "months" => Fixed(value, decimals ?? 1, decimals ?? 1, culture) + " " + monthsUnit,
            "ratio" => Fixed(value, decimals ?? 2, decimals ?? 2, culture),
            _ => decimals is { } d ? Fixed(value, d, d, culture) : Fixed(value, 0, 10, culture),
        };
    }

    /// <summary>
    /// An input's value as a person types it: percent inputs (ratios) as percent, money with its symbol, days and
    /// months followed by their word when one is given.
    /// </summary>
    public static string Input(double value, string unit, string lang, string currency, string? daysUnit = null, string? monthsUnit = null)
    {
        var culture = Culture(lang);
        return unit switch
        {
            "percent" => Fixed(value * 100, 0, 10, culture) + "%",
            "currency" => Money(value, null, culture, currency),
            "days" => WithUnit(Fixed(value, 0, 10, culture), daysUnit),
            "months" => WithUnit(Fixed(value, 0, 10, culture), monthsUnit),
            _ => Fixed(value, 0, 10, culture),
        };
    }

    /// <summary>What is written for a currency: its symbol, or its ISO code followed by a space.</summary>
    public static string CurrencySymbol(string currency) => currency switch
    {
        "JPY" => "¥",
        "KRW" => "₩",
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        _ => currency + " ",
    };

    private static string WithUnit(string number, string? word) => string.IsNullOrEmpty(word) ? number : number + " " + word;

    private static string Money(double value, int? decimals, CultureInfo culture, string currency)
    {
        var digits = decimals ?? (WholeCurrencies.Contains(currency, StringComparer.Ordinal) ? 0 : 2);
        var text = Fixed(value, digits, digits, culture);
        var negative = text.StartsWith('-');
        return (negative ? "-" : "") + CurrencySymbol(currency) + (negative ? text[1..] : text);
    }

    /// <summary>
    /// A number with at least <paramref name="min"/> and at most <paramref name="max"/> decimals (trailing zeros
    /// dropped down to the minimum), grouped by thousands; a negative number that rounds to zero is written as zero.
    /// </summary>
    private static string Fixed(double value, int min, int max, CultureInfo culture)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (min < max)
        {
            // "Up to" decimals never reach past what a double carries (1234567.891 is not 1234567.8910000001).
            var whole0 = Math.Floor(Math.Abs(value));
            var wholeDigits = whole0 < 1 ? 0 : whole0.ToString("F0", CultureInfo.InvariantCulture).Length;
            max = Math.Max(min, Math.Min(max, SignificantDigits - wholeDigits));
        }

        // "F" rounds the exact binary value, a tie to the even digit; number-format.js does the same with toFixed.
        var text = Math.Abs(value).ToString("F" + max, CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? "" : text[(dot + 1)..];
        var keep = fraction.Length;
        while (keep > min && fraction[keep - 1] == '0')
        {
            keep--;
        }

        fraction = fraction[..keep];
        var negative = value < 0 && text.Any(c => c is >= '1' and <= '9');
        var format = culture.NumberFormat;
        var result = new StringBuilder(text.Length + 8);
        if (negative)
        {
            result.Append('-');
        }

        for (var i = 0; i < whole.Length; i++)
        {
            if (i > 0 && (whole.Length - i) % 3 == 0)
            {
                result.Append(format.NumberGroupSeparator);
            }

            result.Append(whole[i]);
        }

        if (fraction.Length > 0)
        {
            result.Append(format.NumberDecimalSeparator).Append(fraction);
        }

        return result.ToString();
    }

    private static CultureInfo Culture(string lang)
    {
        try
        {
            return CultureInfo.GetCultureInfo(lang);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}
