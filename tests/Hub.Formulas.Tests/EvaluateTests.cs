using Hub.Formulas.Tests.Support;

namespace Hub.Formulas.Tests;

/// <summary>Pins the C# semantics the evaluator reproduces, and the decisions where C# throws.</summary>
public sealed class EvaluateTests
{
    [Theory]
    [InlineData("1 / 2 * a", 10, 0)]
    [InlineData("1.0 / 2 * a", 10, 5)]
    [InlineData("a * 7 / 2", 1, 3.5)]
    [InlineData("7 / 2 * a", 1, 3)]
    [InlineData("-7 % 3 + a", 0, -1)]
    [InlineData("a % 3", -7, -1)]
    [InlineData("Math.Round(a)", 2.5, 2)]
    [InlineData("Math.Round(a)", 3.5, 4)]
    [InlineData("Math.Round(a)", -2.5, -2)]
    [InlineData("Math.Round(a, 2)", 2.675, 2.68)]
    [InlineData("Math.Round(a, 2)", 1.005, 1)]
    [InlineData("Math.Round(a, 1)", 0.25, 0.2)]
    [InlineData("Math.Log(a, 2)", 8, 3)]
    [InlineData("Math.Log(a, 1)", 8, double.NaN)]
    [InlineData("Math.Pow(1, a)", double.NaN, 1)]
    [InlineData("Math.Clamp(a, 0, 1)", 1.5, 1)]
    [InlineData("Math.Abs(a > 0 ? 2147483647 : 0) + 1", 1, -2147483648)]
    public void Computes_what_CSharp_computes(string expression, double a, double expected)
    {
        var formula = TestSources.Checked(expression, "a");

        Assert.Equal(expected, formula.Evaluate(new Dictionary<string, double> { ["a"] = a }));
    }

    [Fact]
    public void Negative_zero_survives()
    {
        var formula = TestSources.Checked("a * -0.0", "a");

        Assert.True(double.IsNegative(formula.Evaluate(new Dictionary<string, double> { ["a"] = 1 })));
    }

    [Theory]
    [InlineData("(a > 0 ? 1 : 0) / (a > 0 ? 0 : 1)", "C# throws: integer division by zero")]
    [InlineData("Math.Abs(a > 0 ? -2147483647 - 1 : 0)", "C# throws: integer overflow")]
    [InlineData("Math.Clamp(a, 1, 0)", "C# throws: Math.Clamp's minimum is greater than its maximum")]
    [InlineData("Math.Round(a, 16)", "C# throws: Math.Round takes 0 to 15 digits")]
    public void Where_CSharp_throws_the_result_is_NaN_and_TryEvaluate_says_why(string expression, string reason)
    {
        var formula = TestSources.Checked(expression, "a");
        var inputs = new Dictionary<string, double> { ["a"] = 1 };

        Assert.True(double.IsNaN(formula.Evaluate(inputs)));
        Assert.False(formula.TryEvaluate(inputs, out var value, out var error));
        Assert.True(double.IsNaN(value));
        Assert.Equal(reason, error);
    }

    [Fact]
    public void A_missing_input_is_an_argument_error()
    {
        var formula = TestSources.Checked("a + b", "a", "b");

        var error = Assert.Throws<ArgumentException>(() => formula.Evaluate(new Dictionary<string, double> { ["a"] = 1 }));
        Assert.Contains("'b'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.03, 0.03, true)]
    [InlineData(0.03, 0.0300000000001, true)]
    [InlineData(0.03, 0.0301, false)]
    [InlineData(0, 1e-300, false)]
    public void Examples_match_within_a_relative_1e9(double expected, double actual, bool matches) =>
        Assert.Equal(matches, FormulaExampleChecker.Matches(expected, actual));

    [Fact]
    public void Example_checker_reports_a_wrong_result_at_the_example()
    {
        var formula = TestSources.Checked("a / b", "a", "b");
        var bag = new Hub.Core.Diagnostics.DiagnosticBag();
        var at = new Hub.Core.Diagnostics.SourceLocation("input/kpis/x.md", 12, 5);

        Assert.True(FormulaExampleChecker.Check(formula, new Dictionary<string, double> { ["a"] = 12, ["b"] = 400 }, 0.03, at, bag));
        Assert.False(FormulaExampleChecker.Check(formula, new Dictionary<string, double> { ["a"] = 12, ["b"] = 400 }, 0.04, at, bag));
        Assert.False(FormulaExampleChecker.Check(formula, new Dictionary<string, double> { ["a"] = 12 }, 0.03, at, bag));
        Assert.False(FormulaExampleChecker.Check(formula, new Dictionary<string, double> { ["a"] = 12, ["b"] = 0 }, 0.03, at, bag));

        Assert.Equal(
            [
                "input/kpis/x.md(12,5): error HUB0210: example result 0.04 does not match the formula, which gives 0.03",
                "input/kpis/x.md(12,5): error HUB0211: example cannot be computed: the formula gives Infinity",
                "input/kpis/x.md(12,5): error HUB0212: example gives no value for input 'b'",
            ],
            bag.Sorted().Select(d => d.ToString()));
    }
}
