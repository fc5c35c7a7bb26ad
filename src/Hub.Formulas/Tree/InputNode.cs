using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hub.Formulas.Tree;

/// <summary>A declared input; always a <c>double</c>.</summary>
internal sealed class InputNode(IdentifierNameSyntax syntax, string name, int index)
    : FormulaNode(syntax, FormulaType.Double, null)
{
    public string Name { get; } = name;

    /// <summary>The input's position among the declared inputs.</summary>
    public int Index { get; } = index;

    public override IEnumerable<FormulaNode> Children => [];
}
