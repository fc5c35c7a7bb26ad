using Hub.Core.Diagnostics;
using Hub.Formulas.Tests.Support;

namespace Hub.Formulas.Tests;

/// <summary><see cref="FormulaChecker.Begin"/> and <see cref="PendingFormula.Complete"/>: a build shows formulas
/// while Roslyn checks them.</summary>
public sealed class PendingFormulaTests
{
    [Fact]
    public void Begin_needs_no_compilation_and_Complete_accepts_the_formula_it_showed()
    {
        var checker = new FormulaChecker();
        var bag = new DiagnosticBag();

        var pending = checker.Begin(TestSources.Source("k", "Math.Max(a, 1.0) / b", ["a", "b"]), bag);

        Assert.NotNull(pending);
        Assert.NotNull(pending.Provisional);
        Assert.Equal(0, checker.Compilations);
        var formula = pending.Complete();
        Assert.Same(pending.Provisional, formula);
        Assert.Same(formula, pending.Complete());
        Assert.Equal(1, checker.Compilations);
        Assert.Equal(0, bag.Count);
    }

    [Theory]
    [InlineData("a + 2147483647 * 2", "CS0220")]
    [InlineData("Math.Round(1) + a", "CS0121")]
    [InlineData("a > 1", "CS0029; choose a number with ?:, e.g. a > b ? 1 : 0")]
    public void What_Roslyn_refuses_is_shown_as_text_and_refused_on_completion(string text, string hint)
    {
        var checker = new FormulaChecker();
        var bag = new DiagnosticBag();

        var pending = checker.Begin(TestSources.Source(text, "a"), bag);

        Assert.NotNull(pending);
        Assert.Null(pending.Provisional);
        Assert.Equal(0, bag.Count);
        Assert.Null(pending.Complete());
        var error = Assert.Single(bag.Sorted());
        Assert.Equal((DiagnosticCodes.FormulaTypeError.Code, hint), (error.Code, error.Hint));
    }

    [Fact]
    public void Syntax_and_whitelist_errors_are_reported_by_Begin()
    {
        var bag = new DiagnosticBag();

        Assert.Null(new FormulaChecker().Begin(TestSources.Source("a + Console.Read()", "a"), bag));
        Assert.Contains(bag.Sorted(), d => d.Code == DiagnosticCodes.FormulaNotAllowed.Code);
    }

    [Fact]
    public void A_formula_written_in_several_files_is_compiled_once_and_reported_in_each()
    {
        var checker = new FormulaChecker();
        var bag = new DiagnosticBag();
        string[] files = ["input/kpis/a.md", "input/kpis/a.en.md", "input/kpis/a.ko.md"];

        Parallel.ForEach(files, file => checker.Check(TestSources.Source("a", "a == a ? 1 : 0", ["a"], file), bag));
        Parallel.ForEach(files, file => checker.Check(TestSources.Source("b", "Math.Round(1) + a", ["a"], file), bag));

        Assert.Equal(2, checker.Compilations);
        Assert.Equal(
            files.Order(StringComparer.Ordinal).SelectMany(f => new[] { $"{f}(9,10) HUB0205 CS1718", $"{f}(9,15) HUB0204 CS0121" }),
            bag.Sorted().Select(d => $"{d.Location} {d.Code} {d.Hint}"));
    }
}
