using Hub.Core.Diagnostics;
using Hub.Formulas.Tests.Support;

namespace Hub.Formulas.Tests;

/// <summary>A formula can do arithmetic and nothing else: everything else is rejected by the whitelist, at its
/// own character, before Roslyn binds anything, and nothing of a formula ever runs.</summary>
public sealed class HostileFormulaTests
{
    [Theory]
    [InlineData("System.IO.File.Delete(\"x\")", 10, "a call to 'System.IO.File.Delete' is not allowed in a formula")]
    [InlineData("new System.Net.Http.HttpClient()", 10, "'new' is not allowed in a formula")]
    [InlineData("((System.Func<int>)(() => 1))()", 10, "a call to '((System.Func<int>)(() => 1))' is not allowed in a formula")]
    [InlineData("typeof(object).Assembly", 10, "the member access 'typeof(object).Assembly' is not allowed in a formula")]
    [InlineData("a + \"x\".Length", 14, "the member access '\"x\".Length' is not allowed in a formula")]
    [InlineData("a + \"1\"", 14, "a string is not allowed in a formula")]
    [InlineData("a + $\"{a}\"", 14, "a string is not allowed in a formula")]
    [InlineData("a + 'c'", 14, "a character literal is not allowed in a formula")]
    [InlineData("(x => x)(a)", 10, "a call to '(x => x)' is not allowed in a formula")]
    [InlineData("a = 1", 10, "an assignment is not allowed in a formula")]
    [InlineData("a += 1", 10, "an assignment is not allowed in a formula")]
    [InlineData("a++", 10, "'++' or '--' is not allowed in a formula")]
    [InlineData("++a", 10, "the operator '++' is not allowed in a formula")]
    [InlineData("nameof(a)", 10, "'nameof' is not allowed in a formula")]
    [InlineData("default(double)", 10, "'default' is not allowed in a formula")]
    [InlineData("a + default", 14, "'default' is not allowed in a formula")]
    [InlineData("checked(a + 1)", 10, "'checked' is not allowed in a formula")]
    [InlineData("unchecked(2147483647 + 1)", 10, "'unchecked' is not allowed in a formula")]
    [InlineData("a switch { > 0 => 1, _ => 0 }", 10, "a switch expression is not allowed in a formula")]
    [InlineData("a is > 0 ? 1 : 0", 10, "'is' is not allowed in a formula")]
    [InlineData("(int)a", 11, "a cast to 'int' is not allowed in a formula")]
    [InlineData("(System.Double)a", 11, "a cast to 'System.Double' is not allowed in a formula")]
    [InlineData("sizeof(int)", 10, "'sizeof' is not allowed in a formula")]
    [InlineData("stackalloc int[1]", 10, "'new' is not allowed in a formula")]
    [InlineData("*(&a)", 10, "the operator '*' is not allowed in a formula")]
    [InlineData("__makeref(a)", 10, "a make ref expression is not allowed in a formula")]
    [InlineData("a ?? 1", 12, "the operator '??' is not allowed in a formula")]
    [InlineData("a & 1", 12, "the operator '&' is not allowed in a formula")]
    [InlineData("1 << 3", 12, "the operator '<<' is not allowed in a formula")]
    [InlineData("~1", 10, "the operator '~' is not allowed in a formula")]
    [InlineData("a > 0 ? throw null : 1", 18, "'throw' is not allowed in a formula")]
    [InlineData("Math.PI * a", 10, "the member access 'Math.PI' is not allowed in a formula")]
    [InlineData("Math.Sin(a)", 10, "a call to 'Math.Sin' is not allowed in a formula")]
    [InlineData("System.Math.Min(a, 1)", 10, "a call to 'System.Math.Min' is not allowed in a formula")]
    [InlineData("global::System.Math.Min(a, 1)", 10, "a call to 'global::System.Math.Min' is not allowed in a formula")]
    [InlineData("Math.Min<double>(a, 1)", 10, "a call to 'Math.Min<double>' is not allowed in a formula")]
    [InlineData("Math.Min(val1: a, 1)", 19, "the argument 'val1: a' is not allowed in a formula")]
    [InlineData("Math.Round(a, 2, MidpointRounding.AwayFromZero)", 27, "the member access 'MidpointRounding.AwayFromZero' is not allowed in a formula")]
    [InlineData("Math.Min", 10, "'Math.Min' without arguments is not allowed in a formula")]
    [InlineData("Math", 10, "'Math' on its own is not allowed in a formula")]
    [InlineData("a.ToString().Length", 10, "the member access 'a.ToString().Length' is not allowed in a formula")]
    [InlineData("true ? a : 1", 10, "'true' is not allowed in a formula")]
    [InlineData("a + 1.5f", 14, "'1.5f' (a float literal) is not allowed in a formula")]
    [InlineData("a + 1m", 14, "'1m' (a decimal literal) is not allowed in a formula")]
    [InlineData("a + 2147483648", 14, "'2147483648' (an integer literal larger than int.MaxValue) is not allowed in a formula")]
    [InlineData("a + 1L", 14, "'1L' (an integer literal with a type suffix) is not allowed in a formula")]
    [InlineData("a + @a", 14, "the escaped identifier '@a' is not allowed in a formula")]
    [InlineData("(a, 1)", 10, "a tuple is not allowed in a formula")]
    [InlineData("[1, 2]", 10, "a collection expression is not allowed in a formula")]
    [InlineData("a!", 10, "the '!' suffix is not allowed in a formula")]
    [InlineData("await a", 10, "'await' is not allowed in a formula")]
    [InlineData("from x in a select x", 10, "a query is not allowed in a formula")]
    public void Is_rejected_by_the_whitelist_at_its_character(string expression, int column, string message)
    {
        var (formula, diagnostics) = TestSources.Check(expression, "a");

        Assert.Null(formula);
        var first = diagnostics[0];
        Assert.Equal(DiagnosticCodes.FormulaNotAllowed.Code, first.Code);
        Assert.Equal(message, first.Message);
        Assert.Equal((9, column), (first.Location.Line, first.Location.Column));
    }

    [Fact]
    public void A_rejected_formula_never_runs()
    {
        var victim = Path.Combine(Path.GetTempPath(), $"hub-victim-{Guid.NewGuid():N}");
        File.WriteAllText(victim, "still here");
        try
        {
            var (formula, diagnostics) = TestSources.Check($"System.IO.File.Delete(@\"{victim}\") == null ? 1 : 0");

            Assert.Null(formula);
            Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.FormulaNotAllowed.Code);
            Assert.True(File.Exists(victim));
        }
        finally
        {
            File.Delete(victim);
        }
    }

    [Fact]
    public void Comments_are_allowed()
    {
        Assert.NotNull(TestSources.Checked("a /* ok */ + 1 // and this\n", "a"));
    }

    [Theory]
    [InlineData("#if DEBUG\na\n#endif")]
    [InlineData("a\n#pragma warning disable\n+ 1")]
    [InlineData("a +\n#line 1 \"x\"\n1")]
    public void Directives_are_rejected(string expression)
    {
        var (formula, diagnostics) = TestSources.Check(expression, "a");

        Assert.Null(formula);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.FormulaNotAllowed.Code || d.Code == DiagnosticCodes.FormulaSyntaxError.Code);
    }

    [Fact]
    public void A_formula_cannot_close_the_wrapper_method()
    {
        var (formula, diagnostics) = TestSources.Check("a; } static void M() { System.IO.File.Delete(\"x\"); } static double N() => 1", "a");

        Assert.Null(formula);
        Assert.Equal(DiagnosticCodes.FormulaTrailingText.Code, diagnostics[0].Code);
        Assert.Equal((9, 11), (diagnostics[0].Location.Line, diagnostics[0].Location.Column));
    }

    [Fact]
    public void Deep_nesting_is_reported_not_a_stack_overflow()
    {
        var deep = new string('(', 5000) + "a" + new string(')', 5000);

        var (formula, diagnostics) = TestSources.Check(deep, "a");

        Assert.Null(formula);
        Assert.Contains(diagnostics, d => d.Code is "HUB0207" or "HUB0201");
    }
}
