using Hub.Formulas.Evaluation;
using Hub.Formulas.Tree;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hub.Formulas.Binding;

internal sealed partial class FormulaBinder
{
    public override FormulaNode? VisitBinaryExpression(BinaryExpressionSyntax node)
    {
        var op = node.Kind() switch
        {
            SyntaxKind.AddExpression => BinaryOperator.Add,
            SyntaxKind.SubtractExpression => BinaryOperator.Subtract,
            SyntaxKind.MultiplyExpression => BinaryOperator.Multiply,
            SyntaxKind.DivideExpression => BinaryOperator.Divide,
            SyntaxKind.ModuloExpression => BinaryOperator.Remainder,
            SyntaxKind.EqualsExpression => BinaryOperator.Equal,
            SyntaxKind.NotEqualsExpression => BinaryOperator.NotEqual,
            SyntaxKind.LessThanExpression => BinaryOperator.Less,
            SyntaxKind.LessThanOrEqualExpression => BinaryOperator.LessOrEqual,
            SyntaxKind.GreaterThanExpression => BinaryOperator.Greater,
            SyntaxKind.GreaterThanOrEqualExpression => BinaryOperator.GreaterOrEqual,
            SyntaxKind.LogicalAndExpression => BinaryOperator.And,
            SyntaxKind.LogicalOrExpression => BinaryOperator.Or,
            _ => (BinaryOperator?)null,
        };
        if (op is null)
        {
            return DefaultVisit(node);
        }
        var left = Visit(node.Left);
        var right = Visit(node.Right);
        if (left is null || right is null)
        {
            return null;
        }
        var operandType = OperandType(op.Value, left.Type, right.Type);
        if (operandType is null)
        {
            return Error(node, $"operator '{node.OperatorToken.Text}' cannot be applied to operands of type '{Name(left.Type)}' and '{Name(right.Type)}'");
        }
        left = Convert(left, operandType.Value);
        right = Convert(right, operandType.Value);
        var type = FormulaOperations.IsArithmetic(op.Value) ? operandType.Value : FormulaType.Bool;
        double? constant = null;
        if (left.Constant is { } a && right.Constant is { } b)
        {
            if (!TryFold(node, op.Value, operandType.Value, a, b, out var folded))
            {
                return null;
            }
            constant = folded;
        }
        return new BinaryNode(node, op.Value, left, right, operandType.Value, type, constant);
    }

    /// <summary>The type C# converts both operands to for this operator, or null when no operator applies.</summary>
    private static FormulaType? OperandType(BinaryOperator op, FormulaType left, FormulaType right)
    {
        if (FormulaOperations.IsLogical(op))
        {
            return left == FormulaType.Bool && right == FormulaType.Bool ? FormulaType.Bool : null;
        }
        if (op is BinaryOperator.Equal or BinaryOperator.NotEqual && left == FormulaType.Bool && right == FormulaType.Bool)
        {
            return FormulaType.Bool;
        }
        return Promote(left, right);
    }

    /// <summary>Folds a constant operation as the C# compiler does: int overflow and division by constant zero are
    /// compile-time errors, except int.MinValue % -1, which Roslyn folds to 0.</summary>
    private bool TryFold(BinaryExpressionSyntax node, BinaryOperator op, FormulaType operandType, double a, double b, out double value)
    {
        value = 0;
        if (op == BinaryOperator.And || op == BinaryOperator.Or)
        {
            value = FromBool(op == BinaryOperator.And ? a != 0 && b != 0 : a != 0 || b != 0);
            return true;
        }
        if (FormulaOperations.IsComparison(op))
        {
            value = FromBool(FormulaOperations.Compare(op, a, b));
            return true;
        }
        if (operandType == FormulaType.Double)
        {
            value = FormulaOperations.Double(op, a, b);
            return true;
        }
        long x = (int)a, y = (int)b;
        if (op is BinaryOperator.Divide or BinaryOperator.Remainder && y == 0)
        {
            Error(node, "division by constant zero");
            return false;
        }
        var exact = op switch
        {
            BinaryOperator.Add => x + y,
            BinaryOperator.Subtract => x - y,
            BinaryOperator.Multiply => x * y,
            BinaryOperator.Divide => x / y,
            _ => y == -1 ? 0 : x % y,
        };
        if (exact is < int.MinValue or > int.MaxValue)
        {
            Error(node, "the operation overflows at compile time in checked mode");
            return false;
        }
        value = exact;
        return true;
    }
}
