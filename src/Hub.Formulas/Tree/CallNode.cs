using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hub.Formulas.Tree;

/// <summary>A call of one of the allowed <c>System.Math</c> methods, overload already chosen: every argument is
/// converted to its parameter's type (<see cref="ParameterTypes"/>).</summary>
internal sealed class CallNode(InvocationExpressionSyntax syntax, MathFunction function, IReadOnlyList<FormulaNode> arguments, IReadOnlyList<FormulaType> parameterTypes, FormulaType type)
    : FormulaNode(syntax, type, null)
{
    public MathFunction Function { get; } = function;

    public IReadOnlyList<FormulaNode> Arguments { get; } = arguments;

    public IReadOnlyList<FormulaType> ParameterTypes { get; } = parameterTypes;

    public override IEnumerable<FormulaNode> Children => Arguments;
}
