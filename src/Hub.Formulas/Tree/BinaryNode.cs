using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hub.Formulas.Tree;

internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Remainder,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    And,
    Or,
}

/// <summary>A binary operation. <see cref="OperandType"/> is the type both operands were converted to
/// (C#'s binary numeric promotion): it decides int or double semantics; <see cref="FormulaNode.Type"/> is the result's.</summary>
internal sealed class BinaryNode(ExpressionSyntax syntax, BinaryOperator op, FormulaNode left, FormulaNode right, FormulaType operandType, FormulaType type, double? constant)
    : FormulaNode(syntax, type, constant)
{
    public BinaryOperator Operator { get; } = op;

    public FormulaNode Left { get; } = left;

    public FormulaNode Right { get; } = right;

    public FormulaType OperandType { get; } = operandType;

    public override IEnumerable<FormulaNode> Children => [Left, Right];
}
