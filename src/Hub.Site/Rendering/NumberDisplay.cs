using System.Globalization;

namespace Hub.Site.Rendering;

/// <summary>
/// Formats KPI numbers for reading on a page without JavaScript, in the page's language: ratios as percent
/// where the format says so, currency with the site's currency. The calculator formats the same way in JS.
/// </summary>
public static class NumberDisplay
{
    public static string Format(double value, string format, int? decimals, string lang, string currency, string monthsUnit)
    {
        var culture = Culture(lang);
        return format switch
        {
            "percent" => (value * 100).ToString("N" + (decimals ?? 1), culture) + "%",
            "currency" => Currency(value, decimals, culture, currency),
            "months" => value.ToString("N" + (decimals ?? 1), culture) + " " + monthsUnit,
            "ratio" => value.ToString("N" + (decimals ?? 2), culture),
            _ => decimals is { } d ? value.ToString("N" + d, culture) : value.ToString("#,0.##########", culture),
        };
    }

    /// <summary>An input's value as a person types it: percent inputs as percent.</summary>
    public static string Input(double value, string unit, string lang, string currency) => unit switch
    {
        "percent" => (value * 100).ToString("#,0.##########", Culture(lang)) + "%",
        "currency" => Currency(value, null, Culture(lang), currency),
        _ => value.ToString("#,0.##########", Culture(lang)),
    };

    private static string Currency(double value, int? decimals, CultureInfo culture, string currency)
    {
        var info = (NumberFormatInfo)culture.NumberFormat.Clone();
        info.CurrencySymbol = currency switch { "JPY" => "¥", "KRW" => "₩", "USD" => "$", "EUR" => "€", "GBP" => "£", _ => currency + " " };
        var digits = decimals ?? (currency is "JPY" or "KRW" ? 0 : 2);
        return value.ToString("C" + digits, info);
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
