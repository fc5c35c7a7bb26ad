using Hub.Core.Diagnostics;

namespace Hub.Site.Content.Kpis;

public sealed record KpiInput(string Name, string Label, string Unit, double? Min, double? Max, double? Step, double? Default, string? Help, SourceLocation Location);

public sealed record KpiResult(string Format, int? Decimals, string? Better);

public sealed record KpiExample(IReadOnlyDictionary<string, double> Inputs, double Result, SourceLocation ResultLocation, SourceLocation Location)
{
    /// <summary>The period the example's result is stated for, when it says so (else the KPI's).</summary>
    public string? Period { get; init; }
}

/// <summary>Where a line of a formula's text starts: its offset in the expression, and its line and column in the file.</summary>
public readonly record struct FormulaLine(int Offset, int Line, int Column);

/// <summary>Where the formula's text sits in the file, so a character offset in it maps to line and column: each
/// line of the text has an entry in <paramref name="Lines"/> (see <see cref="FormulaLines"/>), in order.</summary>
public sealed record FormulaText(string Expression, SourceLocation Start, IReadOnlyList<FormulaLine> Lines)
{
    public SourceLocation Locate(int offset)
    {
        var line = Lines[0];
        foreach (var next in Lines)
        {
            if (next.Offset > offset)
            {
                break;
            }
            line = next;
        }
        return Start with { Line = line.Line, Column = line.Column + Math.Max(0, offset - line.Offset) };
    }
}

public sealed class KpiPage : ContentPage
{
    public string? Abbr { get; init; }

    /// <summary>The abbreviation when the title does not already carry it ("Net revenue retention (NRR)" shows it once).</summary>
    public string? AbbrToShow => Abbr is not null && !Title.Contains(Abbr, StringComparison.OrdinalIgnoreCase) ? Abbr : null;

    public required FormulaText Formula { get; init; }

    public required KpiResult Result { get; init; }

    public required IReadOnlyList<KpiInput> Inputs { get; init; }

    public string? Cadence { get; init; }

    /// <summary>One of <see cref="KpiCategories.All"/>, or none.</summary>
    public string? Category { get; init; }

    /// <summary>Its place within its category's list (lowest first).</summary>
    public int? Order { get; init; }

    public string? Indicator { get; init; }

    public IReadOnlyList<KpiExample> Examples { get; init; } = [];

    public IReadOnlyList<(string Slug, SourceLocation Location)> Related { get; init; } = [];

    /// <summary>The period the result is stated for and how it converts to others, when the KPI declares one.</summary>
    public KpiPeriod? Period { get; init; }

    /// <summary>Published figures to read the result against.</summary>
    public IReadOnlyList<KpiBenchmark> Benchmarks { get; init; } = [];
}
