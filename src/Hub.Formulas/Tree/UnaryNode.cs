using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hub.Formulas.Tree;

internal enum UnaryOperator
{
    Plus,
    Minus,
    Not,
}

internal sealed class UnaryNode(ExpressionSyntax syntax, UnaryOperator op, FormulaNode operand, FormulaType type, double? constant)
    : FormulaNode(syntax, type, constant)
{
    public UnaryOperator Operator { get; } = op;

    public FormulaNode Operand { get; } = operand;

    public override IEnumerable<FormulaNode> Children => [Operand];
}
