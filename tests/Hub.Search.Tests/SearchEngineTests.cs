using System.Text;
using System.Text.Json;
using Hub.Search;
using Hub.Search.Lunr;
using Jint;
using Jint.Native;

namespace Hub.Search.Tests;

/// <summary>
/// theme/assets/js/search-engine.js as an ES module under Jint with lunr (lunr.module.js, as the site serves it): it unpacks our packed indexes (first tier
/// and shards) into exactly lunr's own JSON, scores with only a query's shards exactly as with the whole
/// index, fetches only what a query needs, and answers queries as the contract says (words inside
/// longer runs, single characters, case-insensitive Latin, AND, CJK adjacency, question deep links).
/// </summary>
public sealed class SearchEngineTests
{
    /// <summary>~300 Japanese pages (several shards, many text chunks) plus pages that hold 東京 and 京都 apart or 東京都 together.</summary>
    private static readonly List<SearchDocument> BigSite = BuildBigSite();

    private static readonly Lazy<Engine> Js = new(() =>
    {
        var engine = JsEnvironment.Create();
        engine.Execute("""
            var __files = {};
            var __fetched = [];
            function __engine(lang, site) {
              return new HubSearchEngine.Engine({
                indexUrl: '/' + (site || 'cs-hub') + '/search/' + lang + '/',
                fetchJson: function (url) {
                  __fetched.push(url.slice(url.lastIndexOf('/') + 1));
                  if (!(url in __files)) return Promise.reject(new Error('404 ' + url));
                  return Promise.resolve(JSON.parse(__files[url]));
                }
              });
            }
            function __unpacked(json) { return JSON.stringify(HubSearchEngine.unpack(JSON.parse(json))); }
            """);
        AddSite(engine, "cs-hub", SearchIndexWriter.Write(SampleDocuments.All));
        AddSite(engine, "big", SearchIndexWriter.Write(BigSite));
        return engine;
    });

    private static List<SearchDocument> BuildBigSite()
    {
        var documents = SyntheticCorpus.GenerateRich(420, seed: 9, words: 3000)
            .Where(d => d.Lang == "ja" && !string.Join("\n", [d.Title, d.Summary, d.Body, .. d.Headings, .. d.Tags]).Contains("東京都", StringComparison.Ordinal))
            .ToList();
        var filler = string.Concat(Enumerable.Repeat("顧客の声を聞いて改善を続ける。", 60));
        for (var i = 0; i < 40; i++)
        {
            var together = i % 4 == 0; // 10 pages with 東京都, 30 with 京都…東京
            var body = filler + (together ? "東京都の顧客。" : "京都の顧客と東京の顧客。") + filler;
            documents.Add(new SearchDocument("article", "ja", $"/big/ja/articles/place-{i:00}/", $"地域の話 {i}", "記事", "", body, [], []));
        }

        return documents;
    }

    private static void AddSite(Engine engine, string site, IEnumerable<SearchFile> files)
    {
        foreach (var file in files)
        {
            engine.Invoke("eval", $"__files['/{site}/{file.RelativePath}'] = {JsonSerializer.Serialize(Encoding.UTF8.GetString(file.Content))};");
        }
    }

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
        var expected = LunrIndexJson.Serialize(index);
        string whole, titles, single;
        lock (Js)
        {
            whole = Js.Value.Invoke("__unpacked", "[" + parts[0] + "," + parts[1] + "]").AsString();
            titles = Js.Value.Invoke("__unpacked", "[" + parts[0] + "]").AsString();
            single = Js.Value.Invoke("__unpacked", LunrPackedIndexJson.Serialize(index)).AsString();
        }

        Assert.Equal(expected, whole);
        Assert.Equal(expected, single);
        Assert.Equal(LunrIndexJson.Serialize(Project(index, SearchIndexWriter.TitleFieldCount)), titles);

        foreach (var shardCount in new[] { 1, 4, 32 })
        {
            var (first, shards) = LunrShardedIndexJson.Write(index, SearchIndexWriter.TitleFieldCount, shardCount, json => json.Append(",\"shards\":").Append(shardCount));
            string sharded, reversed, firstOnly;
            lock (Js)
            {
                sharded = Js.Value.Invoke("__unpacked", "[" + first + "," + string.Join(",", shards) + "]").AsString();
                reversed = Js.Value.Invoke("__unpacked", "[" + first + "," + string.Join(",", shards.Reverse()) + "]").AsString();
                firstOnly = Js.Value.Invoke("__unpacked", "[" + first + "]").AsString();
            }

            Assert.Equal(expected, sharded);
            Assert.Equal(expected, reversed);
            Assert.Equal(LunrIndexJson.Serialize(Project(index, SearchIndexWriter.TitleFieldCount)), firstOnly);
        }
    }

    /// <summary>
    /// Under Node.js (V8, the browser's engine), where loading the indexes this compares is quick; Jint took most of
    /// this project's run for it. Skipped, visibly, on a machine without Node.
    /// </summary>
    [NodeFact]
    public void ScoresFromTheQuerysShardsEqualScoresFromTheWholeIndex()
    {
        var documents = SyntheticCorpus.GenerateRich(200, seed: 17, words: 3000).Where(d => d.Lang == "ja").ToList();
        var index = SearchIndexWriter.BuildIndex(documents);
        const int shardCount = 16;
        var (first, shards) = LunrShardedIndexJson.Write(index, SearchIndexWriter.TitleFieldCount, shardCount);
        var queries = new List<(string Text, bool Typing)>
        {
            ("解約率", false), ("東京都", false), ("顧客 満足度", false), ("率", false), ("顧", false), ("ｶｽﾀﾏｰ", false),
            ("customer success", false), ("custom", true), ("re", true), ("オンボーディング 改善", true), ("存在しない語", false),
        };
        // Words of the generated vocabulary, as typed: 2 and 3 characters, and single characters (the titles of a
        // sample of the pages: each adds one query of every length).
        foreach (var d in documents.Take(8))
        {
            var run = d.Title.Where(c => c >= 0x3000).Take(3).ToArray();
            if (run.Length == 3)
            {
                queries.Add((new string(run), false));
                queries.Add((new string(run[..2]), false));
                queries.Add((run[2].ToString(), false));
            }
        }

        // ref:score of each query on an index of the first part plus only the shards its clauses need, against the
        // same on the index of every part. Queries that need the same shards share one loaded index.
        const string script = """
            const fs = require('fs');
            const { pathToFileURL } = require('url');
            const dir = process.argv[2];
            const load = name => import(pathToFileURL(require('path').join(dir, name)).href);
            Promise.all([load('search-engine.js'), load('lunr.module.js')]).then(([E, lunrModule]) => {
              const lunr = lunrModule.default;
              const input = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
              const first = input.first, shards = input.shards, n = shards.length;
              const whole = lunr.Index.load(E.unpack([first].concat(shards)));
              const loaded = {};
              const show = hits => hits.map(h => h.ref + ':' + h.score).join(' ');
              const results = input.queries.map(q => {
                const clauses = E.parseQuery(q.text, q.typing).clauses;
                const needed = {};
                clauses.forEach(c => {
                  const own = E.shardOf(c.term, n);
                  needed[own] = true;
                  if (c.wildcard === 'both') {
                    ((shards[own].ends || {})[c.term] || []).forEach(k => { needed[k] = true; });
                  }
                });
                const keys = Object.keys(needed).sort((a, b) => a - b);
                const parts = [first].concat(keys.map(k => shards[k]));
                const partial = loaded[keys.join(',')] || (loaded[keys.join(',')] = lunr.Index.load(E.unpack(parts)));
                return { query: q.text, shards: parts.length - 1, partial: show(E.queryIndex(partial, clauses)), whole: show(E.queryIndex(whole, clauses)) };
              });
              fs.writeFileSync(process.argv[4], JSON.stringify(results));
            }).catch(e => { console.error(e); process.exit(1); });
            """;
        var input = $"{{\"first\":{first},\"shards\":[{string.Join(",", shards)}],\"queries\":{JsonSerializer.Serialize(queries.Select(q => new { text = q.Text, typing = q.Typing }))}}}";
        var results = JsonDocument.Parse(Node.Run(script, [JsEnvironment.Modules], input)).RootElement.Clone();

        var nonEmpty = 0;
        foreach (var r in results.EnumerateArray())
        {
            Assert.True(r.GetProperty("whole").GetString() == r.GetProperty("partial").GetString(),
                $"'{r.GetProperty("query").GetString()}' with {r.GetProperty("shards").GetInt32()} shards:\n{r.GetProperty("partial").GetString()}\nwhole index:\n{r.GetProperty("whole").GetString()}");
            nonEmpty += r.GetProperty("whole").GetString()!.Length > 0 ? 1 : 0;
        }

        Assert.True(nonEmpty > queries.Count / 2, $"only {nonEmpty} queries found anything");
        Assert.Contains(results.EnumerateArray(), r => r.GetProperty("shards").GetInt32() < shardCount / 4 && r.GetProperty("whole").GetString()!.Length > 0);
    }

    [Fact]
    public void FirstFullTextSearchFetchesOnlyTheQuerysShardsAndTheShownResultsText()
    {
        var (response, fetched) = SearchFetching("ja", "big", "東京", "{full: 'always', limit: 5}");
        var shardCount = ShardCount("big", "ja");
        Assert.True(shardCount > 1, "the big site has several shards");
        Assert.Equal(["index-titles.json", "docs.json", $"index-full-{LunrShardedIndexJson.ShardOf("東京", shardCount)}.json"],
            fetched.Where(f => !f.StartsWith("text-", StringComparison.Ordinal)));
        var chunks = fetched.Where(f => f.StartsWith("text-", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, response.GetProperty("results").GetArrayLength());
        Assert.InRange(chunks.Count, 1, 5); // the shown results' chunks, nothing else (no phrase to confirm)
        Assert.Equal(chunks.Count, chunks.Distinct().Count());
        Assert.False(response.GetProperty("approximate").GetBoolean());
        Assert.All(response.GetProperty("results").EnumerateArray(), r => Assert.Equal(JsonValueKind.Object, r.GetProperty("snippet").ValueKind));
    }

    [Fact]
    public void AdjacencyIsConfirmedInScoreOrderAndUncheckedCandidatesAreCountedNeverShown()
    {
        var together = BigSite.Where(d => d.Body.Contains("東京都", StringComparison.Ordinal)).Select(d => d.Url).ToHashSet();
        Assert.Equal(10, together.Count);

        // A small limit: confirms (and fetches text) for a bounded number of candidates, shows only
        // confirmed matches, and counts the unchecked candidates too: an estimate from above.
        var (few, fetchedFew) = SearchFetching("ja", "big", "東京都", "{full: 'always', limit: 5}");
        var shown = Urls(few);
        Assert.InRange(shown.Count, 1, 5);
        Assert.All(shown, u => Assert.Contains(u, together)); // never 京都…東京
        Assert.True(few.GetProperty("approximate").GetBoolean());
        Assert.False(few.GetProperty("partial").GetBoolean());
        var candidates = BigSite.Count(d => d.Body.Contains("東京", StringComparison.Ordinal) && d.Body.Contains("京都", StringComparison.Ordinal));
        Assert.True(candidates > together.Count, "some candidates hold 東京 and 京都 apart");
        Assert.InRange(few.GetProperty("total").GetInt32(), together.Count, candidates - 1); // some were ruled out
        var chunksFew = fetchedFew.Count(f => f.StartsWith("text-", StringComparison.Ordinal));

        var (all, fetchedAll) = SearchFetching("ja", "big", "東京都", "{full: 'always', limit: 50}");
        Assert.False(all.GetProperty("approximate").GetBoolean());
        Assert.Equal(10, all.GetProperty("total").GetInt32());
        Assert.Equal(together.Order(StringComparer.Ordinal), Urls(all).Order(StringComparer.Ordinal));
        Assert.True(chunksFew < fetchedAll.Count(f => f.StartsWith("text-", StringComparison.Ordinal)), "a small limit loads fewer text chunks");

        // The same order as the whole answer: the first ones confirmed are its first ones.
        Assert.Equal(Urls(all).Take(shown.Count), shown);

        // A kind filter keeps counting every kind it confirmed on the way.
        var (questions, _) = SearchFetching("ja", "big", "東京都", "{full: 'always', limit: 50, kinds: ['question']}");
        Assert.Empty(Urls(questions));
        Assert.False(questions.GetProperty("approximate").GetBoolean());
        Assert.Equal(10, questions.GetProperty("counts").GetProperty("article").GetInt32());
    }

    [Fact]
    public void OneCharacterQueriesFindCharactersEndingARunThroughTheShardsThatListThem()
    {
        // 都 ends the run 東京都 (bigram 京都, in the shard of 京): "ends" must lead there.
        var (response, fetched) = SearchFetching("ja", "big", "都", "{full: 'always', limit: 1000}");
        var shardCount = ShardCount("big", "ja");
        Assert.Contains($"index-full-{LunrShardedIndexJson.ShardOf("京", shardCount)}.json", fetched);
        var urls = Urls(response);
        Assert.Contains("/big/ja/articles/place-00/", urls);
        Assert.Contains("/big/ja/articles/place-01/", urls); // 京都の…

        // A common character ends bigrams in most shards: a small limit loads a few of them and
        // says the answer is partial (a lower bound); a larger one loads them all and is exact.
        var (few, fetchedFew) = SearchFetching("ja", "big", "の", "{full: 'always', limit: 10}");
        Assert.True(few.GetProperty("partial").GetBoolean());
        Assert.Equal(2, fetchedFew.Count(f => f.StartsWith("index-full-", StringComparison.Ordinal)));
        Assert.Equal(10, few.GetProperty("results").GetArrayLength());
        var (many, fetchedMany) = SearchFetching("ja", "big", "の", "{full: 'always', limit: 10000}");
        Assert.False(many.GetProperty("approximate").GetBoolean());
        Assert.False(many.GetProperty("partial").GetBoolean());
        Assert.True(fetchedMany.Count(f => f.StartsWith("index-full-", StringComparison.Ordinal)) > 2);
        Assert.True(few.GetProperty("total").GetInt32() <= many.GetProperty("total").GetInt32());
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
    [InlineData("ja", "おんぼーでぃんぐ", "/cs-hub/ja/articles/onboarding-basics/ /cs-hub/ja/articles/retention/ /cs-hub/ja/catalogues/csm-hiring/#q-01")]
    [InlineData("ja", "かすたまー", "/cs-hub/ja/kpis/churn-rate/")]
    [InlineData("en", "churned", "/cs-hub/en/articles/offboarding/ /cs-hub/en/kpis/nrr/")]
    [InlineData("en", "Churning", "/cs-hub/en/articles/offboarding/ /cs-hub/en/kpis/nrr/")]
    [InlineData("en", "interview", "/cs-hub/en/articles/offboarding/")]
    [InlineData("en", "chrn", "")]
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

    [Fact]
    public void HiraganaQueryHighlightsTheKatakanaWord()
    {
        var result = Search("ja", "おんぼーでぃんぐ", "{}").GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("url").GetString() == "/cs-hub/ja/articles/onboarding-basics/");
        var title = result.GetProperty("title");
        var text = title.GetProperty("text").GetString()!;
        var marked = title.GetProperty("ranges").EnumerateArray().Select(r => text[r[0].GetInt32()..r[1].GetInt32()]).ToList();
        Assert.Equal(["オンボーディング"], marked);
    }

    [Fact]
    public void StemmedQueryHighlightsTheWordsOfTheText()
    {
        var result = Search("en", "churned", "{}").GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("url").GetString() == "/cs-hub/en/articles/offboarding/");
        var snippet = result.GetProperty("snippet");
        var text = snippet.GetProperty("text").GetString()!;
        var marked = snippet.GetProperty("ranges").EnumerateArray().Select(r => text[r[0].GetInt32()..r[1].GetInt32()]).ToList();
        Assert.Contains("Churn", marked);
    }

    [Fact]
    public void TypoOfALongWordFindsTheWordOneEditAwayAndSaysSo()
    {
        var exact = Search("en", "churn", "{}");
        Assert.False(exact.TryGetProperty("corrected", out _));

        var typo = Search("en", "chrun", "{}"); // a transposition is one edit
        Assert.Equal(Urls(exact).Order(StringComparer.Ordinal), Urls(typo).Order(StringComparer.Ordinal));
        Assert.Equal(["churn"], typo.GetProperty("corrected").EnumerateArray().Select(e => e.GetString()!));
        var snippet = typo.GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("url").GetString() == "/cs-hub/en/kpis/nrr/").GetProperty("snippet");
        var text = snippet.GetProperty("text").GetString()!;
        Assert.Contains(snippet.GetProperty("ranges").EnumerateArray(), r => text[r[0].GetInt32()..r[1].GetInt32()] == "churn");

        var retention = Search("en", "retension", "{}");
        Assert.Equal(["/cs-hub/en/kpis/nrr/"], Urls(retention));
        Assert.Equal(["retention"], retention.GetProperty("corrected").EnumerateArray().Select(e => e.GetString()!)); // the word, not its stem "retent"
        // Four letters are too few to guess from, and a word of 5+ letters two edits away finds nothing.
        Assert.Empty(Urls(Search("en", "chrn", "{}")));
        Assert.Empty(Urls(Search("en", "chhrun", "{}")));
    }

    [Fact]
    public void TypoInAWordsFirstLetterFindsTheWordInAnotherShard()
    {
        // An English site big enough for several full-text shards: "retention" (stem "retent") only in one body.
        var words = Enumerable.Range(0, 3000).Select(i => Word(i)).ToList();
        var documents = Enumerable.Range(0, 60).Select(d => new SearchDocument("article", "en", $"/typos/en/articles/p{d:00}/",
            $"Page {Word(d + 7)}", "Articles", string.Empty,
            string.Join(' ', words.Skip(d * 50).Take(50)) + (d == 17 ? " Good retention starts at onboarding." : string.Empty), [], [])).ToList();
        lock (Js)
        {
            AddSite(Js.Value, "typos", SearchIndexWriter.Write(documents));
        }

        var shards = ShardCount("typos", "en");
        Assert.True(shards > 1, $"{shards} shard(s): the site must be sharded for this test");
        var own = ShardOf("retent", shards);
        // A first letter whose shard is not that of "retent": the exact query never loads the right shard.
        var letter = "abcdefghijklmnopqstuvwxyz".First(c => ShardOf(c + "etent", shards) != own);
        var typo = letter + "etention";
        Assert.Equal(["/typos/en/articles/p17/"], Urls(SearchFetching("en", "typos", "retention", "{}").Response));

        foreach (var query in new[] { typo, "etention", "ertention" }) // substituted, deleted, swapped first letter
        {
            var (response, fetched) = SearchFetching("en", "typos", query, "{}");
            Assert.Equal(["/typos/en/articles/p17/"], Urls(response));
            Assert.Equal(["retention"], response.GetProperty("corrected").EnumerateArray().Select(e => e.GetString()!));
            Assert.Contains($"index-full-{own}.json", fetched);
        }

        static string Word(int i)
        {
            // Distinct lowercase words spread over every first letter (so over every shard): "bq", "cqa", …
            var text = new StringBuilder().Append((char)('a' + (i % 26)));
            for (var n = i / 26 + 26; n > 0; n /= 26)
            {
                text.Append((char)('a' + (n % 26)));
            }

            return text.Append("ly").ToString();
        }
    }

    [Fact]
    public void AMatchUnderAHeadingIsASubResultLinkingToIt()
    {
        var article = new SearchDocument("article", "ja", "/sections/ja/articles/reading/", "解約の見方", "記事", string.Empty,
            "期首の MRR から縮小した分。\n指標\n意味\n読み方\n解約率は月次で見る\n縮小額は別に見る\n注意点\n季節性に月次の波がある。\n", ["読み方", "注意点"], [])
        {
            Sections = [new("yomikata", "読み方"), new("chuiten", "注意点")],
        };
        lock (Js)
        {
            AddSite(Js.Value, "sections", SearchIndexWriter.Write([article]));
        }

        var result = SearchFetching("ja", "sections", "月次", "{full: 'always'}").Response.GetProperty("results")[0];
        Assert.Equal("/sections/ja/articles/reading/", result.GetProperty("url").GetString());
        // No match before the first heading: the page's own snippet gives way to its sections.
        Assert.Equal(JsonValueKind.Null, result.GetProperty("snippet").ValueKind);
        var subs = result.GetProperty("subResults").EnumerateArray().ToList();
        Assert.Equal(["/sections/ja/articles/reading/#yomikata", "/sections/ja/articles/reading/#chuiten"], subs.Select(r => r.GetProperty("url").GetString()));
        Assert.Equal(["読み方", "注意点"], subs.Select(r => r.GetProperty("title").GetProperty("text").GetString()));
        var snippet = subs[0].GetProperty("snippet");
        var text = snippet.GetProperty("text").GetString()!;
        Assert.Equal("解約率は月次で見る · 縮小額は別に見る", text);
        var range = snippet.GetProperty("ranges")[0];
        Assert.Equal("月次", text[range[0].GetInt32()..range[1].GetInt32()]);

        // A match before the first heading stays the page's snippet; lines read apart.
        var top = SearchFetching("ja", "sections", "縮小", "{full: 'always'}").Response.GetProperty("results")[0];
        Assert.Equal("期首の MRR から縮小した分。 · 指標 · 意味", top.GetProperty("snippet").GetProperty("text").GetString());
        Assert.Equal(["/sections/ja/articles/reading/#yomikata"], top.GetProperty("subResults").EnumerateArray().Select(r => r.GetProperty("url").GetString()));
    }

    private static List<string> Urls(JsonElement response) =>
        [.. response.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("url").GetString()!)];

    private static int ShardCount(string site, string lang)
    {
        lock (Js)
        {
            return (int)Js.Value.Evaluate($"JSON.parse(__files['/{site}/search/{lang}/index-titles.json']).shards").AsNumber();
        }
    }

    private static int ShardOf(string term, int shards)
    {
        lock (Js)
        {
            return (int)Js.Value.Invoke(Js.Value.Evaluate("HubSearchEngine.shardOf"), term, shards).AsNumber();
        }
    }

    /// <summary>A search on a fresh engine (nothing cached) and the files it fetched, in order.</summary>
    private static (JsonElement Response, List<string> Fetched) SearchFetching(string lang, string site, string query, string options)
    {
        lock (Js)
        {
            var engine = Js.Value;
            engine.Execute("__fetched = [];");
            var promise = engine.Evaluate($"__engine('{lang}', '{site}').search({JsonSerializer.Serialize(query)}, {options}).then(function (r) {{ return JSON.stringify(r); }})");
            var json = promise.UnwrapIfPromise().AsString();
            var fetched = engine.Evaluate("JSON.stringify(__fetched)").AsString();
            return (JsonDocument.Parse(json).RootElement.Clone(), JsonSerializer.Deserialize<List<string>>(fetched)!);
        }
    }

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
