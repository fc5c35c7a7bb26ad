using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hub.Formulas.Tree;

/// <summary>An <c>int</c> to <c>double</c> conversion: implicit (numeric promotion, arguments, ?: branches, the
/// result; the syntax is the operand's) or written as <c>(double)</c> (the syntax is the cast).</summary>
internal sealed class ConversionNode(ExpressionSyntax syntax, FormulaNode operand, bool isExplicit, double? constant)
    : FormulaNode(syntax, FormulaType.Double, constant)
{
    public FormulaNode Operand { get; } = operand;

    public bool IsExplicit { get; } = isExplicit;

    public override IEnumerable<FormulaNode> Children => [Operand];
}
