using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Hub.Formulas.Tree;

namespace Hub.Formulas.JavaScript;

/// <summary>
/// Writes the bound formula as a JavaScript expression over <c>v</c> (input name to number) that computes what
/// C# computes: constants are printed as the C# compiler folded them (so <c>1/2</c> is <c>0</c>), non-constant int
/// arithmetic goes through 32-bit helpers, and the Math functions whose JS and .NET definitions differ through
/// helpers too. Parentheses follow the tree, not the source, so the evaluation order of doubles is C#'s.
/// </summary>
internal sealed partial class JavaScriptEmitter
{
    // JavaScript precedence levels used here (higher binds tighter).
    private const int Conditional = 2;
    private const int LogicalOr = 4;
    private const int LogicalAnd = 5;
    private const int Equality = 9;
    private const int Relational = 10;
    private const int Additive = 12;
    private const int Multiplicative = 13;
    private const int Unary = 15;
    private const int Primary = 20;

    private JavaScriptHelper _helpers;

    /// <summary>The function body for <c>function (v) { ... }</c> and the helpers it calls.</summary>
    public static (string Body, JavaScriptHelper Helpers) Emit(FormulaNode root)
    {
        var emitter = new JavaScriptEmitter();
        var expression = emitter.Expression(root).Text;
        var helpers = JavaScriptHelpers.Close(emitter._helpers);
        var body = (helpers & JavaScriptHelpers.Throwing) != 0
            ? $"try {{ return {expression}; }} catch (e) {{ return h.failed(e); }}"
            : $"return {expression};";
        return (body, helpers);
    }

    private (string Text, int Precedence) Expression(FormulaNode node)
    {
        if (node.Constant is { } constant)
        {
            var text = Literal(constant, node.Type);
            return (text, text.StartsWith('-') ? Unary : Primary);
        }
        switch (node)
        {
            case InputNode input:
                return (Input(input.Name), Primary);
            case ConversionNode conversion:
                return Expression(conversion.Operand);
            case UnaryNode unary:
                return UnaryExpression(unary);
            case BinaryNode binary:
                return BinaryExpression(binary);
            case ConditionalNode conditional:
                return ($"{Operand(conditional.Condition, LogicalOr)} ? {Operand(conditional.WhenTrue, Conditional)} : {Operand(conditional.WhenFalse, Conditional)}", Conditional);
            case CallNode call:
                return (Call(call), Primary);
            default:
                throw new InvalidOperationException($"No JavaScript for {node.GetType().Name}.");
        }
    }

    private (string, int) UnaryExpression(UnaryNode unary)
    {
        switch (unary.Operator)
        {
            case UnaryOperator.Plus:
                return Expression(unary.Operand);
            case UnaryOperator.Minus when unary.Type == FormulaType.Int:
                return (Use(JavaScriptHelper.IntNegate, "h.ineg", unary.Operand), Primary);
            default:
                var sign = unary.Operator == UnaryOperator.Minus ? "-" : "!";
                var operand = Operand(unary.Operand, Unary);
                return (operand.StartsWith('-') || operand.StartsWith('+') ? $"{sign}({operand})" : sign + operand, Unary);
        }
    }

    private (string, int) BinaryExpression(BinaryNode binary)
    {
        if (binary.OperandType == FormulaType.Int && binary.Type == FormulaType.Int)
        {
            var (helper, name) = binary.Operator switch
            {
                BinaryOperator.Add => (JavaScriptHelper.IntAdd, "h.iadd"),
                BinaryOperator.Subtract => (JavaScriptHelper.IntSubtract, "h.isub"),
                BinaryOperator.Multiply => (JavaScriptHelper.IntMultiply, "h.imul"),
                BinaryOperator.Divide => (JavaScriptHelper.IntDivide, "h.idiv"),
                _ => (JavaScriptHelper.IntRemainder, "h.irem"),
            };
            return (Use(helper, name, binary.Left, binary.Right), Primary);
        }
        var (token, precedence) = binary.Operator switch
        {
            BinaryOperator.Add => ("+", Additive),
            BinaryOperator.Subtract => ("-", Additive),
            BinaryOperator.Multiply => ("*", Multiplicative),
            BinaryOperator.Divide => ("/", Multiplicative),
            BinaryOperator.Remainder => ("%", Multiplicative),
            BinaryOperator.Equal => ("===", Equality),
            BinaryOperator.NotEqual => ("!==", Equality),
            BinaryOperator.Less => ("<", Relational),
            BinaryOperator.LessOrEqual => ("<=", Relational),
            BinaryOperator.Greater => (">", Relational),
            BinaryOperator.GreaterOrEqual => (">=", Relational),
            BinaryOperator.And => ("&&", LogicalAnd),
            _ => ("||", LogicalOr),
        };
        return ($"{Operand(binary.Left, precedence)} {token} {Operand(binary.Right, precedence + 1)}", precedence);
    }

    private string Call(CallNode call)
    {
        var args = call.Arguments;
        var isInt = call.Type == FormulaType.Int;
        return call.Function switch
        {
            MathFunction.Min => Plain("Math.min", args),
            MathFunction.Max => Plain("Math.max", args),
            MathFunction.Abs when isInt => Use(JavaScriptHelper.IntAbs, "h.iabs", args[0]),
            MathFunction.Abs => Plain("Math.abs", args),
            MathFunction.Clamp => Use(JavaScriptHelper.Clamp, "h.clamp", [.. args]),
            MathFunction.Round when args.Count == 2 => Use(JavaScriptHelper.RoundDigits, "h.roundTo", [.. args]),
            MathFunction.Round => Use(JavaScriptHelper.Round, "h.round", args[0]),
            MathFunction.Floor => Plain("Math.floor", args),
            MathFunction.Ceiling => Plain("Math.ceil", args),
            MathFunction.Pow => Use(JavaScriptHelper.Pow, "h.pow", [.. args]),
            MathFunction.Sqrt => Plain("Math.sqrt", args),
            MathFunction.Log when args.Count == 2 => Use(JavaScriptHelper.Log, "h.log", [.. args]),
            MathFunction.Log => Plain("Math.log", args),
            _ => Plain("Math.exp", args),
        };
    }

    private string Use(JavaScriptHelper helper, string name, params FormulaNode[] args)
    {
        _helpers |= helper;
        return Plain(name, args);
    }

    private string Plain(string function, IEnumerable<FormulaNode> args) =>
        $"{function}({string.Join(", ", args.Select(a => Operand(a, Conditional)))})";

    private string Operand(FormulaNode node, int required)
    {
        var (text, precedence) = Expression(node);
        return precedence < required ? $"({text})" : text;
    }

    /// <summary>Numbers in the invariant culture, round-trip exact; ints as the 32-bit values they are.</summary>
    internal static string Literal(double value, FormulaType type) => type switch
    {
        FormulaType.Bool => value != 0 ? "true" : "false",
        FormulaType.Int => ((int)value).ToString(CultureInfo.InvariantCulture),
        _ when double.IsNaN(value) => "NaN",
        _ when double.IsPositiveInfinity(value) => "Infinity",
        _ when double.IsNegativeInfinity(value) => "-Infinity",
        _ when value == 0 && double.IsNegative(value) => "-0",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string Input(string name) => SimpleName().IsMatch(name) ? "v." + name : $"v[{StringLiteral(name)}]";

    /// <summary>A double-quoted JavaScript string that is also safe inside HTML.</summary>
    internal static string StringLiteral(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c is '"' or '\\' or '<' or '>' or '&' or '\'' or '\u2028' or '\u2029' || char.IsControl(c))
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                text.Append(c);
            }
        }
        return text.Append('"').ToString();
    }

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex SimpleName();
}
