namespace Hub.Core.Diagnostics;

/// <summary>
/// What a diagnostic code means, declared once in <see cref="DiagnosticCodes"/> (Roslyn's DiagnosticDescriptor is the
/// model): the code, the severity it is usually reported with, a short title and a paragraph for <c>hub explain</c> and
/// docs/diagnostics.md. The message of each report stays specific to the place it points at.
/// </summary>
public sealed class DiagnosticDescriptor
{
    public DiagnosticDescriptor(string code, Severity defaultSeverity, string title, string explanation)
    {
        Code = code;
        DefaultSeverity = defaultSeverity;
        Title = title;
        Explanation = explanation;
    }

    /// <summary>The stable code printed in every report, e.g. <c>HUB0401</c>.</summary>
    public string Code { get; }

    /// <summary>The severity a report has unless its call site says otherwise (<c>--strict</c> makes every warning an error).</summary>
    public Severity DefaultSeverity { get; }

    /// <summary>A short sentence naming the problem.</summary>
    public string Title { get; }

    /// <summary>One paragraph: what triggers it, how to fix it, and an example where one helps.</summary>
    public string Explanation { get; }

    /// <summary>A report of this code at <paramref name="location"/>, with its default severity unless one is given.</summary>
    public Diagnostic Create(SourceLocation location, string message, string? hint = null, Severity? severity = null) =>
        new(severity ?? DefaultSeverity, Code, location, message, hint);

    public override string ToString() => Code;
}
