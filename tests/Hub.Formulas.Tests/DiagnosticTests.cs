using Hub.Core.Diagnostics;
using Hub.Formulas.Tests.Support;

namespace Hub.Formulas.Tests;

/// <summary>Every error of a formula is reported at its character in the KPI file (the formula starts at line 9,
/// column 10 in these tests), with a stable code.</summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void Unknown_input_reproduces_the_contract_line()
    {
        var source = new FormulaSource("churn-rate", "1 - churnd / customersAtStart", ["churned", "customersAtStart"],
            offset => new SourceLocation("input/kpis/churn-rate.md", 9, 10 + offset));
        var bag = new DiagnosticBag();

        Assert.Null(Shared.Checker.Check(source, bag));

        var diagnostic = Assert.Single(bag.Sorted());
        Assert.Equal("input/kpis/churn-rate.md(9,14): error HUB0203: unknown input 'churnd' in formula; did you mean 'churned'?", diagnostic.ToString());
    }

    [Theory]
    // Roslyn's parser
    [InlineData("a +", "a", "HUB0201", 9, 13, "Expected expression", "CS1733")]
    [InlineData("a b", "a b", "HUB0208", 9, 12, "unexpected 'b' after the formula's expression", "a formula is one C# expression; only spaces, line breaks and comments may follow it")]
    [InlineData("(a + b", "a b", "HUB0201", 9, 16, ") expected", "CS1026")]
    [InlineData("a + 1e400", "a", "HUB0201", 9, 14, "Floating-point constant is outside the range of type 'double'", "CS0594")]
    [InlineData("  ", "a", "HUB0201", 9, 10, "the formula is empty", null)]
    // Roslyn's binder
    [InlineData("Math.Round(1) + a", "a", "HUB0204", 9, 15, "The call is ambiguous between the following methods or properties: 'System.Math.Round(decimal)' and 'System.Math.Round(double)'", "CS0121")]
    [InlineData("a > 1", "a", "HUB0204", 9, 10, "the formula's result is true or false, not a number", "CS0029; choose a number with ?:, e.g. a > b ? 1 : 0")]
    [InlineData("a + 1 / 0", "a", "HUB0204", 9, 14, "Division by constant zero", "CS0020")]
    [InlineData("a + 2147483647 * 2", "a", "HUB0204", 9, 14, "The operation overflows at compile time in checked mode", "CS0220")]
    [InlineData("a + (a > 0)", "a", "HUB0204", 9, 10, "Operator '+' cannot be applied to operands of type 'double' and 'bool'", "CS0019")]
    [InlineData("Math.Min(a)", "a", "HUB0204", 9, 15, "No overload for method 'Min' takes 1 arguments", "CS1501")]
    [InlineData("Math.Round(a, 2.5)", "a", "HUB0204", 9, 21, "Argument 1: cannot convert from 'double' to 'decimal'", "CS1503")]
    [InlineData("a > 0 ? a : a > 1", "a", "HUB0204", 9, 22, "Cannot implicitly convert type 'bool' to 'double'", "CS0029")]
    // Hub's whitelist
    [InlineData("a * bb", "a b", "HUB0203", 9, 14, "unknown input 'bb' in formula; did you mean 'b'?", null)]
    [InlineData("revenue / Customers", "revenue customers", "HUB0203", 9, 20, "unknown input 'Customers' in formula; did you mean 'customers'?", null)]
    [InlineData("a * xyz", "a b", "HUB0203", 9, 14, "unknown input 'xyz' in formula; the inputs are 'a', 'b'", null)]
    [InlineData("a +\n  churnd", "a churned", "HUB0203", 10, 5, "unknown input 'churnd' in formula; did you mean 'churned'?", null)]
    public void Reports_code_line_and_column(string expression, string inputs, string code, int line, int column, string message, string? hint)
    {
        var (formula, diagnostics) = TestSources.Check(expression, inputs.Split(' '));

        Assert.Null(formula);
        var first = diagnostics[0];
        Assert.Equal((code, line, column, message, hint), (first.Code, first.Location.Line, first.Location.Column, first.Message, first.Hint));
        Assert.Equal(TestSources.File, first.Location.File);
        Assert.True(first.IsError);
    }

    [Fact]
    public void All_errors_of_a_formula_are_reported()
    {
        var (_, diagnostics) = TestSources.Check("foo + bar * \"x\" + Math.Sin(a)", "a");

        Assert.Equal(
            ["(9,10) HUB0203", "(9,16) HUB0203", "(9,22) HUB0202", "(9,28) HUB0202"],
            diagnostics.Select(d => $"({d.Location.Line},{d.Location.Column}) {d.Code}"));
    }

    [Fact]
    public void Compiler_warnings_are_reported_and_the_formula_still_passes()
    {
        var (formula, diagnostics) = TestSources.Check("a == a ? 1 : 0", "a");

        Assert.NotNull(formula);
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.FormulaCompilerWarning.Code, false, 10, "CS1718"), (warning.Code, warning.IsError, warning.Location.Column, warning.Hint));
    }

    [Theory]
    [InlineData("class", "input name 'class' is a C# keyword")]
    [InlineData("1st", "input name '1st' is not a C# identifier")]
    [InlineData("churn-rate", "input name 'churn-rate' is not a C# identifier")]
    [InlineData("Math", "input name 'Math' would hide Math.Min, Math.Max, ...")]
    [InlineData("__x", "input name '__x' starts with '__', which Hub reserves")]
    [InlineData("", "an input has no name")]
    public void Invalid_input_names_are_reported(string name, string message)
    {
        var (formula, diagnostics) = TestSources.Check("1.0", name);

        Assert.Null(formula);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidInputName.Code, message), (diagnostic.Code, diagnostic.Message));
    }

    [Fact]
    public void Duplicate_inputs_are_reported()
    {
        var (_, diagnostics) = TestSources.Check("a", "a", "a");

        Assert.Equal("input 'a' is declared twice", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void A_throwing_Locate_does_not_escape_Check()
    {
        var bag = new DiagnosticBag();
        var source = new FormulaSource("k", "a +", ["a"], _ => throw new InvalidOperationException("boom"));

        Assert.Null(new FormulaChecker().Check(source, bag));
        Assert.Equal(DiagnosticCodes.FormulaInternalError.Code, Assert.Single(bag.Sorted()).Code);
    }
}
