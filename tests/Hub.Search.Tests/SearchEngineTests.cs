using System.Text;
using System.Text.Json;
using Hub.Search;
using Hub.Search.Lunr;
using Jint;
using Jint.Native;

namespace Hub.Search.Tests;

/// <summary>
/// theme/assets/js/search-worker.js under Jint with lunr.js: it unpacks our packed indexes into
/// exactly lunr's own JSON, and answers queries as the contract says (words inside longer runs,
/// single characters, case-insensitive Latin, AND, CJK adjacency, question deep links).
/// </summary>
public sealed class SearchEngineTests
{
    private static readonly Lazy<Engine> Js = new(() =>
    {
        var engine = JsEnvironment.Create();
        engine.Execute(File.ReadAllText(RepoPaths.Theme("assets/js/search-worker.js")));
        engine.Execute("""
            var __files = {};
            function __engine(lang) {
              return new HubSearchEngine.Engine({
                indexUrl: '/cs-hub/search/' + lang + '/',
                fetchJson: function (url) { return Promise.resolve(JSON.parse(__files[url])); }
              });
            }
            function __unpacked(json) { return JSON.stringify(HubSearchEngine.unpack(JSON.parse(json))); }
            """);
        foreach (var file in SearchIndexWriter.Write(SampleDocuments.All))
        {
            engine.Invoke("eval", $"__files['/cs-hub/{file.RelativePath}'] = {JsonSerializer.Serialize(Encoding.UTF8.GetString(file.Content))};");
        }

        return engine;
    });

    [Fact]
    public void UnpackRebuildsLunrsOwnJsonFromBothTiersAndATitleIndexFromTheFirst()
    {
        var documents = SyntheticCorpus.Generate(120, seed: 5);
        var builder = new LunrIndexBuilder(SearchIndexWriter.Fields);
        for (var i = 0; i < documents.Count; i++)
        {
            builder.Add(LunrPackedIndexJson.Ref(i), SearchIndexWriter.Tokens(documents[i]), 1 + (i % 3));
        }

        var index = builder.Build();
        var parts = LunrPackedIndexJson.Split(index, [SearchIndexWriter.TitleFieldCount, 3]);
        string whole, titles, single;
        lock (Js)
        {
            whole = Js.Value.Invoke("__unpacked", "[" + parts[0] + "," + parts[1] + "]").AsString();
            titles = Js.Value.Invoke("__unpacked", "[" + parts[0] + "]").AsString();
            single = Js.Value.Invoke("__unpacked", LunrPackedIndexJson.Serialize(index)).AsString();
        }

        Assert.Equal(LunrIndexJson.Serialize(index), whole);
        Assert.Equal(LunrIndexJson.Serialize(index), single);
        Assert.Equal(LunrIndexJson.Serialize(Project(index, SearchIndexWriter.TitleFieldCount)), titles);
    }

    /// <summary>The index restricted to its first fields: same term indexes and scores, only the terms they use.</summary>
    private static LunrIndex Project(LunrIndex index, int fields)
    {
        var vectors = index.FieldVectors.Where((_, i) => i % index.Fields.Count < fields).ToList();
        var postings = index.InvertedIndex
            .Select(p => new LunrPosting(p.Term, p.TermIndex, [.. p.RefsByField.Take(fields)]))
            .Where(p => p.RefsByField.Any(r => r.Count > 0))
            .ToList();
        return new LunrIndex([.. index.Fields.Take(fields)], vectors, postings);
    }

    [Theory]
    [InlineData("ja", "解約率", "/cs-hub/ja/catalogues/csm-hiring/#q-01 /cs-hub/ja/kpis/churn-rate/")]
    [InlineData("ja", "約率", "/cs-hub/ja/catalogues/csm-hiring/#q-01 /cs-hub/ja/kpis/churn-rate/")]
    [InlineData("ja", "合意", "/cs-hub/ja/catalogues/csm-hiring/#q-07")]
    [InlineData("ja", "東京都", "/cs-hub/ja/catalogues/csm-hiring/#q-07")]
    [InlineData("ja", "京都", "/cs-hub/ja/kpis/churn-rate/ /cs-hub/ja/catalogues/csm-hiring/#q-07")]
    [InlineData("ja", "健全度", "/cs-hub/ja/articles/retention/")]
    [InlineData("ja", "ｶｽﾀﾏｰ", "/cs-hub/ja/kpis/churn-rate/")]
    [InlineData("ja", "オンボーディング", "/cs-hub/ja/articles/onboarding-basics/ /cs-hub/ja/articles/retention/ /cs-hub/ja/catalogues/csm-hiring/#q-01")]
    [InlineData("ja", "CHURN", "/cs-hub/ja/catalogues/csm-hiring/#q-01 /cs-hub/ja/kpis/churn-rate/")]
    [InlineData("ja", "継続率 施策", "/cs-hub/ja/articles/retention/")]
    [InlineData("ja", "解約率　チーム", "")]
    [InlineData("ja", "存在しない", "")]
    [InlineData("ko", "해지율", "/cs-hub/ko/catalogues/csm-hiring/#q-01 /cs-hub/ko/articles/retention/")]
    [InlineData("ko", "온보딩", "/cs-hub/ko/articles/retention/")]
    [InlineData("en", "churn", "/cs-hub/en/articles/offboarding/ /cs-hub/en/kpis/nrr/")]
    [InlineData("en", "cafe\u0301", "/cs-hub/en/articles/offboarding/")]
    public void FindsWhatTheContractPromises(string lang, string query, string expectedUrls)
    {
        var response = Search(lang, query, "{}");
        var urls = response.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("url").GetString()!).ToList();
        var expected = expectedUrls.Length == 0 ? [] : expectedUrls.Split(' ');
        Assert.True(expected.Order(StringComparer.Ordinal).SequenceEqual(urls.Order(StringComparer.Ordinal)), $"'{query}': got {string.Join(" ", urls)}");
    }

    [Fact]
    public void TitleMatchesRankAboveBodyMatches()
    {
        var urls = Urls(Search("ja", "オンボーディング", "{}"));
        Assert.Equal("/cs-hub/ja/articles/onboarding-basics/", urls[0]);
    }

    [Fact]
    public void SingleCharacterFindsItInsideLongerRuns()
    {
        var urls = Urls(Search("ja", "率", "{}"));
        Assert.Contains("/cs-hub/ja/kpis/churn-rate/", urls); // 解約率(… : 率 ends a run
        Assert.Contains("/cs-hub/ja/articles/retention/", urls); // 継続率を…
        Assert.Contains("/cs-hub/ja/catalogues/csm-hiring/#q-01", urls);
    }

    [Fact]
    public void TitleTierAnswersFirstAndFullTextWhenItIsNotEnough()
    {
        // Only in the title tier: stays there unless asked; body-only words load the full tier.
        Assert.Equal("titles", Search("ja", "解約率", "{full: 'never'}").GetProperty("tier").GetString());
        Assert.Equal("full", Search("ja", "解約率", "{}").GetProperty("tier").GetString());
        var never = Search("ja", "健全度", "{full: 'never'}");
        Assert.Equal(0, never.GetProperty("total").GetInt32());
    }

    [Fact]
    public void TypingMakesTheLastWordAPrefix()
    {
        Assert.Empty(Urls(Search("en", "offboa", "{}")));
        Assert.Equal(["/cs-hub/en/articles/offboarding/"], Urls(Search("en", "offboa", "{typing: true}")));
        Assert.Empty(Urls(Search("en", "offboa ", "{typing: true}")));
    }

    [Fact]
    public void FiltersByKindAndCountsEveryKind()
    {
        var response = Search("ja", "解約率", "{kinds: ['question']}");
        Assert.Equal(["/cs-hub/ja/catalogues/csm-hiring/#q-01"], Urls(response));
        Assert.Equal(2, response.GetProperty("total").GetInt32());
        Assert.Equal(1, response.GetProperty("counts").GetProperty("kpi").GetInt32());
        Assert.Equal(1, response.GetProperty("counts").GetProperty("question").GetInt32());
        Assert.Equal(0, response.GetProperty("counts").GetProperty("article").GetInt32());
    }

    [Fact]
    public void HighlightsMatchesInTheAuthorsText()
    {
        var result = Search("ja", "オンボーディング", "{}").GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("url").GetString() == "/cs-hub/ja/articles/retention/");
        var snippet = result.GetProperty("snippet");
        var text = snippet.GetProperty("text").GetString()!;
        var ranges = snippet.GetProperty("ranges").EnumerateArray().Select(r => (r[0].GetInt32(), r[1].GetInt32())).ToList();
        Assert.Contains(ranges, r => text[r.Item1..r.Item2] == "ｵﾝﾎﾞｰﾃﾞｨﾝｸﾞ"); // half-width in the text, full-width query
        Assert.Contains("<script>alert(1)</script>", text, StringComparison.Ordinal); // plain data: the UI sets textContent

        var title = Search("en", "OFFBOARDING", "{}").GetProperty("results")[0].GetProperty("title");
        var t = title.GetProperty("text").GetString()!;
        var range = title.GetProperty("ranges")[0];
        Assert.Equal("Offboarding", t[range[0].GetInt32()..range[1].GetInt32()]);
    }

    private static List<string> Urls(JsonElement response) =>
        [.. response.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("url").GetString()!)];

    private static JsonElement Search(string lang, string query, string options)
    {
        lock (Js)
        {
            var engine = Js.Value;
            var promise = engine.Evaluate($"__engine('{lang}').search({JsonSerializer.Serialize(query)}, {options}).then(function (r) {{ return JSON.stringify(r); }})");
            var json = promise.UnwrapIfPromise().AsString();
            return JsonDocument.Parse(json).RootElement.Clone();
        }
    }
}
