using Hub.Formulas.Display;
using Hub.Formulas.Evaluation;
using Hub.Formulas.JavaScript;
using Hub.Formulas.Tree;

namespace Hub.Formulas;

/// <summary>A formula that passed every check: it can be evaluated (C# semantics), emitted as JavaScript and shown.</summary>
public sealed class CheckedFormula
{
    private readonly FormulaNode _root;

    internal CheckedFormula(FormulaSource source, FormulaNode root)
    {
        Key = source.Key;
        Expression = source.Expression;
        InputNames = source.InputNames.ToArray();
        _root = root;
        (JavaScriptBody, Helpers) = JavaScriptEmitter.Emit(root);
    }

    public string Key { get; }

    public string Expression { get; }

    public IReadOnlyList<string> InputNames { get; }

    /// <summary>The body of <c>function (v) { ... }</c> in the generated script, e.g.
    /// <c>return v.churned / v.customersAtStart;</c>. It calls the helpers <see cref="FormulaScriptWriter"/> defines.</summary>
    public string JavaScriptBody { get; }

    internal JavaScriptHelper Helpers { get; }

    internal FormulaNode Root => _root;

    /// <summary>
    /// The formula's value as C# computes it. Where C# would throw (integer division by zero, Math.Abs of
    /// int.MinValue, Math.Clamp with min &gt; max, Math.Round with digits outside 0..15) the result is NaN, as in the
    /// generated JavaScript; <see cref="TryEvaluate"/> says why.
    /// </summary>
    /// <exception cref="ArgumentException">An input has no value in <paramref name="inputs"/>.</exception>
    public double Evaluate(IReadOnlyDictionary<string, double> inputs)
    {
        var values = Values(inputs, out var missing);
        if (values is null)
        {
            throw new ArgumentException($"The formula of '{Key}' needs a value for input '{missing}'.", nameof(inputs));
        }
        return TryEvaluate(values, out var value, out _) ? value : double.NaN;
    }

    /// <summary>Like <see cref="Evaluate"/>, but says why there is no value: a missing input, or the exception C# throws.</summary>
    public bool TryEvaluate(IReadOnlyDictionary<string, double> inputs, out double value, out string? error)
    {
        var values = Values(inputs, out var missing);
        if (values is null)
        {
            value = double.NaN;
            error = $"no value for input '{missing}'";
            return false;
        }
        return TryEvaluate(values, out value, out error);
    }

    /// <summary>Readable HTML for the formula; see <see cref="FormulaHtmlRenderer"/> for the markup.</summary>
    public string ToDisplayHtml(Func<string, string> labelOfInput) => FormulaHtmlRenderer.Render(_root, labelOfInput);

    public override string ToString() => $"{Key}: {Expression}";

    private bool TryEvaluate(double[] values, out double value, out string? error)
    {
        try
        {
            value = new FormulaEvaluator(values).Double(_root);
            error = null;
            return true;
        }
        catch (Exception e) when (e is ArithmeticException or ArgumentException)
        {
            value = double.NaN;
            error = e switch
            {
                DivideByZeroException => "C# throws: integer division by zero",
                OverflowException => "C# throws: integer overflow",
                ArgumentOutOfRangeException => "C# throws: Math.Round takes 0 to 15 digits",
                ArgumentException => "C# throws: Math.Clamp's minimum is greater than its maximum",
                _ => "C# throws: " + e.Message,
            };
            return false;
        }
    }

    private double[]? Values(IReadOnlyDictionary<string, double> inputs, out string? missing)
    {
        var values = new double[InputNames.Count];
        for (var i = 0; i < values.Length; i++)
        {
            if (!inputs.TryGetValue(InputNames[i], out values[i]))
            {
                missing = InputNames[i];
                return null;
            }
        }
        missing = null;
        return values;
    }
}
