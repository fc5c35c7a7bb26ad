using System.Globalization;
using System.Net;
using System.Text;
using Hub.Formulas.Periods;
using Hub.Site.Links;
using Hub.Site.Rendering;
using Scriban.Runtime;
using static Hub.Site.Rendering.ModelBuilder;

namespace Hub.Site.Content.Kpis;

/// <summary>
/// What a KPI page shows around its calculator, computed at build time from the inputs' defaults so the page shows
/// it without JavaScript: the result in the other periods (<c>kpi.period</c>), the benchmarks with the result placed
/// on them (<c>kpi.benchmarks</c>) and, per input, the result as that input varies (<c>kpi.sensitivity</c>). The
/// calculator redraws all three as the reader types (kpi-insights.js, with kpi-chart.js as the geometry's twin).
/// </summary>
public static class KpiInsightsModel
{
    public static void Add(ScriptObject model, ModelBuilder models, KpiPage kpi)
    {
        var site = models.Site.Config;
        var strings = models.Strings(kpi.Lang);
        var calculator = strings["calculator"] as ScriptObject;
        var monthsUnit = calculator?["unit_months"] as string ?? "months";
        var daysUnit = calculator?["unit_days"] as string;
        string Result(double value) => double.IsFinite(value) ? NumberDisplay.Format(value, kpi.Result.Format, kpi.Result.Decimals, kpi.Lang, site.Currency, monthsUnit) : "–";
        string Input(KpiInput input, double value) => NumberDisplay.Input(value, input.Unit, kpi.Lang, site.Currency, daysUnit, monthsUnit);

        var defaults = kpi.Inputs.All(i => i.Default is not null)
            ? kpi.Inputs.ToDictionary(i => i.Name, i => i.Default!.Value, StringComparer.Ordinal)
            : null;
        var formulas = models.Formulas;
        var result = defaults is null || formulas?.Evaluate(kpi, defaults) is not { } computed ? double.NaN : computed;
        model["default_result"] = double.IsFinite(result) ? result : null;
        model["default_display"] = Result(result);

        if (kpi.Period is { } period)
        {
            model["period"] = Obj(("period", period.Period), ("compounding", period.Compounding),
                ("conversions", period.Others.Select(to => Obj(("period", to), ("key", PeriodConversion.Key(period.Compounding!, period.Period, to)),
                    ("display", Result(Converted(formulas, kpi, result, to))))).ToList<object?>()));
        }

        model["benchmarks"] = kpi.Benchmarks.Select((b, index) =>
        {
            var benchmarkPeriod = b.Period ?? kpi.Period?.Period;
            var converted = benchmarkPeriod is null ? result : Converted(formulas, kpi, result, benchmarkPeriod);
            var key = kpi.Period is { Compounding: { } c } p && benchmarkPeriod is not null && benchmarkPeriod != p.Period ? PeriodConversion.Key(c, p.Period, benchmarkPeriod) : null;
            var id = $"kpi-{kpi.Slug}-benchmark-{index + 1}";
            return Obj(("id", id), ("segment", b.Segment), ("note", b.Note), ("period", benchmarkPeriod), ("key", key),
                ("low", Shown(b.Low, Result)), ("median", Shown(b.Median, Result)), ("high", Shown(b.High, Result)),
                ("source", Obj(("title", b.Source.Title), ("url", UrlSafety.ForAttribute(b.Source.Url)), ("year", b.Source.Year))),
                ("as_of", b.AsOf), ("result_display", Result(converted)),
                ("svg", BandSvg(id, b, converted, Result, strings)));
        }).ToList<object?>();

        model["sensitivity"] = defaults is null || !double.IsFinite(result) || formulas is null
            ? new List<object?>()
            : kpi.Inputs.Select(input => Sensitivity(kpi, input, defaults, formulas, Result, v => Input(input, v), strings)).ToList<object?>();
    }

    /// <summary>A worked example's result in the other periods (none unless the KPI converts between periods).</summary>
    public static List<object?> ExampleConversions(ModelBuilder models, KpiPage kpi, KpiExample example)
    {
        if (kpi.Period is not { Compounding: not null } period || models.Formulas is not { } formulas)
        {
            return [];
        }
        var from = example.Period ?? period.Period;
        var monthsUnit = (models.Strings(kpi.Lang)["calculator"] as ScriptObject)?["unit_months"] as string ?? "months";
        return PeriodConversion.Periods.Where(p => p != from)
            .Select(to => formulas.Convert(kpi, example.Result, to, from) is { } v && double.IsFinite(v)
                ? Obj(("period", to), ("display", NumberDisplay.Format(v, kpi.Result.Format, kpi.Result.Decimals, kpi.Lang, models.Site.Config.Currency, monthsUnit)))
                : null)
            .OfType<ScriptObject>().ToList<object?>();
    }

    private static double Converted(FormulaStep? formulas, KpiPage kpi, double value, string to) =>
        double.IsFinite(value) && formulas?.Convert(kpi, value, to) is { } converted ? converted : double.NaN;

    private static ScriptObject? Shown(double? value, Func<double, string> display) =>
        value is { } v ? Obj(("value", v), ("display", display(v))) : null;

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Text(ScriptObject strings, string key, string fallback) =>
        strings["insights"] is ScriptObject insights && insights[key] is string text ? text : fallback;

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A band from low to high with the median marked and the result placed on it; the figures are labelled.</summary>
    private static string BandSvg(string id, KpiBenchmark b, double result, Func<double, string> display, ScriptObject strings)
    {
        var (min, max) = KpiChartGeometry.BandScale(new[] { b.Low, b.Median, b.High }.OfType<double>().Append(result));
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"kpi-band\" viewBox=\"0 0 {KpiChartGeometry.BandWidth} {KpiChartGeometry.BandHeight}\" role=\"img\" aria-labelledby=\"{id}-title\" focusable=\"false\" data-min=\"{Number(min)}\" data-max=\"{Number(max)}\">");
        var figures = string.Join(", ", new[] { ("low", b.Low), ("median", b.Median), ("high", b.High) }
            .Where(f => f.Item2 is not null).Select(f => Text(strings, f.Item1, f.Item1) + " " + display(f.Item2!.Value)));
        svg.Append($"<title id=\"{id}-title\">{E(b.Segment)}: {E(figures)}</title>");
        svg.Append($"<line class=\"kpi-band-axis\" x1=\"{KpiChartGeometry.BandX0}\" y1=\"34\" x2=\"{KpiChartGeometry.BandX1}\" y2=\"34\"/>");
        var from = b.Low ?? b.Median ?? b.High!.Value;
        var to = b.High ?? b.Median ?? b.Low!.Value;
        if (to > from)
        {
            var x = KpiChartGeometry.BandX(from, min, max);
            var width = double.Parse(KpiChartGeometry.BandX(to, min, max), CultureInfo.InvariantCulture) - double.Parse(x, CultureInfo.InvariantCulture);
            svg.Append($"<rect class=\"kpi-band-range\" x=\"{x}\" y=\"24\" width=\"{KpiChartGeometry.Fixed(width)}\" height=\"20\" rx=\"3\"/>");
        }
        foreach (var (name, value) in new[] { ("low", b.Low), ("median", b.Median), ("high", b.High) })
        {
            if (value is not { } v)
            {
                continue;
            }
            var x = KpiChartGeometry.BandX(v, min, max);
            if (name == "median")
            {
                svg.Append($"<line class=\"kpi-band-median\" x1=\"{x}\" y1=\"20\" x2=\"{x}\" y2=\"48\"/>");
            }
            var y = name == "median" ? "14" : "60";
            var anchor = name switch { "low" => "end", "high" => "start", _ => "middle" };
            if (b.Low is null || b.High is null || name == "median")
            {
                anchor = "middle";
            }
            svg.Append($"<text class=\"kpi-band-label\" x=\"{x}\" y=\"{y}\" text-anchor=\"{anchor}\" data-figure=\"{name}\">{E(display(v))}</text>");
        }
        var visible = double.IsFinite(result);
        svg.Append($"<circle class=\"kpi-band-marker\" cx=\"{(visible ? KpiChartGeometry.BandX(result, min, max) : "0")}\" cy=\"34\" r=\"6\"{(visible ? "" : " visibility=\"hidden\"")}/>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static ScriptObject Sensitivity(KpiPage kpi, KpiInput input, Dictionary<string, double> defaults, FormulaStep formulas,
        Func<double, string> result, Func<double, string> inputDisplay, ScriptObject strings)
    {
        var current = defaults[input.Name];
        var (rangeLo, rangeHi) = KpiChartGeometry.DefaultRange(input.Min, input.Max, input.Default);
        var (lo, hi) = KpiChartGeometry.InputRange(rangeLo, rangeHi, current);
        var xs = KpiChartGeometry.SampleXs(lo, hi);
        var values = new Dictionary<string, double>(defaults, StringComparer.Ordinal);
        var ys = xs.Select(x =>
        {
            values[input.Name] = x;
            return formulas.Evaluate(kpi, values) is { } y ? y : double.NaN;
        }).ToArray();
        var currentY = formulas.Evaluate(kpi, defaults) ?? double.NaN;
        var line = KpiChartGeometry.Line(xs, ys, current, currentY);
        var id = $"kpi-{kpi.Slug}-sensitivity-{input.Name}";
        var title = Text(strings, "sensitivity_title", "{result} as {input} varies")
            .Replace("{result}", kpi.Title, StringComparison.Ordinal).Replace("{input}", input.Label, StringComparison.Ordinal);
        const double bottom = KpiChartGeometry.Height - KpiChartGeometry.Bottom;
        const double right = KpiChartGeometry.Width - KpiChartGeometry.Right;
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"kpi-sensitivity-svg\" viewBox=\"0 0 {KpiChartGeometry.Width} {KpiChartGeometry.Height}\" role=\"img\" aria-labelledby=\"{id}-title\" focusable=\"false\">");
        svg.Append($"<title id=\"{id}-title\">{E(title)}</title>");
        svg.Append($"<line class=\"kpi-axis\" data-axis=\"x\" x1=\"{KpiChartGeometry.Left}\" y1=\"{bottom}\" x2=\"{right}\" y2=\"{bottom}\"/>");
        svg.Append($"<line class=\"kpi-axis\" data-axis=\"y\" x1=\"{KpiChartGeometry.Left}\" y1=\"{KpiChartGeometry.Top}\" x2=\"{KpiChartGeometry.Left}\" y2=\"{bottom}\"/>");
        svg.Append($"<text class=\"kpi-axis-label\" data-label=\"y-max\" x=\"{KpiChartGeometry.Left - 4}\" y=\"{KpiChartGeometry.Top + 4}\" text-anchor=\"end\">{E(result(line.YMax))}</text>");
        svg.Append($"<text class=\"kpi-axis-label\" data-label=\"y-min\" x=\"{KpiChartGeometry.Left - 4}\" y=\"{bottom}\" text-anchor=\"end\">{E(result(line.YMin))}</text>");
        svg.Append($"<text class=\"kpi-axis-label\" data-label=\"x-min\" x=\"{KpiChartGeometry.Left}\" y=\"{bottom + 16}\" text-anchor=\"start\">{E(inputDisplay(lo))}</text>");
        svg.Append($"<text class=\"kpi-axis-label\" data-label=\"x-max\" x=\"{right}\" y=\"{bottom + 16}\" text-anchor=\"end\">{E(inputDisplay(hi))}</text>");
        svg.Append($"<path class=\"kpi-sensitivity-line\" d=\"{line.Path}\"/>");
        svg.Append($"<circle class=\"kpi-sensitivity-point\" cx=\"{line.Cx}\" cy=\"{line.Cy}\" r=\"5\"{(line.Visible ? "" : " visibility=\"hidden\"")}/>");
        svg.Append("</svg>");
        var rows = Enumerable.Range(0, 5).Select(k => k * KpiChartGeometry.Samples / 4)
            .Select(i => Obj(("x", inputDisplay(xs[i])), ("y", result(ys[i])))).ToList<object?>();
        return Obj(("name", input.Name), ("label", input.Label), ("unit", input.Unit), ("id", id), ("title", title),
            ("range_lo", Number(rangeLo)), ("range_hi", Number(rangeHi)), ("svg", svg.ToString()), ("rows", rows));
    }
}
