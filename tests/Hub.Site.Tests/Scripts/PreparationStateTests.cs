using System.Text.Json;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Scripts;

/// <summary>
/// The pure part of a candidate's preparation sheet (<c>theme/assets/js/preparation-state.js</c>, under Node.js): a
/// saved sheet is read back only when it is one of this catalogue in this format, an empty sheet is not worth keeping,
/// and file names keep letters of any script.
/// </summary>
public sealed class PreparationStateTests
{
    [NodeFact]
    public void ASavedSheetIsReadBackOnlyWhenItIsOneOfThisCatalogue()
    {
        var output = Run("""
            const record = { format: 'hub-preparation', version: 1, catalogue: 'roles', lang: 'ja', title: '逆質問', company: '会社',
              date: '', questions: [{ id: 'r-01', text: 'Q', notes: 'n', answer: '' }], saved: '2026-12-07T10:15:00.000Z' };
            const json = s.toJson(record);
            const read = s.parseRecord(json, 'roles');
            out({
              roundTrip: read !== null && s.toJson(read) === json,
              foreign: s.parseRecord(json, 'other'),
              version: s.parseRecord(json.replace('"version": 1', '"version": 2'), 'roles'),
              malformed: s.parseRecord('{', 'roles'),
              missing: s.parseRecord(null, 'roles'),
              badQuestion: s.parseRecord(JSON.stringify({ ...record, questions: [{ id: 'r-01', text: 'Q', notes: 1, answer: '' }] }), 'roles'),
              empty: s.hasContent({ ...record, company: ' ', questions: [{ id: 'r-01', text: 'Q', notes: ' ', answer: '' }] }),
              answered: s.hasContent({ ...record, company: '', questions: [{ id: 'r-01', text: 'Q', notes: '', answer: 'a' }] }),
              file: s.fileName({ ...record, company: '株式会社 サンプル/東京', date: '2026-12-10' }, 'csv'),
              key: s.storageKey('逆 質問'),
            });
            """);
        Assert.True(output.GetProperty("roundTrip").GetBoolean());
        foreach (var name in new[] { "foreign", "version", "malformed", "missing", "badQuestion" })
        {
            Assert.Equal(JsonValueKind.Null, output.GetProperty(name).ValueKind);
        }
        Assert.False(output.GetProperty("empty").GetBoolean());
        Assert.True(output.GetProperty("answered").GetBoolean());
        Assert.Equal("roles-株式会社-サンプル-東京-2026-12-10.csv", output.GetProperty("file").GetString());
        Assert.Equal("hub.preparation.v1.%E9%80%86%20%E8%B3%AA%E5%95%8F", output.GetProperty("key").GetString());
    }

    private static JsonElement Run(string body)
    {
        var dir = Directory.CreateTempSubdirectory("hub-preparation-");
        try
        {
            var script = Path.Combine(dir.FullName, "run.mjs");
            File.WriteAllText(script, """
                import { pathToFileURL } from 'node:url';
                const s = await import(pathToFileURL(process.argv[2]).href);
                const out = (value) => process.stdout.write(JSON.stringify(value));

                """ + body);
            var module = Path.Combine(TestSite.Theme, "assets", "js", "preparation-state.js");
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
