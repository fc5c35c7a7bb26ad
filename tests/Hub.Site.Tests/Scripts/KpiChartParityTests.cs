using System.Text.Json;
using Hub.Site.Content.Kpis;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Scripts;

/// <summary>
/// The charts the build draws (C#, <see cref="KpiChartGeometry"/>) and the ones the page redraws
/// (<c>theme/assets/js/kpi-chart.js</c> under Node.js) put the same things at the same coordinates for the same
/// inputs: lines with gaps, flat lines, points outside the declared range, band positions clamped to the scale.
/// </summary>
public sealed class KpiChartParityTests
{
    private static readonly (double Lo, double Hi, double Current, Func<double, double> F)[] Lines =
    [
        (0, 24, 12, x => x / 400),
        (200, 800, 400, x => 12 / x),
        (0, 1, 0.8, x => 50000 * x / 0.02),
        (0, 10, 25, x => x * x - 3),                  // the current value outside the range widens it
        (-5, 5, 0, x => 1 / x),                        // a division by zero breaks the line
        (0, 1, 0.5, _ => 0.42),                        // a flat line
        (0, 1, 0.5, _ => 0),
        (1e6, 1.2e7, 6e6, x => (x - 60000) / x),
        (0, 1, 0.5, _ => double.NaN),
    ];

    private static readonly double[] BandValues = [0.54, 0.9, 0.85, 0.95, 1.27, -0.1, 2, 0.899999, 0.5];

    [NodeFact]
    public void LinesAndBandsAreDrawnAtTheSameCoordinatesInCSharpAndJavaScript()
    {
        var cases = Lines.Select(l =>
        {
            var (lo, hi) = KpiChartGeometry.InputRange(l.Lo, l.Hi, l.Current);
            var xs = KpiChartGeometry.SampleXs(lo, hi);
            return new LineCase(l.Lo, l.Hi, l.Current, xs.Select(l.F).Select(Json).ToArray(), Json(l.F(l.Current)));
        }).ToList();
        var (min, max) = KpiChartGeometry.BandScale([0.85, 0.9, 0.95, 0.54]);
        var expected = new Result(
            cases.Select(c =>
            {
                var (lo, hi) = KpiChartGeometry.InputRange(c.Lo, c.Hi, c.Current);
                var g = KpiChartGeometry.Line(KpiChartGeometry.SampleXs(lo, hi), c.Ys.Select(Number).ToArray(), c.Current, Number(c.Y));
                return FormattableString.Invariant($"{g.Path}|{g.Cx}|{g.Cy}|{g.Visible}|{g.YMin:R}|{g.YMax:R}");
            }).ToList(),
            BandValues.Select(v => KpiChartGeometry.BandX(v, min, max)).ToList());

        var actual = Run(cases, min, max);
        Assert.Equal(expected.Lines, actual.Lines);
        Assert.Equal(expected.Bands, actual.Bands);
        Assert.Contains(expected.Lines, l => l.Contains(" M", StringComparison.Ordinal));
    }

    // JSON has no NaN or infinity: those travel as null.
    private static double? Json(double value) => double.IsFinite(value) ? value : null;

    private static double Number(double? value) => value ?? double.NaN;

    private static Result Run(List<LineCase> cases, double min, double max)
    {
        var dir = Directory.CreateTempSubdirectory("hub-kpi-chart-");
        try
        {
            var input = Path.Combine(dir.FullName, "cases.json");
            var script = Path.Combine(dir.FullName, "run.mjs");
            File.WriteAllText(input, JsonSerializer.Serialize(new { Cases = cases, Min = min, Max = max, Bands = BandValues }));
            File.WriteAllText(script, """
                import { readFileSync } from 'node:fs';
                import { pathToFileURL } from 'node:url';
                const chart = await import(pathToFileURL(process.argv[2]).href);
                const data = JSON.parse(readFileSync(process.argv[3], 'utf8'));
                const num = (v) => (v === null ? NaN : v);
                // C#'s "R" of a double, for the y range: the shortest text that reads back the same, as JavaScript's.
                const r = (v) => (Number.isInteger(v) && Math.abs(v) < 1e15 ? String(v) : String(v).replace('e+', 'E+').replace('e-', 'E-'));
                const lines = data.Cases.map((c) => {
                  const [lo, hi] = chart.inputRange(c.Lo, c.Hi, c.Current);
                  const g = chart.line(chart.sampleXs(lo, hi), c.Ys.map(num), c.Current, num(c.Y));
                  return `${g.path}|${g.cx}|${g.cy}|${g.visible ? 'True' : 'False'}|${r(g.yMin)}|${r(g.yMax)}`;
                });
                const bands = data.Bands.map((v) => chart.bandX(v, data.Min, data.Max));
                process.stdout.write(JSON.stringify({ Lines: lines, Bands: bands }));
                """);
            var module = Path.Combine(TestSite.Theme, "assets", "js", "kpi-chart.js");
            var (exit, output, error) = NodeJs.Run(dir.FullName, "--no-warnings", script, module, input);
            Assert.True(exit == 0, "node failed: " + error);
            return JsonSerializer.Deserialize<Result>(output)!;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private sealed record LineCase(double Lo, double Hi, double Current, double?[] Ys, double? Y);

    private sealed record Result(List<string> Lines, List<string> Bands);
}
