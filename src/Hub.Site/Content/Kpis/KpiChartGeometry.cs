using System.Globalization;

namespace Hub.Site.Content.Kpis;

/// <summary>
/// Where the KPI charts put things: the C# twin of <c>theme/assets/js/kpi-chart.js</c>, which redraws the same
/// charts as the reader types. Both compute with the same operations in the same order and write coordinates with
/// one decimal, so a page drawn at build time and redrawn with the same inputs has the same attributes (a test runs
/// both on the same inputs).
/// </summary>
public static class KpiChartGeometry
{
    /// <summary>The sensitivity chart's size and plot margins, in SVG units.</summary>
    public const double Width = 320, Height = 180, Left = 56, Right = 12, Top = 12, Bottom = 32;

    /// <summary>The band chart's size and the x range its scale spans.</summary>
    public const double BandWidth = 320, BandHeight = 64, BandX0 = 12, BandX1 = 308;

    /// <summary>Samples of an input's range (sample count + 1 points, both ends included).</summary>
    public const int Samples = 24;

    /// <summary>The range an input is drawn over: its declared min and max, widened to take in the current value.</summary>
    public static (double Lo, double Hi) InputRange(double lo, double hi, double current) =>
        (double.IsFinite(current) ? Math.Min(lo, current) : lo, double.IsFinite(current) ? Math.Max(hi, current) : hi);

    /// <summary>The range an input is drawn over by default: half to twice its default (a denominator's range down to
    /// its minimum would dwarf every other result), within its min and max; from min (or 0) to max (or 1) when the
    /// default is 0.</summary>
    public static (double Lo, double Hi) DefaultRange(double? min, double? max, double? @default)
    {
        var d = @default ?? 0;
        var (lo, hi) = d > 0 ? (d / 2, d * 2) : d < 0 ? (d * 2, d / 2) : (min ?? 0, max ?? (min ?? 0) + 1);
        lo = Math.Max(lo, min ?? double.NegativeInfinity);
        hi = Math.Min(hi, max ?? double.PositiveInfinity);
        return hi > lo ? (lo, hi) : (lo, lo + 1);
    }

    public static double[] SampleXs(double lo, double hi)
    {
        var xs = new double[Samples + 1];
        for (var i = 0; i <= Samples; i++)
        {
            xs[i] = lo + (hi - lo) * i / Samples;
        }
        return xs;
    }

    /// <summary>The line of results over the samples (an SVG path; a result that is not finite breaks it), the
    /// current point and the y range drawn.</summary>
    public static LineGeometry Line(IReadOnlyList<double> xs, IReadOnlyList<double> ys, double currentX, double currentY)
    {
        var yMin = double.PositiveInfinity;
        var yMax = double.NegativeInfinity;
        foreach (var y in ys.Append(currentY))
        {
            if (double.IsFinite(y))
            {
                yMin = Math.Min(yMin, y);
                yMax = Math.Max(yMax, y);
            }
        }
        if (!double.IsFinite(yMin))
        {
            yMin = 0;
            yMax = 1;
        }
        if (yMax == yMin)
        {
            var pad = Math.Abs(yMax) * 0.1;
            pad = pad > 0 ? pad : 1;
            yMin -= pad;
            yMax += pad;
        }
        var xMin = xs[0];
        var xMax = xs[^1];
        var parts = new List<string>();
        var drawing = false;
        for (var i = 0; i < xs.Count; i++)
        {
            if (!double.IsFinite(ys[i]))
            {
                drawing = false;
                continue;
            }
            parts.Add((drawing ? "L" : "M") + Fixed(X(xs[i], xMin, xMax)) + " " + Fixed(Y(ys[i], yMin, yMax)));
            drawing = true;
        }
        var visible = double.IsFinite(currentX) && double.IsFinite(currentY);
        return new LineGeometry(string.Join(" ", parts), visible ? Fixed(X(currentX, xMin, xMax)) : "0", visible ? Fixed(Y(currentY, yMin, yMax)) : "0", visible, yMin, yMax);
    }

    /// <summary>The x of a value on a band chart whose scale spans min to max (clamped to the scale).</summary>
    public static string BandX(double value, double min, double max) =>
        Fixed(BandX0 + (Math.Min(Math.Max(value, min), max) - min) / (max - min) * (BandX1 - BandX0));

    /// <summary>A band chart's scale: the figures and the result, with a tenth of their spread on each side.</summary>
    public static (double Min, double Max) BandScale(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        var lo = finite.Count == 0 ? 0 : finite.Min();
        var hi = finite.Count == 0 ? 1 : finite.Max();
        var pad = (hi - lo) * 0.1;
        if (pad == 0)
        {
            pad = Math.Abs(hi) * 0.1;
            pad = pad > 0 ? pad : 1;
        }
        return (lo - pad, hi + pad);
    }

    private static double X(double x, double xMin, double xMax) => Left + (x - xMin) / (xMax - xMin) * (Width - Left - Right);

    private static double Y(double y, double yMin, double yMax) => Top + (yMax - y) / (yMax - yMin) * (Height - Top - Bottom);

    /// <summary>One decimal, as JavaScript's toFixed(1) writes it (no negative zero).</summary>
    public static string Fixed(double value)
    {
        var text = value.ToString("F1", CultureInfo.InvariantCulture);
        return text == "-0.0" ? "0.0" : text;
    }
}

public sealed record LineGeometry(string Path, string Cx, string Cy, bool Visible, double YMin, double YMax);
