using Hub.Site.Rendering;

namespace Hub.Site.Tests.Rendering;

/// <summary>
/// How a KPI page writes numbers without JavaScript (worked examples): each result format, in the page's language,
/// with the site's currency; and an example's inputs as a person would type them.
/// </summary>
public sealed class NumberDisplayTests
{
    public static TheoryData<double, string, int?, string, string, string> Results() => new()
    {
        // Percent: a ratio times 100, one decimal unless the KPI says otherwise.
        { 0.0512, "percent", null, "en", "5.1%", "months" },
        { 0.0512, "percent", null, "ja", "5.1%", "か月" },
        { 0.0512, "percent", 2, "ko", "5.12%", "개월" },
        { 12.3456, "percent", null, "en", "1,234.6%", "months" },
        { -0.05, "percent", null, "en", "-5.0%", "months" },
        { 0.0512, "percent", null, "de", "5,1%", "Monate" },
        // Months: one decimal and the language's unit.
        { 3.26, "months", null, "en", "3.3 months", "months" },
        { 14, "months", null, "ja", "14.0 か月", "か月" },
        { 14, "months", 0, "ko", "14 개월", "개월" },
        // Ratio: two decimals.
        { 1.2345, "ratio", null, "en", "1.23", "months" },
        { 1234.567, "ratio", null, "de", "1.234,57", "Monate" },
        { 1.2345, "ratio", 0, "ja", "1", "か月" },
        // A plain number: as many decimals as it has (up to ten), or the KPI's.
        { 1234567.891, "number", null, "en", "1,234,567.891", "months" },
        { 1234567.891, "number", 1, "ja", "1,234,567.9", "か月" },
        { 42, "number", null, "ko", "42", "개월" },
        { 0.1 + 0.2, "number", null, "en", "0.3", "months" },
        { 1234.5, "", null, "de", "1.234,5", "Monate" },
        // A language .NET does not know formats as the invariant culture.
        { 1234.5, "ratio", null, "not a language!", "1,234.50", "months" },
    };

    [Theory]
    [MemberData(nameof(Results))]
    public void Results_in_every_format(double value, string format, int? decimals, string lang, string expected, string monthsUnit) =>
        Assert.Equal(expected, NumberDisplay.Format(value, format, decimals, lang, "USD", monthsUnit));

    public static TheoryData<double, int?, string, string, string> Currencies() => new()
    {
        // Yen and won have no minor unit shown; other currencies two decimals.
        { 1234.6, null, "ja", "JPY", "¥1,235" },
        { 1234.4, null, "ja", "JPY", "¥1,234" },
        { 1234567, null, "ko", "KRW", "₩1,234,567" },
        { 1234.5, null, "en", "USD", "$1,234.50" },
        { 1234.5, null, "en", "EUR", "€1,234.50" },
        { 1234.5, null, "en", "GBP", "£1,234.50" },
        { 1234.6, 0, "en", "USD", "$1,235" },
        { 1234.5, 1, "ja", "JPY", "¥1,234.5" },
        { -1234.5, null, "en", "USD", "-$1,234.50" },
        // A currency without a symbol of its own is written by its code.
        { 1234.5, null, "en", "CHF", "CHF 1,234.50" },
        // The language decides the separators; the symbol goes first in every language, as the calculator writes it.
        { 1234.5, null, "de", "EUR", "€1.234,50" },
        // "Up to" decimals stop at the digits a double carries.
        { 1234567.891, null, "en", "USD", "$1,234,567.89" },
    };

    [Theory]
    [MemberData(nameof(Currencies))]
    public void Currency_results(double value, int? decimals, string lang, string currency, string expected) =>
        Assert.Equal(expected, NumberDisplay.Format(value, "currency", decimals, lang, currency, "months"));

    public static TheoryData<double, string, int?, string, string, string> Midpoints() => new()
    {
        // .NET's "N" and "C" formats round a midpoint that binary represents exactly to the even digit, where
        // JavaScript's Intl.NumberFormat rounds it away from zero: pinned here so a change for parity is deliberate.
        { 0.125, "percent", 0, "en", "USD", "12%" },
        { 3.25, "months", null, "en", "USD", "3.2 months" },
        { 1234.5, "currency", null, "ja", "JPY", "¥1,234" },
        { 1235.5, "currency", null, "ja", "JPY", "¥1,236" },
        { 1234.5, "currency", 0, "en", "USD", "$1,234" },
    };

    [Theory]
    [MemberData(nameof(Midpoints))]
    public void Midpoints_round_to_even(double value, string format, int? decimals, string lang, string currency, string expected) =>
        Assert.Equal(expected, NumberDisplay.Format(value, format, decimals, lang, currency, "months"));

    public static TheoryData<double, string, string, string, string> Inputs() => new()
    {
        { 0.05, "percent", "en", "USD", "5%" },
        { 0.0525, "percent", "ja", "JPY", "5.25%" },
        { 0.123456789, "percent", "en", "USD", "12.3456789%" },
        { 1500, "currency", "ja", "JPY", "¥1,500" },
        { 1500, "currency", "en", "USD", "$1,500.00" },
        { 1234.5, "count", "en", "USD", "1,234.5" },
        { 1234.5, "count", "de", "EUR", "1.234,5" },
        { 120, "", "ko", "KRW", "120" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Inputs_as_typed(double value, string unit, string lang, string currency, string expected) =>
        Assert.Equal(expected, NumberDisplay.Input(value, unit, lang, currency));
}
