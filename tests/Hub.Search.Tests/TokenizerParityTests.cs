using System.Text.Json;
using Hub.Search;
using Jint;
using Jint.Native;

namespace Hub.Search.Tests;

/// <summary>
/// The C# tokenizer and its JavaScript twin give identical tokens: in Jint (always) and in Node (when
/// installed, a real engine with its own ICU), on a generated mixed-script corpus and on every code
/// point of planes 0 and 1, except the pinned Unicode-version skew (see <see cref="UnicodeSkew"/>).
/// </summary>
public sealed class TokenizerParityTests
{
    private const int MaxAssignedSkew = 300;

    private static readonly Lazy<(Engine Engine, UnicodeSkew Skew)> Jint = new(() =>
    {
        var engine = JsEnvironment.Create(withLunr: false);
        engine.Execute("""
            function __tokenizeAll(a) { var r = []; for (var i = 0; i < a.length; i++) r.push(HubSearchTokenizer.tokenize(a[i]).join('\n')); return r; }
            function __probe(cps) { var c = [], l = [], n = []; for (var i = 0; i < cps.length; i++) { c.push(HubSearchTokenizer.classify(cps[i])); l.push(HubSearchTokenizer.lower(cps[i])); n.push(HubSearchTokenizer.normalize(String.fromCodePoint(cps[i]))); } return [c, l, n]; }
            """);
        var skew = UnicodeSkew.Measure(cps =>
        {
            var result = engine.Invoke("__probe", engine.Intrinsics.Array.Construct(cps.Select(c => (JsValue)c).ToArray())).AsArray();
            var classes = result[0].AsArray().Select(v => (int)v.AsNumber()).ToArray();
            var lowers = result[1].AsArray().Select(v => v.AsString()).ToArray();
            var normalized = result[2].AsArray().Select(v => v.AsString()).ToArray();
            return (classes, lowers, normalized);
        });
        return (engine, skew);
    });

    [Fact]
    public void JintSkewIsSmallAndOutsideHubScripts()
    {
        var skew = Jint.Value.Skew;
        Assert.Empty(skew.ProtectedDifferences());
        Assert.InRange(skew.AssignedCount, 0, MaxAssignedSkew);
    }

    [Fact]
    public void TwinsAgreeOnGeneratedMixedScriptCorpusInJint()
    {
        AssertJintAgrees(MixedScriptCorpus.Generate(3000, seed: 20251123, Jint.Value.Skew.Allows));
    }

    [Fact]
    public void TwinsAgreeOnEveryCodePointInJint()
    {
        AssertJintAgrees(MixedScriptCorpus.EveryCodePoint(UnicodeSkew.Planes, 8192, Jint.Value.Skew.Allows));
    }

    [NodeFact]
    public void TwinsAgreeInNode()
    {
        var script = """
            const fs = require('fs');
            import(require('url').pathToFileURL(process.argv[2]).href).then((t) => {
              const cps = [];
              for (const [s, e] of [[0, 0x1FFFF], [0xE0000, 0xE01EF]]) for (let cp = s; cp <= e; cp++) if (cp < 0xD800 || cp > 0xDFFF) cps.push(cp);
              const probe = { classes: cps.map(t.classify), lowers: cps.map(t.lower), normalized: cps.map(c => t.normalize(String.fromCodePoint(c))) };
              fs.writeFileSync(process.argv[4], JSON.stringify(probe));
            });
            """;
        var probe = Node.Run(script, [Path.Combine(JsEnvironment.Modules, "search-tokenizer.js")], "null");

        UnicodeSkew skew;
        using (var json = JsonDocument.Parse(probe))
        {
            var classes = json.RootElement.GetProperty("classes").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var lowers = json.RootElement.GetProperty("lowers").EnumerateArray().Select(e => e.GetString()!).ToArray();
            var normalized = json.RootElement.GetProperty("normalized").EnumerateArray().Select(e => e.GetString()!).ToArray();
            skew = UnicodeSkew.Measure(_ => (classes, lowers, normalized));
        }

        Assert.Empty(skew.ProtectedDifferences());
        Assert.InRange(skew.AssignedCount, 0, MaxAssignedSkew);

        var corpus = MixedScriptCorpus.Generate(3000, seed: 7, skew.Allows);
        corpus.AddRange(MixedScriptCorpus.EveryCodePoint(UnicodeSkew.Planes, 8192, skew.Allows));
        var tokenize = """
            const fs = require('fs');
            import(require('url').pathToFileURL(process.argv[2]).href).then((t) => {
              const input = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
              fs.writeFileSync(process.argv[4], JSON.stringify(input.map(s => t.tokenize(s).join('\n'))));
            });
            """;
        var output = Node.Run(tokenize, [Path.Combine(JsEnvironment.Modules, "search-tokenizer.js")], JsonSerializer.Serialize(corpus));
        var actual = JsonSerializer.Deserialize<List<string>>(output)!;
        AssertSame(corpus, actual);
    }

    private static void AssertJintAgrees(List<string> corpus)
    {
        var engine = Jint.Value.Engine;
        JsArray result;
        lock (engine)
        {
            var array = engine.Intrinsics.Array.Construct(corpus.Select(s => (JsValue)new JsString(s)).ToArray());
            result = engine.Invoke("__tokenizeAll", array).AsArray();
        }

        AssertSame(corpus, result.Select(v => v.AsString()).ToList());
    }

    private static void AssertSame(List<string> corpus, List<string> actual)
    {
        var mismatches = new List<string>();
        for (var i = 0; i < corpus.Count; i++)
        {
            var expected = string.Join("\n", SearchTokenizer.Tokenize(corpus[i]));
            if (expected != actual[i])
            {
                mismatches.Add($"#{i}: {Diff(expected, actual[i])}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {corpus.Count} differ:\n" + string.Join("\n", mismatches.Take(10)));
    }

    private static string Diff(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var x = i < e.Length ? e[i] : "<none>";
            var y = i < a.Length ? a[i] : "<none>";
            if (x != y)
            {
                return $"token {i}: C# '{Escape(x)}' vs JS '{Escape(y)}'";
            }
        }

        return "same";
    }

    private static string Escape(string s) => string.Concat(s.EnumerateRunes().Select(r => r.Value < 0x80 ? r.ToString() : $"\\u{{{r.Value:X}}}"));
}
