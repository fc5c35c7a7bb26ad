using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hub.Formulas.Tree;

/// <summary><c>condition ? whenTrue : whenFalse</c>; both branches already converted to <see cref="FormulaNode.Type"/>.</summary>
internal sealed class ConditionalNode(ConditionalExpressionSyntax syntax, FormulaNode condition, FormulaNode whenTrue, FormulaNode whenFalse, FormulaType type, double? constant)
    : FormulaNode(syntax, type, constant)
{
    public FormulaNode Condition { get; } = condition;

    public FormulaNode WhenTrue { get; } = whenTrue;

    public FormulaNode WhenFalse { get; } = whenFalse;

    public override IEnumerable<FormulaNode> Children => [Condition, WhenTrue, WhenFalse];
}
