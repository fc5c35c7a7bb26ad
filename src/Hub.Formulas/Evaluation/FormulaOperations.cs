using Hub.Formulas.Tree;

namespace Hub.Formulas.Evaluation;

/// <summary>The operators of the formula language with C#'s runtime semantics (unchecked int arithmetic that
/// throws on division by zero and int.MinValue / -1, IEEE doubles), shared by the evaluator and constant folding.</summary>
internal static class FormulaOperations
{
    public static int Int(BinaryOperator op, int a, int b) => op switch
    {
        BinaryOperator.Add => unchecked(a + b),
        BinaryOperator.Subtract => unchecked(a - b),
        BinaryOperator.Multiply => unchecked(a * b),
        BinaryOperator.Divide => a / b,
        BinaryOperator.Remainder => a % b,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not an arithmetic operator"),
    };

    public static double Double(BinaryOperator op, double a, double b) => op switch
    {
        BinaryOperator.Add => a + b,
        BinaryOperator.Subtract => a - b,
        BinaryOperator.Multiply => a * b,
        BinaryOperator.Divide => a / b,
        BinaryOperator.Remainder => a % b,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not an arithmetic operator"),
    };

    /// <summary>Comparisons of ints give the same answer on their (exact) double values.</summary>
    public static bool Compare(BinaryOperator op, double a, double b) => op switch
    {
        BinaryOperator.Equal => a == b,
        BinaryOperator.NotEqual => a != b,
        BinaryOperator.Less => a < b,
        BinaryOperator.LessOrEqual => a <= b,
        BinaryOperator.Greater => a > b,
        BinaryOperator.GreaterOrEqual => a >= b,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not a comparison"),
    };

    public static bool IsArithmetic(BinaryOperator op) => op <= BinaryOperator.Remainder;

    public static bool IsComparison(BinaryOperator op) => op is >= BinaryOperator.Equal and <= BinaryOperator.GreaterOrEqual;

    public static bool IsLogical(BinaryOperator op) => op is BinaryOperator.And or BinaryOperator.Or;
}
