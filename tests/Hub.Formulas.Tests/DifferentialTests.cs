using System.Diagnostics;
using Hub.Core.Diagnostics;
using Hub.Formulas.Tests.Support;
using Xunit.Abstractions;

namespace Hub.Formulas.Tests;

/// <summary>The generated JavaScript, run in Jint, must return the same double (bit for bit, NaN equal to NaN) as
/// the C# evaluation, for thousands of random formulas and for every combination of edge values.</summary>
public sealed class DifferentialTests(ITestOutputHelper output)
{
    private const int FormulaCount = 1000;
    private const int InputSetsPerFormula = 10;

    [Fact]
    public void Random_formulas_compute_the_same_bits_in_CSharp_and_JavaScript()
    {
        var clock = Stopwatch.StartNew();
        var random = new RandomFormulas(seed: 20251123);
        var formulas = new List<CheckedFormula>();
        var rejected = new List<string>();
        for (var i = 0; i < FormulaCount; i++)
        {
            var text = random.Next();
            var bag = new DiagnosticBag();
            var formula = Shared.Checker.Check(TestSources.Source($"f{i:D4}", text, RandomFormulas.Inputs), bag);
            if (formula is null)
            {
                // Constant int arithmetic that overflows or divides by zero is a compile-time error in C#.
                Assert.All(bag.Sorted().Where(d => d.IsError), d => Assert.True(d.Code == DiagnosticCodes.FormulaTypeError.Code && d.Hint is "CS0220" or "CS0020", $"{text}: {d}"));
                rejected.Add(text);
            }
            else
            {
                formulas.Add(formula);
            }
        }
        var checkTime = clock.Elapsed;
        Assert.True(rejected.Count < FormulaCount / 10, $"{rejected.Count} rejected, e.g. {string.Join(" | ", rejected.Take(5))}");

        var script = FormulaScriptWriter.Write(formulas);
        using var jint = new JintRunner(script);
        var mismatches = new List<string>();
        var evaluations = 0;
        var nans = 0;
        foreach (var formula in formulas)
        {
            for (var k = 0; k < InputSetsPerFormula; k++)
            {
                var inputs = random.NextInputs();
                var expected = formula.Evaluate(inputs);
                var actual = jint.Call(formula.Key, inputs);
                evaluations++;
                nans += double.IsNaN(expected) ? 1 : 0;
                if (!Bits.Same(expected, actual))
                {
                    mismatches.Add($"{formula.Expression} with {RandomFormulas.Format(inputs)}: C# {Bits.Show(expected)}, JS {Bits.Show(actual)}\n  JS: {formula.JavaScriptBody}");
                }
            }
        }
        output.WriteLine($"{formulas.Count} formulas checked in {checkTime.TotalSeconds:F1} s ({rejected.Count} rejected as C# compile errors); " +
            $"{evaluations} evaluations ({nans} NaN) compared in {(clock.Elapsed - checkTime).TotalSeconds:F1} s");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches:\n{string.Join("\n", mismatches.Take(15))}");
    }

    public static TheoryData<string> EdgeFormulas =>
    [
        "a / b", "a % b", "a * b", "a - b", "-a", "+a - -b", "a == b ? 1 : 0", "a < b ? a : b", "!(a >= b) ? 1.5 : -0.0",
        "Math.Round(a)", "Math.Round(a, 2)", "Math.Round(a, 15)", "Math.Round(a * b, 1)", "Math.Floor(a)", "Math.Ceiling(a)",
        "Math.Abs(a)", "Math.Min(a, b)", "Math.Max(a, b)", "Math.Min(a, 0)", "Math.Max(-0.0, a)", "Math.Pow(a, b)", "Math.Sqrt(a)",
        "Math.Log(a)", "Math.Log(a, b)", "Math.Exp(a)", "Math.Clamp(a, b, 1.5)", "Math.Clamp(0.5, a, b)",
        "(a > 0 ? 7 : -7) % (b > 0 ? 2 : -2)", "(a > 0 ? 1 : 2) / (b > 0 ? 0 : 3)", "(a > b ? 2147483647 : 46341) * (b > 0 ? 46341 : 2)",
        "Math.Abs(a > 0 ? -2147483647 - 1 : 5)", "-(a > b ? -2147483647 - 1 : 3)", "Math.Round(a, a > 0 ? 2 : 16)",
    ];

    [Theory]
    [MemberData(nameof(EdgeFormulas))]
    public void Edge_values_compute_the_same_bits(string expression)
    {
        var formula = TestSources.Checked(expression, "a", "b");
        using var jint = new JintRunner(FormulaScriptWriter.Write([formula]));
        var values = new RandomFormulas(1).EdgeValueList;
        var mismatches = new List<string>();
        foreach (var a in values)
        {
            foreach (var b in values)
            {
                var inputs = new Dictionary<string, double> { ["a"] = a, ["b"] = b };
                var expected = formula.Evaluate(inputs);
                var actual = jint.Call(formula.Key, inputs);
                if (!Bits.Same(expected, actual))
                {
                    mismatches.Add($"a={Bits.Show(a)}, b={Bits.Show(b)}: C# {Bits.Show(expected)}, JS {Bits.Show(actual)}");
                }
            }
        }
        Assert.True(mismatches.Count == 0, $"{expression} -> {formula.JavaScriptBody}\n{string.Join("\n", mismatches.Take(15))}");
    }
}
