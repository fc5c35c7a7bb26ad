namespace Hub.Formulas;

/// <summary>The formula checker's diagnostic codes (HUB0200-HUB0299, see Hub.Core's DiagnosticCodes).</summary>
public static class FormulaDiagnosticCodes
{
    /// <summary>The formula is not a C# expression (Roslyn's parser says why).</summary>
    public const string SyntaxError = "HUB0201";

    /// <summary>A construct outside the formula language: calls other than Math.*, new, lambdas, strings, ...</summary>
    public const string NotAllowed = "HUB0202";

    /// <summary>A name that is not a declared input; the message suggests the closest one.</summary>
    public const string UnknownInput = "HUB0203";

    /// <summary>Roslyn's binder rejected the formula (types, overloads, constant overflow, ...).</summary>
    public const string TypeError = "HUB0204";

    /// <summary>A warning of the C# compiler about the formula (e.g. comparing an input with itself).</summary>
    public const string CompilerWarning = "HUB0205";

    /// <summary>An input name that cannot be a C# parameter (keyword, not an identifier, duplicate, "Math").</summary>
    public const string InvalidInputName = "HUB0206";

    /// <summary>The formula is nested too deeply.</summary>
    public const string TooComplex = "HUB0207";

    /// <summary>Something other than white space, line breaks and comments follows the expression (a directive, a second expression).</summary>
    public const string TrailingText = "HUB0208";

    /// <summary>A worked example's stated result differs from the formula's by more than a relative 1e-9.</summary>
    public const string ExampleMismatch = "HUB0210";

    /// <summary>A worked example cannot be computed (C# throws, e.g. integer division by zero, or the result is not finite).</summary>
    public const string ExampleNotComputable = "HUB0211";

    /// <summary>A worked example does not give a value for one of the formula's inputs.</summary>
    public const string ExampleInputMissing = "HUB0212";

    /// <summary>Hub's evaluator disagrees with Roslyn about a formula, or the checker failed; a bug in Hub.</summary>
    public const string InternalError = "HUB0299";
}
