using System.Globalization;
using System.Text.RegularExpressions;
using Hub.Core.Diagnostics;
using Hub.Site.Config;
using Hub.Site.Links;
using Hub.Site.Yaml;
using YamlDotNet.RepresentationModel;

namespace Hub.Site.Content.Kpis;

/// <summary>Where a benchmark's figures were published.</summary>
public sealed record BenchmarkSource(string Title, string Url, int Year);

/// <summary>
/// One published figure a KPI's result is read against: a segment (in the page's language), its low, median and
/// high values (any may be missing) stated for <see cref="Period"/> (null: the KPI's period), its source and the date
/// the figures describe.
/// </summary>
public sealed record KpiBenchmark(string Segment, double? Low, double? Median, double? High, string? Period, BenchmarkSource Source, string? AsOf, string? Note, SourceLocation Location);

/// <summary>Reads a KPI's <c>benchmarks</c>.</summary>
public static partial class KpiBenchmarks
{
    private static readonly HashSet<string> Keys = new(StringComparer.Ordinal) { "segment", "low", "median", "high", "period", "source", "asOf", "note" };
    private static readonly HashSet<string> SourceKeys = new(StringComparer.Ordinal) { "title", "url", "year" };

    public static IReadOnlyList<KpiBenchmark> Read(YamlMap map, KpiPeriod? period, bool periodWritten, string lang, SiteConfig config, DiagnosticBag diagnostics)
    {
        var benchmarks = new List<KpiBenchmark>();
        foreach (var entry in map.MapList("benchmarks"))
        {
            entry.ReportUnknownKeys(Keys, "a benchmark", Severity.Error);
            var segment = Localized(entry, "segment", lang, config, diagnostics);
            var note = Localized(entry, "note", lang, config, diagnostics);
            var low = YamlValues.FiniteNumber(entry, "low", diagnostics);
            var median = YamlValues.FiniteNumber(entry, "median", diagnostics);
            var high = YamlValues.FiniteNumber(entry, "high", diagnostics);
            var ok = segment is not null;
            if (low is null && median is null && high is null && !new[] { "low", "median", "high" }.Any(k => entry.Node(k) is not null))
            {
                diagnostics.Error(DiagnosticCodes.BenchmarkInvalid, entry.Location, "a benchmark needs at least one of 'low', 'median' and 'high'");
                ok = false;
            }
            if (OutOfOrder(low, median) || OutOfOrder(median, high) || OutOfOrder(low, high))
            {
                var key = OutOfOrder(low, median) ? (median is null ? "high" : "median") : "high";
                diagnostics.Error(DiagnosticCodes.BenchmarkInvalid, entry.LocationOf(entry.Node(key)!), "a benchmark's figures must be in order: low <= median <= high");
                ok = false;
            }
            ok &= KpiPeriods.ReadItem(entry, period, periodWritten, "the benchmark", diagnostics, out var benchmarkPeriod);
            var source = ReadSource(entry, diagnostics);
            var asOf = entry.String("asOf");
            if (asOf is not null && !AsOfPattern().IsMatch(asOf))
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, entry.LocationOf(entry.Node("asOf")!), $"'{asOf}' is not a date", "write it as YYYY-MM-DD or YYYY-MM");
                asOf = null;
            }
            if (ok && source is not null)
            {
                benchmarks.Add(new KpiBenchmark(segment!, low, median, high, benchmarkPeriod, source, asOf, note, entry.Location));
            }
        }
        return benchmarks;
    }

    private static bool OutOfOrder(double? a, double? b) => a is { } x && b is { } y && x > y;

    private static BenchmarkSource? ReadSource(YamlMap entry, DiagnosticBag diagnostics)
    {
        if (entry.Node("source") is null)
        {
            diagnostics.Error(DiagnosticCodes.BenchmarkInvalid, entry.Location, "a benchmark needs a 'source' (title, url, year)",
                "a figure without its source cannot be checked by the reader");
            return null;
        }
        if (entry.Map("source") is not { } source)
        {
            return null;
        }
        source.ReportUnknownKeys(SourceKeys, "a benchmark's source", Severity.Error);
        var missing = SourceKeys.Where(k => source.Node(k) is null or YamlScalarNode { Value: null or "" }).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            diagnostics.Error(DiagnosticCodes.BenchmarkInvalid, source.Location,
                $"a benchmark's source needs {string.Join(" and ", missing.Select(k => $"'{k}'"))}");
            return null;
        }
        var title = source.String("title")!;
        var url = source.String("url")!;
        var urlAt = source.LocationOf(source.Node("url")!);
        if (UrlSafety.DisallowedScheme(url) is { } scheme)
        {
            diagnostics.Error(DiagnosticCodes.UnsafeUrl, urlAt, UrlSafety.Message("URL", url, scheme), UrlSafety.AllowedHint);
            return null;
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            diagnostics.Error(DiagnosticCodes.BenchmarkInvalid, urlAt, $"a benchmark's source url '{url}' must be an absolute http(s) URL");
            return null;
        }
        var yearText = source.String("year");
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1900 || year > 9999)
        {
            diagnostics.Error(DiagnosticCodes.BenchmarkInvalid, source.LocationOf(source.Node("year")!), $"a benchmark's source year '{yearText}' must be a year such as 2023");
            return null;
        }
        return new BenchmarkSource(title, url, year);
    }

    /// <summary>A text, or a map of language to text of which the page's language is taken (else the site's default,
    /// else the first).</summary>
    private static string? Localized(YamlMap entry, string key, string lang, SiteConfig config, DiagnosticBag diagnostics)
    {
        var node = entry.Node(key);
        switch (node)
        {
            case null:
                if (key == "segment")
                {
                    diagnostics.Error(DiagnosticCodes.BenchmarkInvalid, entry.Location, "a benchmark needs a 'segment' (who the figures describe)");
                }
                return null;
            case YamlScalarNode:
                return entry.String(key);
            case YamlMappingNode:
                var texts = entry.Map(key)!;
                foreach (var language in texts.Keys.Where(k => !config.Languages.Contains(k)))
                {
                    diagnostics.Error(DiagnosticCodes.UnknownLanguage, texts.KeyLocation(language), $"language '{language}' is not one of the site's languages ({string.Join(", ", config.Languages)})");
                }
                return texts.String(lang) ?? texts.String(config.DefaultLanguage) ?? texts.Keys.Select(k => texts.String(k)).FirstOrDefault(t => t is not null);
            default:
                diagnostics.Error(DiagnosticCodes.InvalidValue, entry.LocationOf(node), $"'{key}' must be a text or a map of language to text");
                return null;
        }
    }

    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")]
    private static partial Regex AsOfPattern();
}
