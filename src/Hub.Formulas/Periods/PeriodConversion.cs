using Hub.Core.Diagnostics;

namespace Hub.Formulas.Periods;

/// <summary>
/// Converts a KPI result stated for one period (monthly, quarterly, annual) into another. Each conversion is an
/// ordinary formula over one input, <see cref="Input"/>, checked by <see cref="FormulaChecker"/> and compiled into the
/// calculators' script under <see cref="Key"/>, so the page converts exactly as the build does:
/// <list type="bullet">
/// <item><c>retention</c>: a share kept that compounds (GRR, NRR, logo retention): <c>x^k</c>;</item>
/// <item><c>churn</c>: a share lost that compounds (churn rates): <c>1 - (1 - x)^k</c>;</item>
/// <item><c>sum</c>: a flow that adds up (MRR to ARR, new customers): <c>x * k</c>;</item>
/// </list>
/// where <c>k</c> is the target period's months over the source period's (12 from monthly to annual, 1/12 back).
/// </summary>
public static class PeriodConversion
{
    /// <summary>The name of the one input of a conversion formula.</summary>
    public const string Input = "x";

    /// <summary>The periods a KPI may state, shortest first.</summary>
    public static IReadOnlyList<string> Periods { get; } = ["monthly", "quarterly", "annual"];

    /// <summary>The ways a result carries over to a longer period.</summary>
    public static IReadOnlyList<string> Compoundings { get; } = ["retention", "churn", "sum"];

    public static bool IsPeriod(string? value) => value is not null && Periods.Contains(value, StringComparer.Ordinal);

    public static bool IsCompounding(string? value) => value is not null && Compoundings.Contains(value, StringComparer.Ordinal);

    /// <summary>The months a period spans.</summary>
    public static int Months(string period) => period switch
    {
        "monthly" => 1,
        "quarterly" => 3,
        "annual" => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "not a period"),
    };

    /// <summary>The key of a conversion in the <c>formulas</c> kpi-formulas.js exports; a colon never occurs in a KPI slug, so keys
    /// of conversions and of KPIs cannot meet.</summary>
    public static string Key(string compounding, string from, string to) => $"period:{compounding}:{from}:{to}";

    /// <summary>The C# expression of a conversion over <see cref="Input"/>.</summary>
    public static string Expression(string compounding, string from, string to)
    {
        // The ratio stays a division of two literals, so 1/12 is the same double in C# and JavaScript.
        var k = $"{Months(to)}.0 / {Months(from)}";
        return compounding switch
        {
            "retention" => $"Math.Pow(x, {k})",
            "churn" => $"1 - Math.Pow(1 - x, {k})",
            "sum" => $"x * ({k})",
            _ => throw new ArgumentOutOfRangeException(nameof(compounding), compounding, "not a compounding"),
        };
    }

    /// <summary>The conversion as a formula to check, located at <paramref name="location"/> (where the KPI declares it).</summary>
    public static FormulaSource Source(string compounding, string from, string to, SourceLocation location) =>
        new(Key(compounding, from, to), Expression(compounding, from, to), [Input], _ => location);

    /// <summary>Runs a checked conversion formula on one value.</summary>
    public static double Apply(CheckedFormula conversion, double value) =>
        conversion.Evaluate(new Dictionary<string, double>(StringComparer.Ordinal) { [Input] = value });
}
