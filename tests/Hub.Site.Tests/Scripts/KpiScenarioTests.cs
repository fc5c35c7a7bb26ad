using System.Text.Json;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Scripts;

/// <summary>
/// The pure part of a KPI calculator's scenario comparison (<c>theme/assets/js/kpi-scenario.js</c>, run under
/// Node.js): both scenarios written to the address and read back, what a shortened address still gives, and the
/// difference written with its sign in the result's format.
/// </summary>
public sealed class KpiScenarioTests
{
    [NodeFact]
    public void AComparisonRoundTripsThroughTheQueryAndKeepsOtherParameters()
    {
        var output = Run("""
            const keys = ['churned', 'customersAtStart'];
            const start = new URLSearchParams('utm=x&churned=12&customersAtStart=400');
            const written = s.writeComparison(start, keys, { a: { churned: '12', customersAtStart: '400' }, b: { churned: '9', customersAtStart: '400' } });
            const read = s.readComparison(new URLSearchParams(written.toString()), keys);
            const ended = s.writeComparison(written, keys, null);
            const none = s.readComparison(new URLSearchParams('churned=12'), keys);
            // A link that lost some keys: a missing B value is A's, a missing A value the plain key's.
            const partial = s.readComparison(new URLSearchParams('a.churned=5&customersAtStart=300'), keys);
            out({ written: written.toString(), read, ended: ended.toString(), none, partial });
            """);
        Assert.Equal("utm=x&a.churned=12&a.customersAtStart=400&b.churned=9&b.customersAtStart=400", output.GetProperty("written").GetString());
        Assert.Equal("12", output.GetProperty("read").GetProperty("a").GetProperty("churned").GetString());
        Assert.Equal("400", output.GetProperty("read").GetProperty("a").GetProperty("customersAtStart").GetString());
        Assert.Equal("9", output.GetProperty("read").GetProperty("b").GetProperty("churned").GetString());
        Assert.Equal("utm=x", output.GetProperty("ended").GetString());
        Assert.Equal(JsonValueKind.Null, output.GetProperty("none").ValueKind);
        var partial = output.GetProperty("partial");
        Assert.Equal("5", partial.GetProperty("a").GetProperty("churned").GetString());
        Assert.Equal("5", partial.GetProperty("b").GetProperty("churned").GetString());
        Assert.Equal("300", partial.GetProperty("a").GetProperty("customersAtStart").GetString());
        Assert.Equal("300", partial.GetProperty("b").GetProperty("customersAtStart").GetString());
    }

    [NodeFact]
    public void SlugPrefixedKeysAndOddValuesSurviveTheAddress()
    {
        var output = Run("""
            const keys = ['churn-rate.churned'];
            const written = s.writeComparison(new URLSearchParams(''), keys, { a: { 'churn-rate.churned': '1e3' }, b: { 'churn-rate.churned': '&=?' } });
            const read = s.readComparison(new URLSearchParams(written.toString()), keys);
            out({ written: written.toString(), a: read.a['churn-rate.churned'], b: read.b['churn-rate.churned'] });
            """);
        Assert.Equal("a.churn-rate.churned=1e3&b.churn-rate.churned=%26%3D%3F", output.GetProperty("written").GetString());
        Assert.Equal("1e3", output.GetProperty("a").GetString());
        Assert.Equal("&=?", output.GetProperty("b").GetString());
    }

    [NodeFact]
    public void TypedValuesBecomeWhatTheFormulaGets()
    {
        var output = Run("""
            out([s.formulaValue('5', 'percent'), s.formulaValue(' 400 ', 'number'), s.formulaValue('', 'number'),
                 s.formulaValue(undefined, 'number'), s.formulaValue('abc', 'currency')].map((v) => (isNaN(v) ? null : v)));
            """);
        Assert.Equal("[0.05,400,null,null,null]", output.GetRawText());
    }

    [NodeFact]
    public void DifferencesAreSignedAndWrittenInTheResultsFormat()
    {
        var output = Run("""
            const d = (a, b) => s.difference(a, b);
            out([
              s.formatDifference(d(0.95, 0.965).delta, 'percent', 1, 'ja', 'JPY', 'か月', '{value}ポイント'),
              s.formatDifference(d(0.95, 0.9).delta, 'percent', 1, 'en', 'USD', 'months', '{value} pp'),
              s.formatDifference(d(0.5, 0.5).delta, 'percent', 1, 'ko', 'KRW', '개월', '{value}%p'),
              s.formatDifference(d(120000, 100000).delta, 'currency', null, 'ja', 'JPY', 'か月', '{value}'),
              s.formatDifference(d(10, 12.5).delta, 'months', null, 'en', 'USD', 'months', '{value}'),
              s.formatDifference(d(NaN, 1).delta, 'number', null, 'en', 'USD', 'months', '{value}'),
              s.formatRelative(d(0.95, 0.965).relative, 'en'),
              s.formatRelative(d(120000, 100000).relative, 'ja'),
              s.formatRelative(d(0, 5).relative, 'en'),
              s.formatRelative(d(-4, -2).relative, 'en'),
            ]);
            """);
        Assert.Equal(
            (string[])["+1.5ポイント", "−5.0 pp", "0.0%p", "−¥20,000", "+2.5 months", "–", "+1.6%", "−16.7%", "–", "+50.0%"],
            output.EnumerateArray().Select(e => e.GetString() ?? "null").ToArray());
    }

    private static JsonElement Run(string body)
    {
        var dir = Directory.CreateTempSubdirectory("hub-kpi-scenario-");
        try
        {
            var script = Path.Combine(dir.FullName, "run.mjs");
            File.WriteAllText(script, """
                import { pathToFileURL } from 'node:url';
                const s = await import(pathToFileURL(process.argv[2]).href);
                const out = (value) => process.stdout.write(JSON.stringify(value));

                """ + body);
            var module = Path.Combine(TestSite.Theme, "assets", "js", "kpi-scenario.js");
            var (exit, output, error) = NodeJs.Run(dir.FullName, "--no-warnings", script, module);
            Assert.True(exit == 0, "node failed: " + error);
            return JsonDocument.Parse(output).RootElement.Clone();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
