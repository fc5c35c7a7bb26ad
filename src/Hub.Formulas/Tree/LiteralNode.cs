using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hub.Formulas.Tree;

/// <summary>A numeric literal: <c>int</c> (no suffix, fits in 32 bits) or <c>double</c>.</summary>
internal sealed class LiteralNode(LiteralExpressionSyntax syntax, FormulaType type, double value)
    : FormulaNode(syntax, type, value)
{
    public double Value { get; } = value;

    public override IEnumerable<FormulaNode> Children => [];
}
