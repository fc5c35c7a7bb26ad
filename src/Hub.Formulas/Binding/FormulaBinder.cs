using Hub.Core.Diagnostics;
using Hub.Formulas.Evaluation;
using Hub.Formulas.Tree;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hub.Formulas.Binding;

/// <summary>
/// Turns a whitelisted expression into the typed formula tree, with C#'s typing rules for int, double and bool
/// (numeric promotion, Math overloads, constant folding). Roslyn binds the same expression first and
/// <see cref="RoslynFormulaCheck"/> verifies that both agree on every node, so these rules are C#'s; the messages
/// here only matter when Roslyn was skipped because the cache said the formula passed before.
/// </summary>
internal sealed partial class FormulaBinder : CSharpSyntaxVisitor<FormulaNode?>
{
    private readonly FormulaSource _source;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, int> _inputIndex = new(StringComparer.Ordinal);

    private FormulaBinder(FormulaSource source, DiagnosticBag diagnostics)
    {
        _source = source;
        _diagnostics = diagnostics;
        for (var i = 0; i < source.InputNames.Count; i++)
        {
            _inputIndex[source.InputNames[i]] = i;
        }
    }

    /// <summary>The bound formula, its result converted to double; null (with diagnostics) when it does not type.</summary>
    public static FormulaNode? Bind(ExpressionSyntax expression, FormulaSource source, DiagnosticBag diagnostics)
    {
        var binder = new FormulaBinder(source, diagnostics);
        var node = binder.Visit(expression);
        if (node is null)
        {
            return null;
        }
        if (node.Type == FormulaType.Bool)
        {
            binder.Error(expression, "the formula's result is true or false, not a number", "choose a number with ?:, e.g. a > b ? 1 : 0");
            return null;
        }
        return binder.Convert(node, FormulaType.Double);
    }

    public override FormulaNode? DefaultVisit(SyntaxNode node) =>
        Error(node, $"'{node}' is not part of the formula language");

    public override FormulaNode? VisitParenthesizedExpression(ParenthesizedExpressionSyntax node) => Visit(node.Expression);

    public override FormulaNode? VisitLiteralExpression(LiteralExpressionSyntax node) => node.Token.Value switch
    {
        int i => new LiteralNode(node, FormulaType.Int, i),
        double d => new LiteralNode(node, FormulaType.Double, d),
        _ => DefaultVisit(node),
    };

    public override FormulaNode? VisitIdentifierName(IdentifierNameSyntax node) =>
        _inputIndex.TryGetValue(node.Identifier.ValueText, out var index)
            ? new InputNode(node, node.Identifier.ValueText, index)
            : Error(node, $"unknown input '{node.Identifier.ValueText}' in formula");

    public override FormulaNode? VisitCastExpression(CastExpressionSyntax node)
    {
        if (node.Type is not PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.DoubleKeyword })
        {
            return DefaultVisit(node);
        }
        var operand = Visit(node.Expression);
        return operand?.Type switch
        {
            null => null,
            FormulaType.Double => operand,
            FormulaType.Int => new ConversionNode(node, operand, isExplicit: true, operand.Constant),
            _ => Error(node, "cannot convert a condition (true or false) to double"),
        };
    }

    public override FormulaNode? VisitPrefixUnaryExpression(PrefixUnaryExpressionSyntax node)
    {
        var operand = Visit(node.Operand);
        if (operand is null)
        {
            return null;
        }
        switch (node.Kind())
        {
            case SyntaxKind.LogicalNotExpression when operand.Type == FormulaType.Bool:
                return new UnaryNode(node, UnaryOperator.Not, operand, FormulaType.Bool, operand.Constant is { } b ? FromBool(b == 0) : null);
            case SyntaxKind.UnaryPlusExpression when operand.Type != FormulaType.Bool:
                return new UnaryNode(node, UnaryOperator.Plus, operand, operand.Type, operand.Constant);
            case SyntaxKind.UnaryMinusExpression when operand.Type == FormulaType.Double:
                return new UnaryNode(node, UnaryOperator.Minus, operand, FormulaType.Double, -operand.Constant);
            case SyntaxKind.UnaryMinusExpression when operand.Type == FormulaType.Int:
                if (operand.Constant == int.MinValue)
                {
                    return Error(node, "the operation overflows at compile time in checked mode");
                }
                return new UnaryNode(node, UnaryOperator.Minus, operand, FormulaType.Int, operand.Constant is { } i ? unchecked(-(int)i) : null);
            default:
                return Error(node, $"operator '{node.OperatorToken.Text}' cannot be applied to an operand of type '{Name(operand.Type)}'");
        }
    }

    public override FormulaNode? VisitConditionalExpression(ConditionalExpressionSyntax node)
    {
        var condition = Visit(node.Condition);
        var whenTrue = Visit(node.WhenTrue);
        var whenFalse = Visit(node.WhenFalse);
        if (condition is null || whenTrue is null || whenFalse is null)
        {
            return null;
        }
        if (condition.Type != FormulaType.Bool)
        {
            return Error(node.Condition, $"cannot convert '{Name(condition.Type)}' to bool in the condition of ?:");
        }
        var type = whenTrue.Type == whenFalse.Type ? whenTrue.Type : Promote(whenTrue.Type, whenFalse.Type);
        if (type is null)
        {
            return Error(node, $"the branches of ?: have types '{Name(whenTrue.Type)}' and '{Name(whenFalse.Type)}'");
        }
        whenTrue = Convert(whenTrue, type.Value);
        whenFalse = Convert(whenFalse, type.Value);
        var constant = condition.Constant is { } c && whenTrue.Constant is { } t && whenFalse.Constant is { } f ? (c != 0 ? t : f) : (double?)null;
        return new ConditionalNode(node, condition, whenTrue, whenFalse, type.Value, constant);
    }

    /// <summary>The type both operands convert to (binary numeric promotion), or null when there is none.</summary>
    private static FormulaType? Promote(FormulaType a, FormulaType b) => (a, b) switch
    {
        (FormulaType.Int, FormulaType.Int) => FormulaType.Int,
        (FormulaType.Bool, _) or (_, FormulaType.Bool) => null,
        _ => FormulaType.Double,
    };

    private FormulaNode Convert(FormulaNode node, FormulaType type) =>
        node.Type == type ? node : new ConversionNode(node.Syntax, node, isExplicit: false, node.Constant);

    private static double FromBool(bool value) => value ? 1 : 0;

    private static string Name(FormulaType type) => type switch
    {
        FormulaType.Int => "int",
        FormulaType.Double => "double",
        _ => "bool",
    };

    private FormulaNode? Error(SyntaxNode node, string message, string? hint = null)
    {
        _diagnostics.Error(DiagnosticCodes.FormulaTypeError, _source.Locate(node.SpanStart), message, hint);
        return null;
    }
}
