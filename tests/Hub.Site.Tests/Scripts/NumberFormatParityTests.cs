using System.Text.Json;
using Hub.Site.Rendering;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Scripts;

/// <summary>
/// The worked examples (C#, <see cref="NumberDisplay"/>) and the calculator (<c>theme/assets/js/number-format.js</c>
/// under Node.js, whose Intl data is a browser's) write the same text for the same number: every result format and
/// input unit, in Japanese, Korean and English, in every currency with a symbol and one without, on values that
/// round at a tie, round to negative zero, or are too large for toFixed.
/// </summary>
public sealed class NumberFormatParityTests
{
    private static readonly double[] Values =
    [
        0, 1, -1, 0.5, 0.125, -0.125, 1.005, 2.675, 0.1 + 0.2, 1.0 / 3, -2.0 / 3, 0.0001, -0.0004, -0.004, -0.04,
        12345.6789, -1234.5678, 99.995, 999999.995, 1234567.1234567891, 123456789.987654321, 1e15 + 0.3, 1e21, 1e23, -5e-11,
    ];

    private static readonly string[] Langs = ["ja", "ko", "en"];
    private static readonly string[] Currencies = ["JPY", "KRW", "USD", "EUR", "GBP", "CHF"];
    private static readonly string[] Formats = ["percent", "currency", "months", "ratio", "number"];
    private static readonly string[] Units = ["percent", "currency", "days", "months", "number"];
    private static readonly int?[] Decimals = [null, 0, 1, 2, 4];

    [NodeFact]
    public void ResultsReadTheSameInCSharpAndJavaScript()
    {
        var cases = (from value in Values
                     from format in Formats
                     from decimals in Decimals
                     from lang in Langs
                     from currency in Currencies
                     select new Case("result", value, format, decimals, lang, currency, MonthsUnit(lang), null)).ToList();

        AssertSame(cases, c => NumberDisplay.Format(c.Value, c.Kind, c.Decimals, c.Lang, c.Currency, c.Months!));
    }

    [NodeFact]
    public void InputsReadTheSameInCSharpAndJavaScript()
    {
        var cases = (from value in Values
                     from unit in Units
                     from lang in Langs
                     from currency in Currencies
                     from words in new[] { false, true }
                     select new Case("input", value, unit, null, lang, currency, words ? MonthsUnit(lang) : null, words ? DaysUnit(lang) : null)).ToList();

        AssertSame(cases, c => NumberDisplay.Input(c.Value, c.Kind, c.Lang, c.Currency, c.Days, c.Months));
    }

    [Fact]
    public void WorkedExamplesKeepTheirText()
    {
        Assert.Equal("12.5%", NumberDisplay.Format(0.125, "percent", null, "ja", "JPY", "か月"));
        // A tie rounds to the even digit, as .NET always has.
        Assert.Equal("¥1,234", NumberDisplay.Format(1234.5, "currency", null, "ja", "JPY", "か月"));
        Assert.Equal("¥1,236", NumberDisplay.Format(1235.5, "currency", null, "ja", "JPY", "か月"));
        Assert.Equal("-$1,234.57", NumberDisplay.Format(-1234.5678, "currency", null, "en", "USD", "months"));
        Assert.Equal("CHF 10.00", NumberDisplay.Format(10, "currency", null, "en", "CHF", "months"));
        Assert.Equal("3.5 개월", NumberDisplay.Format(3.5, "months", null, "ko", "KRW", "개월"));
        Assert.Equal("0.0%", NumberDisplay.Format(-0.0001, "percent", null, "en", "USD", "months"));
        // "Up to" decimals stop at 15 significant digits: the exact binary value (1234567.12345678918…) rounds at the eighth.
        Assert.Equal("1,234,567.12345679", NumberDisplay.Format(1234567.1234567891, "number", null, "en", "USD", "months"));
        Assert.Equal("1,234,567.891", NumberDisplay.Format(1234567.891, "number", null, "en", "USD", "months"));
        Assert.Equal("5%", NumberDisplay.Input(0.05, "percent", "ja", "JPY"));
        Assert.Equal("30", NumberDisplay.Input(30, "days", "ja", "JPY"));
        Assert.Equal("30 日", NumberDisplay.Input(30, "days", "ja", "JPY", daysUnit: "日"));
    }

    private static string MonthsUnit(string lang) => lang switch { "ja" => "か月", "ko" => "개월", _ => "months" };

    private static string DaysUnit(string lang) => lang switch { "ja" => "日", "ko" => "일", _ => "days" };

    private static void AssertSame(List<Case> cases, Func<Case, string> csharp)
    {
        var actual = RunJavaScript(cases);
        Assert.Equal(cases.Count, actual.Count);
        var mismatches = cases.Select((c, i) => (Case: c, Expected: csharp(c), Actual: actual[i]))
            .Where(x => x.Expected != x.Actual)
            .Select(x => $"{x.Case}: C# \"{x.Expected}\", JS \"{x.Actual}\"")
            .ToList();
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {cases.Count} differ:\n" + string.Join("\n", mismatches.Take(40)));
    }

    private static List<string> RunJavaScript(List<Case> cases)
    {
        var dir = Directory.CreateTempSubdirectory("hub-number-format-");
        try
        {
            var input = Path.Combine(dir.FullName, "cases.json");
            var script = Path.Combine(dir.FullName, "run.mjs");
            File.WriteAllText(input, JsonSerializer.Serialize(cases));
            File.WriteAllText(script, """
                import { readFileSync } from 'node:fs';
                import { pathToFileURL } from 'node:url';
                const { formatResult, formatInput } = await import(pathToFileURL(process.argv[2]).href);
                const cases = JSON.parse(readFileSync(process.argv[3], 'utf8'));
                const texts = cases.map((c) => c.Mode === 'result'
                  ? formatResult(c.Value, c.Kind, c.Decimals, c.Lang, c.Currency, c.Months)
                  : formatInput(c.Value, c.Kind, c.Lang, c.Currency, { days: c.Days, months: c.Months }));
                process.stdout.write(JSON.stringify(texts));
                """);
            var module = Path.Combine(TestSite.Theme, "assets", "js", "number-format.js");
            var (exit, output, error) = NodeJs.Run(dir.FullName, "--no-warnings", script, module, input);
            Assert.True(exit == 0, "node failed: " + error);
            return JsonSerializer.Deserialize<List<string>>(output)!;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private sealed record Case(string Mode, double Value, string Kind, int? Decimals, string Lang, string Currency, string? Months, string? Days);
}
