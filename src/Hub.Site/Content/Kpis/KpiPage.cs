using Hub.Core.Diagnostics;

namespace Hub.Site.Content.Kpis;

public sealed record KpiInput(string Name, string Label, string Unit, double? Min, double? Max, double? Step, double? Default, string? Help, SourceLocation Location);

public sealed record KpiResult(string Format, int? Decimals, string? Better);

public sealed record KpiExample(IReadOnlyDictionary<string, double> Inputs, double Result, SourceLocation ResultLocation, SourceLocation Location);

/// <summary>Where the formula's text sits in the file, so a character offset in it maps to line and column.</summary>
public sealed record FormulaText(string Expression, SourceLocation Start, int Quote)
{
    public SourceLocation Locate(int offset) => Start with { Column = Start.Column + Quote + offset };
}

public sealed class KpiPage : ContentPage
{
    public const string SectionName = "kpis";

    public override string Section => SectionName;

    public override string Layout => "kpi";

    public string? Abbr { get; init; }

    public required FormulaText Formula { get; init; }

    public required KpiResult Result { get; init; }

    public required IReadOnlyList<KpiInput> Inputs { get; init; }

    public string? Cadence { get; init; }

    public string? Indicator { get; init; }

    public IReadOnlyList<KpiExample> Examples { get; init; } = [];

    public IReadOnlyList<(string Slug, SourceLocation Location)> Related { get; init; } = [];
}
