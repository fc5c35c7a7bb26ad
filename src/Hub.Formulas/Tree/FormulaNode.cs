using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hub.Formulas.Tree;

/// <summary>A node of the bound formula: a typed, parenthesis-free view of the C# syntax tree.</summary>
internal abstract class FormulaNode
{
    protected FormulaNode(ExpressionSyntax syntax, FormulaType type, double? constant)
    {
        Syntax = syntax;
        Type = type;
        Constant = constant;
    }

    /// <summary>The syntax the node was bound from (for conversions: the converted expression).</summary>
    public ExpressionSyntax Syntax { get; }

    public FormulaType Type { get; }

    /// <summary>The value C# folds this node to at compile time, if it is a constant expression.
    /// Ints and bools are stored as doubles (exactly: 0 or 1 for bools).</summary>
    public double? Constant { get; }

    public abstract IEnumerable<FormulaNode> Children { get; }
}
