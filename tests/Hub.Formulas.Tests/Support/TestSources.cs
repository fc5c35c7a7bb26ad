using Hub.Core.Diagnostics;

namespace Hub.Formulas.Tests.Support;

/// <summary>Formula sources as the site builds them: the formula sits on line 9 of a KPI file, after
/// <c>formula: </c> (column 10); later lines of a multi-line formula start at column 3.</summary>
internal static class TestSources
{
    public const string File = "input/kpis/test.md";

    public static FormulaSource Source(string expression, params string[] inputs) => Source("test", expression, inputs);

    public static FormulaSource Source(string key, string expression, IReadOnlyList<string> inputs, string file = File) =>
        new(key, expression, inputs, offset => Locate(file, expression, offset));

    public static SourceLocation Locate(string file, string expression, int offset)
    {
        var line = 9;
        var column = 10;
        for (var i = 0; i < offset && i < expression.Length; i++)
        {
            if (expression[i] == '\n')
            {
                line++;
                column = 3;
            }
            else
            {
                column++;
            }
        }
        return new SourceLocation(file, line, column);
    }

    public static (CheckedFormula? Formula, IReadOnlyList<Diagnostic> Diagnostics) Check(string expression, params string[] inputs)
    {
        var bag = new DiagnosticBag();
        var formula = Shared.Checker.Check(Source(expression, inputs), bag);
        return (formula, bag.Sorted());
    }

    public static CheckedFormula Checked(string expression, params string[] inputs)
    {
        var (formula, diagnostics) = Check(expression, inputs);
        Assert.True(formula is not null, $"'{expression}' was rejected: {string.Join(Environment.NewLine, diagnostics)}");
        return formula;
    }
}

/// <summary>One checker for the whole test run, as the site has one per build.</summary>
internal static class Shared
{
    public static FormulaChecker Checker { get; } = new();
}
