using Hub.Formulas.Tree;

namespace Hub.Formulas.Evaluation;

/// <summary>
/// Interprets the bound formula with C#'s semantics: constants as the compiler folded them, int arithmetic
/// unchecked, and the real <see cref="System.Math"/> overloads C# would call. Throws what C# would throw
/// (DivideByZeroException, OverflowException, ArgumentException); <see cref="CheckedFormula"/> turns that into NaN.
/// </summary>
internal sealed class FormulaEvaluator(IReadOnlyList<double> inputs)
{
    public double Double(FormulaNode node)
    {
        if (node.Constant is { } constant)
        {
            return constant;
        }
        return node switch
        {
            InputNode input => inputs[input.Index],
            ConversionNode conversion => Int(conversion.Operand),
            UnaryNode { Operator: UnaryOperator.Minus } unary => -Double(unary.Operand),
            UnaryNode unary => Double(unary.Operand),
            BinaryNode binary => FormulaOperations.Double(binary.Operator, Double(binary.Left), Double(binary.Right)),
            ConditionalNode conditional => Bool(conditional.Condition) ? Double(conditional.WhenTrue) : Double(conditional.WhenFalse),
            CallNode call => Call(call),
            _ => throw Unexpected(node),
        };
    }

    public int Int(FormulaNode node)
    {
        if (node.Constant is { } constant)
        {
            return (int)constant;
        }
        return node switch
        {
            UnaryNode { Operator: UnaryOperator.Minus } unary => unchecked(-Int(unary.Operand)),
            UnaryNode unary => Int(unary.Operand),
            BinaryNode binary => FormulaOperations.Int(binary.Operator, Int(binary.Left), Int(binary.Right)),
            ConditionalNode conditional => Bool(conditional.Condition) ? Int(conditional.WhenTrue) : Int(conditional.WhenFalse),
            CallNode call => IntCall(call),
            _ => throw Unexpected(node),
        };
    }

    public bool Bool(FormulaNode node)
    {
        if (node.Constant is { } constant)
        {
            return constant != 0;
        }
        return node switch
        {
            UnaryNode unary => !Bool(unary.Operand),
            BinaryNode { Operator: BinaryOperator.And } binary => Bool(binary.Left) && Bool(binary.Right),
            BinaryNode { Operator: BinaryOperator.Or } binary => Bool(binary.Left) || Bool(binary.Right),
            BinaryNode { OperandType: FormulaType.Bool } binary => binary.Operator == BinaryOperator.Equal
                ? Bool(binary.Left) == Bool(binary.Right)
                : Bool(binary.Left) != Bool(binary.Right),
            BinaryNode { OperandType: FormulaType.Int } binary => FormulaOperations.Compare(binary.Operator, Int(binary.Left), Int(binary.Right)),
            BinaryNode binary => FormulaOperations.Compare(binary.Operator, Double(binary.Left), Double(binary.Right)),
            ConditionalNode conditional => Bool(conditional.Condition) ? Bool(conditional.WhenTrue) : Bool(conditional.WhenFalse),
            _ => throw Unexpected(node),
        };
    }

    private double Call(CallNode call)
    {
        var args = call.Arguments;
        return call.Function switch
        {
            MathFunction.Min => Math.Min(Double(args[0]), Double(args[1])),
            MathFunction.Max => Math.Max(Double(args[0]), Double(args[1])),
            MathFunction.Abs => Math.Abs(Double(args[0])),
            MathFunction.Clamp => Math.Clamp(Double(args[0]), Double(args[1]), Double(args[2])),
            MathFunction.Round when args.Count == 2 => Math.Round(Double(args[0]), Int(args[1])),
            MathFunction.Round => Math.Round(Double(args[0])),
            MathFunction.Floor => Math.Floor(Double(args[0])),
            MathFunction.Ceiling => Math.Ceiling(Double(args[0])),
            MathFunction.Pow => Math.Pow(Double(args[0]), Double(args[1])),
            MathFunction.Sqrt => Math.Sqrt(Double(args[0])),
            MathFunction.Log when args.Count == 2 => Math.Log(Double(args[0]), Double(args[1])),
            MathFunction.Log => Math.Log(Double(args[0])),
            MathFunction.Exp => Math.Exp(Double(args[0])),
            _ => throw Unexpected(call),
        };
    }

    private int IntCall(CallNode call)
    {
        var args = call.Arguments;
        return call.Function switch
        {
            MathFunction.Min => Math.Min(Int(args[0]), Int(args[1])),
            MathFunction.Max => Math.Max(Int(args[0]), Int(args[1])),
            MathFunction.Abs => Math.Abs(Int(args[0])),
            MathFunction.Clamp => Math.Clamp(Int(args[0]), Int(args[1]), Int(args[2])),
            _ => throw Unexpected(call),
        };
    }

    private static InvalidOperationException Unexpected(FormulaNode node) =>
        new($"Hub's evaluator has no rule for {node.GetType().Name} of type {node.Type} ('{node.Syntax}').");
}
