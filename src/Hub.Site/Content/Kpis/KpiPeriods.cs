using Hub.Core.Diagnostics;
using Hub.Formulas.Periods;
using Hub.Site.Yaml;

namespace Hub.Site.Content.Kpis;

/// <summary>The period a KPI's result is stated for, and how it converts to other periods (null: it does not).</summary>
public sealed record KpiPeriod(string Period, string? Compounding, SourceLocation Location)
{
    /// <summary>The periods the result converts to, shortest first; none without a compounding.</summary>
    public IEnumerable<string> Others => Compounding is null ? [] : PeriodConversion.Periods.Where(p => p != Period);

    /// <summary>True when a figure stated for <paramref name="period"/> can be compared with the result.</summary>
    public bool Reaches(string period) => period == Period || Compounding is not null;
}

/// <summary>Reads <c>period</c> and <c>compounding</c> of a KPI and the <c>period</c> of its examples and benchmarks.</summary>
public static class KpiPeriods
{
    private static readonly string PeriodList = string.Join(", ", PeriodConversion.Periods);
    private static readonly string CompoundingList = string.Join(", ", PeriodConversion.Compoundings);

    public static KpiPeriod? Read(YamlMap map, DiagnosticBag diagnostics)
    {
        var period = ReadPeriod(map, diagnostics);
        var compounding = map.String("compounding");
        if (compounding is not null)
        {
            var at = map.LocationOf(map.Node("compounding")!);
            if (!PeriodConversion.IsCompounding(compounding))
            {
                var hint = DidYouMean.Closest(compounding, PeriodConversion.Compoundings);
                diagnostics.Error(DiagnosticCodes.KpiPeriodInvalid, at, $"compounding '{compounding}' is not one of {CompoundingList}",
                    hint is null ? null : $"did you mean '{hint}'?");
                compounding = null;
            }
            else if (period is null && map.Node("period") is null)
            {
                diagnostics.Error(DiagnosticCodes.KpiPeriodInvalid, at, "'compounding' needs the KPI's 'period'", "for example: period: monthly");
            }
        }
        return period is null ? null : new KpiPeriod(period, compounding, map.LocationOf(map.Node("period")!));
    }

    /// <summary>The <c>period</c> of an example (the period its inputs and result describe: the formula holds for any) or
    /// a benchmark (which the result is converted to): false after reporting a value the KPI cannot use.</summary>
    public static bool ReadItem(YamlMap item, KpiPeriod? kpi, bool kpiPeriodWritten, string what, DiagnosticBag diagnostics, out string? period)
    {
        period = null;
        if (item.Node("period") is null)
        {
            return true;
        }
        if (ReadPeriod(item, diagnostics) is not { } value)
        {
            return false;
        }
        var at = item.LocationOf(item.Node("period")!);
        if (kpi is null && kpiPeriodWritten)
        {
            // The KPI's own period is invalid and reported: saying it declares none would mislead.
            return false;
        }
        if (kpi is null)
        {
            diagnostics.Error(DiagnosticCodes.KpiPeriodInvalid, at, $"{what} states a period, but the KPI declares none", "add the KPI's 'period' (and 'compounding' to convert)");
            return false;
        }
        if (what != "the example" && !kpi.Reaches(value))
        {
            diagnostics.Error(DiagnosticCodes.KpiPeriodInvalid, at, $"{what} is stated for period '{value}', but the KPI's result is {kpi.Period} and declares no 'compounding' to convert it",
                "add 'compounding: retention', 'churn' or 'sum' to the KPI");
            return false;
        }
        period = value;
        return true;
    }

    public static bool ReadExample(YamlMap example, KpiPeriod? kpi, bool kpiPeriodWritten, DiagnosticBag diagnostics, out string? period) =>
        ReadItem(example, kpi, kpiPeriodWritten, "the example", diagnostics, out period);

    private static string? ReadPeriod(YamlMap map, DiagnosticBag diagnostics)
    {
        var period = map.String("period");
        if (period is null || PeriodConversion.IsPeriod(period))
        {
            return period;
        }
        var hint = DidYouMean.Closest(period, PeriodConversion.Periods);
        diagnostics.Error(DiagnosticCodes.KpiPeriodInvalid, map.LocationOf(map.Node("period")!), $"period '{period}' is not one of {PeriodList}",
            hint is null ? null : $"did you mean '{hint}'?");
        return null;
    }
}
