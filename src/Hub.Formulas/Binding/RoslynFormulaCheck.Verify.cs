using Hub.Core.Diagnostics;
using Hub.Formulas.Tree;
using Microsoft.CodeAnalysis;

namespace Hub.Formulas.Binding;

internal sealed partial class RoslynFormulaCheck
{
    /// <summary>
    /// Proves Hub's bound tree is the one C# compiles: the same type, the same constant value and the same
    /// operator or Math overload on every node. A disagreement is a bug in Hub, reported instead of computing
    /// numbers that C# would not.
    /// </summary>
    public bool Verify(FormulaNode root, FormulaSource source, DiagnosticBag diagnostics)
    {
        foreach (var node in Walk(root))
        {
            var problem = Disagreement(node);
            if (problem is not null)
            {
                diagnostics.Error(
                    DiagnosticCodes.FormulaInternalError,
                    source.Locate(node.Syntax.SpanStart),
                    $"Hub's evaluator and the C# compiler disagree about '{node.Syntax}': {problem}",
                    "this is a bug in Hub; please report it with the formula");
                return false;
            }
        }
        return true;
    }

    private string? Disagreement(FormulaNode node)
    {
        var syntax = WrapperNodeOf[node.Syntax];
        var info = Model.GetTypeInfo(syntax);
        if (node is ConversionNode { IsExplicit: false })
        {
            // C# reports the conversion on the outermost parentheses around the converted expression.
            var outer = syntax;
            while (outer.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ParenthesizedExpressionSyntax parenthesized)
            {
                outer = parenthesized;
            }
            info = Model.GetTypeInfo(outer);
            return Is(info.Type, FormulaType.Int) && Is(info.ConvertedType, FormulaType.Double)
                ? null
                : $"Hub converts int to double here, C# has {info.Type} -> {info.ConvertedType}";
        }
        if (!Is(info.Type, node.Type))
        {
            return $"Hub's type is {node.Type}, C#'s is {info.Type}";
        }
        var constant = Model.GetConstantValue(syntax);
        if (constant.HasValue != node.Constant.HasValue || (constant.HasValue && !SameConstant(constant.Value, node.Constant!.Value)))
        {
            return $"Hub's constant is {node.Constant?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, C#'s is {(constant.HasValue ? constant.Value : "none")}";
        }
        var symbol = Model.GetSymbolInfo(syntax).Symbol;
        return node switch
        {
            InputNode input => symbol is IParameterSymbol { Name: var name } && name == input.Name ? null : $"C# binds it to {symbol}",
            CallNode call => SameCall(symbol, call) ? null : $"Hub calls Math.{call.Function}({string.Join(", ", call.ParameterTypes)}), C# calls {symbol}",
            // && and || have no operator method in Roslyn's model; their operands are checked as bool above.
            BinaryNode { Operator: BinaryOperator.And or BinaryOperator.Or } => symbol is null ? null : $"C# binds it to {symbol}",
            BinaryNode binary => SameOperator(symbol, binary.OperandType, 2) ? null : $"Hub applies the {binary.OperandType} operator, C# {symbol}",
            UnaryNode unary => SameOperator(symbol, unary.Operand.Type, 1) ? null : $"Hub applies the {unary.Operand.Type} operator, C# {symbol}",
            _ => null,
        };
    }

    private static bool SameCall(ISymbol? symbol, CallNode call) =>
        symbol is IMethodSymbol method
        && method.ContainingType.ToDisplayString() == "System.Math"
        && method.Name == call.Function.ToString()
        && Is(method.ReturnType, call.Type)
        && method.Parameters.Length == call.ParameterTypes.Count
        && method.Parameters.Select((p, i) => Is(p.Type, call.ParameterTypes[i])).All(same => same);

    /// <summary>Built-in operators bind to synthesized methods such as <c>int.operator +(int, int)</c>.</summary>
    private static bool SameOperator(ISymbol? symbol, FormulaType operandType, int arity) =>
        symbol is IMethodSymbol { MethodKind: MethodKind.BuiltinOperator } method
        && method.Parameters.Length == arity
        && method.Parameters.All(p => Is(p.Type, operandType));

    private static bool SameConstant(object? roslyn, double hub) => roslyn switch
    {
        int i => i == hub,
        double d => BitConverter.DoubleToInt64Bits(d) == BitConverter.DoubleToInt64Bits(hub) || (double.IsNaN(d) && double.IsNaN(hub)),
        bool b => (b ? 1 : 0) == hub,
        _ => false,
    };

    private static bool Is(ITypeSymbol? type, FormulaType expected) => (type?.SpecialType, expected) switch
    {
        (SpecialType.System_Int32, FormulaType.Int) => true,
        (SpecialType.System_Double, FormulaType.Double) => true,
        (SpecialType.System_Boolean, FormulaType.Bool) => true,
        _ => false,
    };

    private static IEnumerable<FormulaNode> Walk(FormulaNode root)
    {
        var stack = new Stack<FormulaNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            foreach (var child in node.Children.Reverse())
            {
                stack.Push(child);
            }
        }
    }
}
