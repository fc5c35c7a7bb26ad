namespace Hub.Formulas.Tree;

/// <summary>The <c>System.Math</c> methods of the formula language (the contract's list).</summary>
internal enum MathFunction
{
    Min,
    Max,
    Abs,
    Round,
    Floor,
    Ceiling,
    Pow,
    Sqrt,
    Log,
    Exp,
    Clamp,
}

internal static class MathFunctions
{
    /// <summary>"Math.Min, Math.Max, ..." for messages.</summary>
    public static string List { get; } = string.Join(", ", Enum.GetNames<MathFunction>().Select(n => "Math." + n));

    private static readonly Dictionary<string, MathFunction> ByName =
        Enum.GetValues<MathFunction>().ToDictionary(f => f.ToString(), StringComparer.Ordinal);

    public static bool TryParse(string name, out MathFunction function) => ByName.TryGetValue(name, out function);
}
