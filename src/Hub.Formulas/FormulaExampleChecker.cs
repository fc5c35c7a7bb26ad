using System.Globalization;
using Hub.Core.Diagnostics;

namespace Hub.Formulas;

/// <summary>Checks a KPI's worked example against its formula, with the contract's tolerance.</summary>
public static class FormulaExampleChecker
{
    /// <summary>The largest relative difference between the stated and the computed result that still matches.</summary>
    public const double RelativeTolerance = 1e-9;

    /// <summary>True when the example's stated result matches the C# evaluation; otherwise reports HUB0210,
    /// HUB0211 or HUB0212 at <paramref name="location"/> (the example's place in the KPI file).</summary>
    public static bool Check(CheckedFormula formula, IReadOnlyDictionary<string, double> inputs, double expected, SourceLocation location, DiagnosticBag diagnostics)
    {
        var missing = formula.InputNames.Where(n => !inputs.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            diagnostics.Error(DiagnosticCodes.ExampleInputMissing, location,
                $"example gives no value for input{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing.Select(n => $"'{n}'"))}");
            return false;
        }
        if (!formula.TryEvaluate(inputs, out var actual, out var error) || !double.IsFinite(actual))
        {
            diagnostics.Error(DiagnosticCodes.ExampleNotComputable, location,
                $"example cannot be computed: {error ?? $"the formula gives {Format(actual)}"}");
            return false;
        }
        if (Matches(expected, actual))
        {
            return true;
        }
        diagnostics.Error(DiagnosticCodes.ExampleMismatch, location,
            $"example result {Format(expected)} does not match the formula, which gives {Format(actual)}");
        return false;
    }

    /// <summary>Equal, or within <see cref="RelativeTolerance"/> of the larger magnitude.</summary>
    public static bool Matches(double expected, double actual) =>
        expected == actual || Math.Abs(expected - actual) <= RelativeTolerance * Math.Max(Math.Abs(expected), Math.Abs(actual));

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
