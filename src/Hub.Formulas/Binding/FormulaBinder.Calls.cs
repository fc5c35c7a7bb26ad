using Hub.Formulas.Tree;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hub.Formulas.Binding;

internal sealed partial class FormulaBinder
{
    public override FormulaNode? VisitInvocationExpression(InvocationExpressionSyntax node)
    {
        if (node.Expression is not MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name }
            || !MathFunctions.TryParse(name.Identifier.ValueText, out var function))
        {
            return DefaultVisit(node);
        }
        var arguments = new List<FormulaNode>();
        foreach (var argument in node.ArgumentList.Arguments)
        {
            var bound = Visit(argument.Expression);
            if (bound is null)
            {
                return null;
            }
            arguments.Add(bound);
        }
        var types = arguments.Select(a => a.Type).ToList();
        var parameters = Overload(function, types, out var problem);
        if (parameters is null)
        {
            return Error(node, $"no overload of Math.{function} takes ({string.Join(", ", types.Select(Name))}): {problem}");
        }
        var converted = arguments.Select((a, i) => Convert(a, parameters[i])).ToList();
        var returnType = function is MathFunction.Min or MathFunction.Max or MathFunction.Abs or MathFunction.Clamp
            ? parameters[0]
            : FormulaType.Double;
        return new CallNode(node, function, converted, parameters, returnType);
    }

    /// <summary>C#'s overload resolution over System.Math restricted to int, double and bool arguments.</summary>
    private static FormulaType[]? Overload(MathFunction function, IReadOnlyList<FormulaType> args, out string problem)
    {
        problem = "";
        if (args.Contains(FormulaType.Bool))
        {
            problem = "a condition (true or false) is not a number";
            return null;
        }
        var allInt = args.All(t => t == FormulaType.Int);
        var count = args.Count;
        FormulaType[] Same(FormulaType type) => Enumerable.Repeat(type, count).ToArray();
        switch (function)
        {
            case MathFunction.Min or MathFunction.Max when count == 2:
            case MathFunction.Abs when count == 1:
            case MathFunction.Clamp when count == 3:
                return Same(allInt ? FormulaType.Int : FormulaType.Double);
            case MathFunction.Round or MathFunction.Floor or MathFunction.Ceiling when count >= 1 && args[0] == FormulaType.Int:
                problem = "the call is ambiguous between the decimal and double overloads; pass a double";
                return null;
            case MathFunction.Round when count == 2 && args[1] != FormulaType.Int:
                problem = "the number of digits must be an int";
                return null;
            case MathFunction.Round when count == 2:
                return [FormulaType.Double, FormulaType.Int];
            case MathFunction.Round or MathFunction.Floor or MathFunction.Ceiling or MathFunction.Sqrt or MathFunction.Exp when count == 1:
            case MathFunction.Log when count is 1 or 2:
            case MathFunction.Pow when count == 2:
                return Same(FormulaType.Double);
            default:
                problem = $"Math.{function} does not take {count} argument{(count == 1 ? "" : "s")}";
                return null;
        }
    }
}
