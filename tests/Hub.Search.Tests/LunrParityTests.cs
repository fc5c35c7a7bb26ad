using System.Text;
using Hub.Search;
using Hub.Search.Lunr;
using Jint;
using Jint.Native;
using Jint.Native.Json;

namespace Hub.Search.Tests;

/// <summary>
/// Our index writer and lunr.js 2.3.9's own builder (run in Jint from the npm file), fed the same
/// tokens (custom tokenizer, empty pipelines), produce the same JSON byte for byte; and lunr.js
/// answers queries on our index with exactly the documents that contain every query token.
/// </summary>
public sealed class LunrParityTests
{
    private const string Harness = """
        function __lunrBuild(docs, fields) {
          var idx = lunr(function () {
            this.ref('id');
            for (var i = 0; i < fields.length; i++) this.field(fields[i].name, { boost: fields[i].boost });
            this.tokenizer = function (tokens) { return (tokens || []).map(function (t) { return new lunr.Token(t, {}); }); };
            this.pipeline.reset();
            this.searchPipeline.reset();
            for (var d = 0; d < docs.length; d++) this.add(docs[d], { boost: docs[d].boost });
          });
          return JSON.stringify(idx);
        }
        function __lunrQuery(json, queries) {
          var idx = lunr.Index.load(JSON.parse(json));
          return queries.map(function (tokens) {
            return idx.query(function (q) {
              tokens.forEach(function (t) { q.term(t, { presence: lunr.Query.presence.REQUIRED, usePipeline: false }); });
            }).map(function (r) { return r.ref + ':' + r.score; });
          });
        }
        """;

    private static readonly Lazy<Engine> Js = new(() =>
    {
        var engine = JsEnvironment.Create();
        engine.Execute(Harness);
        return engine;
    });

    [Fact]
    public void FullTierMatchesLunrBuilderOnGeneratedJapaneseKoreanEnglishCorpus()
    {
        var documents = SyntheticCorpus.Generate(160, seed: 11);
        AssertSameAsLunr(SearchIndexWriter.Fields, documents.Select((d, i) => (LunrPackedIndexJson.Ref(i), SearchIndexWriter.Tokens(d), 1.0)).ToList());
    }

    [NodeFact]
    public void FullTierMatchesLunrBuilderUnderNode()
    {
        // V8's own Math.log and number printing, with lunr.js exactly as npm installed it.
        var documents = SyntheticCorpus.GenerateRich(400, seed: 21, words: 3000);
        var builder = new LunrIndexBuilder(SearchIndexWriter.Fields);
        var docs = new List<Dictionary<string, object>>();
        for (var i = 0; i < documents.Count; i++)
        {
            var id = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var tokens = SearchIndexWriter.Tokens(documents[i]);
            builder.Add(id, tokens, 1 + (i % 4) / 2.0);
            var doc = new Dictionary<string, object> { ["id"] = id, ["boost"] = 1 + (i % 4) / 2.0 };
            for (var f = 0; f < tokens.Count; f++)
            {
                doc[SearchIndexWriter.Fields[f].Name] = tokens[f];
            }

            docs.Add(doc);
        }

        var script = """
            const lunr = require(process.argv[2]);
            const fs = require('fs');
            const input = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
            const idx = lunr(function () {
              this.ref('id');
              input.fields.forEach(f => this.field(f.name, { boost: f.boost }));
              this.tokenizer = tokens => (tokens || []).map(t => new lunr.Token(t, {}));
              this.pipeline.reset();
              this.searchPipeline.reset();
              input.docs.forEach(d => this.add(d, { boost: d.boost }));
            });
            fs.writeFileSync(process.argv[4], JSON.stringify(idx));
            """;
        var input = System.Text.Json.JsonSerializer.Serialize(new { fields = SearchIndexWriter.Fields.Select(f => new { name = f.Name, boost = f.Boost }), docs });
        var theirs = Node.Run(script, [Path.Combine(RepoPaths.Root, "node_modules", "lunr", "lunr.js")], input);
        AssertSameJson(LunrIndexJson.Serialize(builder.Build()), theirs);
    }

    [Fact]
    public void TwoFieldIndexOfManyShortDocumentsMatchesLunrBuilder()
    {
        var documents = SyntheticCorpus.Generate(300, seed: 12);
        AssertSameAsLunr(SearchIndexWriter.Fields.Take(2).ToList(), documents.Select((d, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), (IReadOnlyList<IReadOnlyList<string>>)SearchIndexWriter.Tokens(d).Take(2).ToList(), 1.0)).ToList());
    }

    [Fact]
    public void DocumentBoostsOddRefsEmptyFieldsAndEscapesMatchLunrBuilder()
    {
        LunrField[] fields = [new("title", 5), new("body"), new("empty", 0)];
        var docs = new List<(string, IReadOnlyList<IReadOnlyList<string>>, double)>
        {
            ("b", [["解約", "約率"], ["x", "x", "y"], []], 2),
            ("10", [["\"quoted\"", "back\\slash", "tab\t", "\u0001", "\u2028", "</script>"], ["x"], []], 1),
            ("2", [[], ["y", "解約", "constructor", "__proto__", "toString"], []], 0.5),
            ("a/b", [["z"], ["x", "y", "z", "z", "z"], []], 0),
            ("01", [["𠮷野"], ["ü", "ü"], []], 1.5),
            ("0", [["解約"], [], []], 1),
        };
        AssertSameAsLunr(fields, docs);
    }

    [Fact]
    public void LunrQueriesOnOurIndexReturnDocumentsWithEveryToken()
    {
        var documents = SyntheticCorpus.Generate(200, seed: 13).Where(d => d.Lang == "ja").ToList();
        var builder = new LunrIndexBuilder(SearchIndexWriter.Fields);
        for (var i = 0; i < documents.Count; i++)
        {
            builder.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), SearchIndexWriter.Tokens(documents[i]));
        }

        var json = LunrIndexJson.Serialize(builder.Build());
        string[] queries = ["解約率", "東京都", "全文検索", "率", "カスタマーサクセス", "ｶｽﾀﾏｰ 顧客", "customer success", "NPS", "存在しない語"];
        var tokenLists = queries.Select(q => SearchTokenizer.Tokenize(q).Distinct().ToArray()).ToArray();
        List<string[]> results;
        lock (Js)
        {
            var engine = Js.Value;
            var jsQueries = engine.Intrinsics.Array.Construct(tokenLists.Select(t => (JsValue)engine.Intrinsics.Array.Construct(t.Select(x => (JsValue)x).ToArray())).ToArray());
            var answer = engine.Invoke("__lunrQuery", json, jsQueries).AsArray();
            results = answer.Select(r => r.AsArray().Select(v => v.AsString()).ToArray()).ToList();
        }

        for (var q = 0; q < queries.Length; q++)
        {
            var expected = Enumerable.Range(0, documents.Count)
                .Where(i => tokenLists[q].All(t => SearchIndexWriter.Tokens(documents[i]).Any(f => f.Contains(t))))
                .Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Order(StringComparer.Ordinal);
            var actual = results[q].Select(r => r.Split(':')[0]).Order(StringComparer.Ordinal);
            Assert.True(expected.SequenceEqual(actual), $"query '{queries[q]}': expected [{string.Join(",", expected)}] got [{string.Join(",", actual)}]");
            var scores = results[q].Select(r => double.Parse(r.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.True(scores.Zip(scores.Skip(1)).All(p => p.First >= p.Second), "lunr sorts by score");
        }

        Assert.NotEmpty(results[0]);
        Assert.Empty(results[^1]);
    }

    private static void AssertSameAsLunr(IReadOnlyList<LunrField> fields, List<(string Ref, IReadOnlyList<IReadOnlyList<string>> Tokens, double Boost)> docs)
    {
        var builder = new LunrIndexBuilder(fields);
        foreach (var (documentRef, tokens, boost) in docs)
        {
            builder.Add(documentRef, tokens, boost);
        }

        var ours = LunrIndexJson.Serialize(builder.Build());
        string theirs;
        lock (Js)
        {
            var engine = Js.Value;
            var jsDocs = new StringBuilder("[");
            foreach (var (documentRef, tokens, boost) in docs)
            {
                jsDocs.Append(jsDocs.Length > 1 ? "," : string.Empty).Append("{\"id\":").Append(System.Text.Json.JsonSerializer.Serialize(documentRef))
                    .Append(",\"boost\":").Append(boost.ToString(System.Globalization.CultureInfo.InvariantCulture));
                for (var f = 0; f < fields.Count; f++)
                {
                    jsDocs.Append(",\"").Append(fields[f].Name).Append("\":").Append(System.Text.Json.JsonSerializer.Serialize(tokens[f]));
                }

                jsDocs.Append('}');
            }

            jsDocs.Append(']');
            var parser = new JsonParser(engine);
            var jsFields = parser.Parse(System.Text.Json.JsonSerializer.Serialize(fields.Select(f => new { name = f.Name, boost = f.Boost })));
            theirs = engine.Invoke("__lunrBuild", parser.Parse(jsDocs.ToString()), jsFields).AsString();
        }

        AssertSameJson(ours, theirs);
    }

    private static void AssertSameJson(string ours, string theirs)
    {
        if (ours != theirs)
        {
            var at = 0;
            while (at < Math.Min(ours.Length, theirs.Length) && ours[at] == theirs[at])
            {
                at++;
            }

            var from = Math.Max(0, at - 80);
            Assert.Fail($"JSON differs at {at}:\nours:   {ours.Substring(from, Math.Min(200, ours.Length - from))}\nlunr's: {theirs.Substring(from, Math.Min(200, theirs.Length - from))}");
        }
    }
}
