using Hub.Core.Diagnostics;
using Hub.Site.Config;
using Hub.Site.Yaml;
using YamlDotNet.RepresentationModel;

namespace Hub.Site.Content.Kpis;

/// <summary>Loads <c>input/kpis/*.md</c> and checks the schema of the contract (the formula itself is checked later).</summary>
public static class KpiLoader
{
    public static readonly IReadOnlySet<string> Formats = new HashSet<string>(StringComparer.Ordinal) { "percent", "ratio", "currency", "number", "months" };
    public static readonly IReadOnlySet<string> Units = new HashSet<string>(StringComparer.Ordinal) { "count", "currency", "percent", "ratio", "number", "days", "months" };

    private static readonly HashSet<string> Keys = new(PageHeader.CommonKeys, StringComparer.Ordinal)
    {
        "abbr", "formula", "result", "inputs", "cadence", "indicator", "examples", "related",
        "period", "compounding", "benchmarks", "category", "order",
    };

    private static readonly HashSet<string> ResultKeys = new(StringComparer.Ordinal) { "format", "decimals", "better" };
    private static readonly HashSet<string> InputKeys = new(StringComparer.Ordinal) { "name", "label", "unit", "min", "max", "step", "default", "help" };
    private static readonly HashSet<string> ExampleKeys = new(StringComparer.Ordinal) { "inputs", "result", "period" };

    public static KpiPage? Load(ContentKind kind, string path, string displayPath, SiteConfig config, DiagnosticBag diagnostics)
    {
        var source = MarkdownSource.Read(path, displayPath, config, diagnostics);
        if (source is null)
        {
            return null;
        }
        var map = source.Map;
        map.ReportUnknownKeys(Keys, "a KPI's front matter", Severity.Error);

        var formulaNode = map.Node("formula");
        var expression = map.String("formula", required: true) ?? string.Empty;
        var formula = formulaNode is YamlScalarNode scalar
            ? FormulaLines.Of(expression, scalar, map, source.Yaml)
            : new FormulaText(expression, map.Location, [new FormulaLine(0, map.Location.Line, map.Location.Column)]);

        var result = ReadResult(map, diagnostics);
        var inputs = ReadInputs(map, diagnostics);
        var names = inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var period = KpiPeriods.Read(map, diagnostics);

        var examples = new List<KpiExample>();
        foreach (var example in map.MapList("examples"))
        {
            example.ReportUnknownKeys(ExampleKeys, "an example", Severity.Error);
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            var unusable = false;
            if (example.Map("inputs") is { } exampleInputs)
            {
                foreach (var key in exampleInputs.Keys)
                {
                    if (!names.Contains(key))
                    {
                        var hint = DidYouMean.Closest(key, names);
                        diagnostics.Error(DiagnosticCodes.InvalidValue, exampleInputs.KeyLocation(key), $"example names unknown input '{key}'",
                            hint is null ? null : $"did you mean '{hint}'?");
                        continue;
                    }
                    if (YamlValues.FiniteNumber(exampleInputs, key, diagnostics) is { } v)
                    {
                        values[key] = v;
                    }
                    else if (!YamlValues.IsNull(exampleInputs.Node(key)))
                    {
                        // The value's error is reported: checking the example would only report it again as missing.
                        unusable = true;
                    }
                }
                foreach (var missing in names.Where(n => !values.ContainsKey(n)).Order(StringComparer.Ordinal))
                {
                    if (!exampleInputs.Keys.Contains(missing))
                    {
                        diagnostics.Error(DiagnosticCodes.RequiredKeyMissing, exampleInputs.Location, $"example gives no value for input '{missing}'");
                    }
                }
            }
            else
            {
                diagnostics.Error(DiagnosticCodes.RequiredKeyMissing, example.Location, "an example needs 'inputs'");
            }
            var expected = YamlValues.FiniteNumber(example, "result", diagnostics);
            if (expected is null)
            {
                if (!YamlValues.IsNonFinite(example.Node("result")))
                {
                    diagnostics.Error(DiagnosticCodes.RequiredKeyMissing, example.Location, "an example needs a numeric 'result'");
                }
                continue;
            }
            if (unusable)
            {
                continue;
            }
            var resultNode = example.Node("result")!;
            if (!KpiPeriods.ReadExample(example, period, map.Node("period") is not null, diagnostics, out var examplePeriod))
            {
                continue;
            }
            examples.Add(new KpiExample(values, expected.Value, example.LocationOf(resultNode), example.Location) { Period = examplePeriod });
        }
        // "examples: []" verifies no more than leaving the key out.
        if (examples.Count == 0 && map.Node("examples") is null or YamlSequenceNode { Children.Count: 0 })
        {
            diagnostics.Warning(DiagnosticCodes.RequiredKeyMissing, map.Location, "the KPI has no worked 'examples'",
                "add one so the build can verify the formula");
        }

        var indicator = map.String("indicator");
        if (indicator is not null and not "leading" and not "lagging")
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, map.LocationOf(map.Node("indicator")!), $"indicator '{indicator}' must be leading or lagging");
        }

        return new KpiPage
        {
            Kind = kind,
            SourcePath = path,
            DisplayPath = displayPath,
            Header = source.Header,
            Body = source.Body,
            BodyFirstLine = source.BodyFirstLine,
            Abbr = map.String("abbr"),
            Formula = formula,
            Result = result,
            Inputs = inputs,
            Cadence = map.String("cadence"),
            Category = ReadCategory(map, diagnostics),
            Order = ReadOrder(map, diagnostics),
            Indicator = indicator,
            Examples = examples,
            Related = map.StringList("related"),
            Period = period,
            Benchmarks = KpiBenchmarks.Read(map, period, map.Node("period") is not null, source.Header.Lang, config, diagnostics),
        };
    }

    private static string? ReadCategory(YamlMap map, DiagnosticBag diagnostics)
    {
        var category = map.String("category");
        if (category is null || KpiCategories.All.Contains(category))
        {
            return category;
        }
        var hint = DidYouMean.Closest(category, KpiCategories.All);
        diagnostics.Error(DiagnosticCodes.InvalidValue, map.LocationOf(map.Node("category")!),
            $"category '{category}' is not one of {string.Join(", ", KpiCategories.All)}", hint is null ? null : $"did you mean '{hint}'?");
        return null;
    }

    private static int? ReadOrder(YamlMap map, DiagnosticBag diagnostics)
    {
        var order = YamlValues.FiniteNumber(map, "order", diagnostics);
        if (order is { } o && (o != Math.Floor(o) || o < -1_000_000 || o > 1_000_000))
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, map.LocationOf(map.Node("order")!), "order must be a whole number (lowest is listed first)");
            return null;
        }
        return order is null ? null : (int)order.Value;
    }

    private static KpiResult ReadResult(YamlMap map, DiagnosticBag diagnostics)
    {
        var result = map.Map("result");
        if (result is null)
        {
            diagnostics.Error(DiagnosticCodes.RequiredKeyMissing, map.Location, "'result' is required", "for example: result: { format: percent, decimals: 1, better: lower }");
            return new KpiResult("number", null, null);
        }
        result.ReportUnknownKeys(ResultKeys, "result", Severity.Error);
        var format = result.String("format", required: true) ?? "number";
        if (!Formats.Contains(format))
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, result.LocationOf(result.Node("format")!), $"result format '{format}' is not one of {string.Join(", ", Formats)}");
            format = "number";
        }
        var better = result.String("better");
        if (better is not null and not "higher" and not "lower")
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, result.LocationOf(result.Node("better")!), $"better '{better}' must be higher or lower");
            better = null;
        }
        var decimals = YamlValues.FiniteNumber(result, "decimals", diagnostics);
        if (decimals is { } d && (d < 0 || d > 10 || d != Math.Floor(d)))
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, result.LocationOf(result.Node("decimals")!), "decimals must be a whole number from 0 to 10");
            decimals = null;
        }
        return new KpiResult(format, decimals is null ? null : (int)decimals.Value, better);
    }

    private static List<KpiInput> ReadInputs(YamlMap map, DiagnosticBag diagnostics)
    {
        var inputs = new List<KpiInput>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in map.MapList("inputs", required: true))
        {
            input.ReportUnknownKeys(InputKeys, "an input", Severity.Error);
            var name = input.String("name", required: true);
            var label = input.String("label", required: true);
            if (name is null)
            {
                continue;
            }
            if (!IsIdentifier(name))
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, input.LocationOf(input.Node("name")!), $"input name '{name}' must be an identifier (letters, digits, _; not starting with a digit)");
                continue;
            }
            if (!seen.Add(name))
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, input.LocationOf(input.Node("name")!), $"input '{name}' is declared twice");
                continue;
            }
            var unit = input.String("unit") ?? "number";
            if (!Units.Contains(unit))
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, input.LocationOf(input.Node("unit")!), $"unit '{unit}' is not one of {string.Join(", ", Units)}");
                unit = "number";
            }
            var min = YamlValues.FiniteNumber(input, "min", diagnostics);
            var max = YamlValues.FiniteNumber(input, "max", diagnostics);
            if (min is { } lo && max is { } hi && lo > hi)
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, input.LocationOf(input.Node("max")!), $"max ({hi}) is below min ({lo})");
            }
            inputs.Add(new KpiInput(name, label ?? name, unit, min, max, YamlValues.FiniteNumber(input, "step", diagnostics), YamlValues.FiniteNumber(input, "default", diagnostics), input.String("help"), input.Location));
        }
        return inputs;
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_') && name.All(char.IsAscii);
}
