using System.Text;
using Hub.Search;

namespace Hub.Search.Tests;

public sealed class SearchIndexWriterTests
{
    private static string GoldenDirectory => Path.Combine(RepoPaths.Root, "tests", "Hub.Search.Tests", "Golden");

    /// <summary>Set HUB_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change (stale ones are deleted).</summary>
    [Fact]
    public void WritesGoldenFiles()
    {
        var files = SearchIndexWriter.Write(SampleDocuments.All, ["ja", "ko", "en", "zh"]);
        Assert.Equal(
            [
                "search/en/index-titles.json", "search/en/docs.json", "search/en/index-full-0.json", "search/en/text-0.json",
                "search/ja/index-titles.json", "search/ja/docs.json", "search/ja/index-full-0.json", "search/ja/text-0.json",
                "search/ko/index-titles.json", "search/ko/docs.json", "search/ko/index-full-0.json", "search/ko/text-0.json",
                "search/zh/index-titles.json", "search/zh/docs.json", "search/zh/index-full-0.json",
            ],
            files.Select(f => f.RelativePath));

        var update = Environment.GetEnvironmentVariable("HUB_UPDATE_GOLDEN") == "1";
        var root = Path.Combine(GoldenDirectory, "search");
        if (update && Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        foreach (var file in files)
        {
            var path = Path.Combine(GoldenDirectory, file.RelativePath);
            if (update)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, file.Content);
            }

            Assert.True(File.Exists(path), $"missing golden file {path} (run with HUB_UPDATE_GOLDEN=1)");
            Assert.True(File.ReadAllBytes(path).AsSpan().SequenceEqual(file.Content), $"{file.RelativePath} differs from its golden file:\n{Encoding.UTF8.GetString(file.Content)}");
        }

        var stale = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(GoldenDirectory, f).Replace('\\', '/'))
            .Except(files.Select(f => f.RelativePath));
        Assert.Empty(stale);
    }

    [Fact]
    public void ShardsByFirstCharacterAndChunksTextWhenTheLanguageIsLarge()
    {
        var documents = SyntheticCorpus.GenerateRich(600, seed: 3, words: 4000).Where(d => d.Lang == "ja").ToList();
        var files = SearchIndexWriter.Write(documents);
        var titles = Encoding.UTF8.GetString(files.Single(f => f.RelativePath == "search/ja/index-titles.json").Content);
        using var manifest = System.Text.Json.JsonDocument.Parse(titles);
        var shards = manifest.RootElement.GetProperty("shards").GetInt32();
        var chunks = manifest.RootElement.GetProperty("chunks").EnumerateArray().Select(c => c.GetInt32()).ToList();
        Assert.True(shards > 1 && (shards & (shards - 1)) == 0, $"shards: {shards}");
        Assert.Equal(documents.Count, chunks.Sum());
        Assert.Equal(shards, files.Count(f => f.RelativePath.StartsWith("search/ja/index-full-", StringComparison.Ordinal)));
        Assert.Equal(chunks.Count, files.Count(f => f.RelativePath.StartsWith("search/ja/text-", StringComparison.Ordinal)));
        foreach (var file in files.Where(f => f.RelativePath.StartsWith("search/ja/index-full-", StringComparison.Ordinal)))
        {
            using var shard = System.Text.Json.JsonDocument.Parse(file.Content);
            var k = shard.RootElement.GetProperty("shard").GetInt32();
            Assert.Equal($"search/ja/index-full-{k}.json", file.RelativePath);
            Assert.All(shard.RootElement.GetProperty("terms").EnumerateArray().Where(t => t.ValueKind == System.Text.Json.JsonValueKind.String),
                t => Assert.Equal(k, Lunr.LunrShardedIndexJson.ShardOf(t.GetString()!, shards)));
        }

        // Terms are shared out by first character, so shards differ (a particle starts many bigrams),
        // but a typical one is near the size aimed at and none holds much of the tier.
        var shardSizes = files.Where(f => f.RelativePath.StartsWith("search/ja/index-full-", StringComparison.Ordinal)).Select(f => f.Content.Length).Order().ToList();
        Assert.True(shardSizes[shardSizes.Count / 2] < 2 * SearchIndexWriter.ShardBytes, string.Join(",", shardSizes));
        Assert.True(shardSizes[^1] < shardSizes.Sum() / 4, string.Join(",", shardSizes));

        // A chunk closes past ChunkBytes: several short documents share one, a long one is alone.
        Assert.Contains(chunks, c => c > 1);
        foreach (var file in files.Where(f => f.RelativePath.StartsWith("search/ja/text-", StringComparison.Ordinal)))
        {
            using var texts = System.Text.Json.JsonDocument.Parse(file.Content);
            var sizes = texts.RootElement.EnumerateArray()
                .Select(t => Encoding.UTF8.GetByteCount((t.ValueKind == System.Text.Json.JsonValueKind.Array ? t[0] : t).GetString()!) + 3).ToList();
            Assert.True(sizes.Count == 1 || sizes.Sum() <= SearchStoreJson.ChunkBytes + sizes[^1], $"{file.RelativePath}: {string.Join(",", sizes)}");
        }
    }

    [Theory]
    [InlineData(0, SearchStoreJson.ChunkBytes)]
    [InlineData(SearchStoreJson.ChunkBytes * SearchStoreJson.MaxChunks, SearchStoreJson.ChunkBytes)]
    [InlineData(SearchStoreJson.ChunkBytes * SearchStoreJson.MaxChunks + 1, SearchStoreJson.ChunkBytes + 1)]
    [InlineData(24_000_000, 23_438)]
    public void ChunksGrowPastAboutFourMegabytesOfText(long totalBytes, int expected) =>
        Assert.Equal(expected, SearchStoreJson.ChunkBytesFor(totalBytes));

    [Fact]
    public void ALargeLanguageKeepsItsTextChunkCountBounded()
    {
        // 6,000 articles of ~2.4 KB of text would make ~3,500 chunks of 4 KB; past 4 MB chunks grow instead.
        var words = new[] { "解約率", "オンボーディング", "顧客", "契約更新", "ヘルススコア", "四半期", "の", "を" };
        var documents = Enumerable.Range(0, 6000).Select(i =>
        {
            var body = string.Concat(Enumerable.Range(0, 160).Select(j => words[(i * 7 + j * 3) % words.Length]));
            return new SearchDocument("article", "ja", $"/ja/articles/a{i:D5}/", $"記事 {i}", "記事", string.Empty, body, [], []);
        }).ToList();
        var chunks = SearchStoreJson.Chunks(documents);
        var total = chunks.Sum(c => c.Texts.Sum(t => Encoding.UTF8.GetByteCount(t.Text) + 3));
        Assert.True(total > SearchStoreJson.ChunkBytes * SearchStoreJson.MaxChunks, total.ToString());
        Assert.InRange(chunks.Count, SearchStoreJson.MaxChunks / 2, 2 * SearchStoreJson.MaxChunks + 1);
        Assert.Equal(documents.Count, chunks.Sum(c => c.Count));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(SearchIndexWriter.ShardBytes, 1)]
    [InlineData(SearchIndexWriter.ShardBytes + 1, 2)]
    [InlineData(1_000_000, 128)]
    [InlineData(long.MaxValue, SearchIndexWriter.MaxShards)]
    public void ShardCountIsAPowerOfTwoKeepingShardsSmall(long bytes, int expected) =>
        Assert.Equal(expected, SearchIndexWriter.ShardCount(bytes));

    [Fact]
    public void OutputDependsOnDocumentsNotOnTheirOrder()
    {
        var forward = SearchIndexWriter.Write(SampleDocuments.All);
        var backward = SearchIndexWriter.Write(SampleDocuments.All.Reverse());
        var shuffled = SearchIndexWriter.Write(SampleDocuments.All.OrderBy(d => d.Title.GetHashCode(StringComparison.Ordinal)));
        foreach (var other in new[] { backward, shuffled })
        {
            Assert.Equal(forward.Select(f => f.RelativePath), other.Select(f => f.RelativePath));
            Assert.All(forward.Zip(other), p => Assert.Equal(p.First.Content, p.Second.Content));
        }
    }

    [Fact]
    public void EmptyLanguageGetsLoadableEmptyIndexes()
    {
        var files = SearchIndexWriter.Write([], ["ja"]);
        Assert.Equal("{\"version\":\"2.3.9\",\"fields\":[\"title\",\"tags\"],\"terms\":[],\"ids\":[],\"vectors\":[],\"shards\":1,\"chunks\":[]}", Encoding.UTF8.GetString(files[0].Content));
        Assert.Equal("[]", Encoding.UTF8.GetString(files[1].Content));
        Assert.Equal("{\"version\":\"2.3.9\",\"fields\":[\"summary\",\"headings\",\"body\"],\"shard\":0,\"terms\":[],\"ids\":[],\"postings\":[]}", Encoding.UTF8.GetString(files[2].Content));
        Assert.Equal(3, files.Count);
    }

    [Theory]
    [InlineData("page", "ja", "/ja/x/")]
    [InlineData("article", "../ja", "/ja/x/")]
    [InlineData("article", "", "/ja/x/")]
    [InlineData("article", "ja", "ja/x/")]
    public void RejectsDocumentsThatCannotBeIndexed(string kind, string lang, string url)
    {
        var document = new SearchDocument(kind, lang, url, "t", "s", "", "", [], []);
        Assert.Throws<ArgumentException>(() => SearchIndexWriter.Write([document], [], ["article", "question", "kpi"]));
    }

    [Fact]
    public void TakesTheDocumentKindsFromTheCaller()
    {
        // The site's content kinds decide the document kinds: a kind one site writes is unknown to another.
        var term = new SearchDocument("term", "en", "/en/glossary/nrr/", "NRR", "Glossary", "", "", [], []);
        var files = SearchIndexWriter.Write([term], [], ["article", "term"]);
        Assert.Contains("\"term\"", Encoding.UTF8.GetString(files.Single(f => f.RelativePath == "search/en/docs.json").Content), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => SearchIndexWriter.Write([term], [], ["article", "question", "kpi"]));
    }

    [Fact]
    public void QuestionTextsAndTitlesOutrankBodies()
    {
        // Same term once in a title, once in a long body: the title's score is far higher.
        var documents = new[]
        {
            new SearchDocument("article", "ja", "/a/", "一般的な話", "記事", "", string.Concat(Enumerable.Repeat("顧客の話。", 20)) + "解約率", [], []),
            new SearchDocument("question", "ja", "/b/#q-1", "解約率をどう下げますか", "質問集", "", "", [], []),
        };
        var index = SearchIndexWriter.BuildIndex(documents);
        var term = index.InvertedIndex.Single(p => p.Term == "解約").TermIndex;
        double Score(string fieldRef) => index.FieldVectors.Single(v => v.FieldRef == fieldRef).Elements.Single(e => e.TermIndex == term).Score;
        Assert.True(Score("title/d1") > 5 * Score("body/d0"));
    }
}
