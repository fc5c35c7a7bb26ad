using System.Text;
using Hub.Search;

namespace Hub.Search.Tests;

public sealed class SearchIndexWriterTests
{
    private static string GoldenDirectory => Path.Combine(RepoPaths.Root, "tests", "Hub.Search.Tests", "Golden");

    /// <summary>Set HUB_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change.</summary>
    [Fact]
    public void WritesGoldenFiles()
    {
        var files = SearchIndexWriter.Write(SampleDocuments.All, ["ja", "ko", "en", "zh"]);
        Assert.Equal(
            [
                "search/en/index-titles.json", "search/en/docs.json", "search/en/index-full.json", "search/en/text.json",
                "search/ja/index-titles.json", "search/ja/docs.json", "search/ja/index-full.json", "search/ja/text.json",
                "search/ko/index-titles.json", "search/ko/docs.json", "search/ko/index-full.json", "search/ko/text.json",
                "search/zh/index-titles.json", "search/zh/docs.json", "search/zh/index-full.json", "search/zh/text.json",
            ],
            files.Select(f => f.RelativePath));

        var update = Environment.GetEnvironmentVariable("HUB_UPDATE_GOLDEN") == "1";
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
    }

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
        Assert.Equal("{\"version\":\"2.3.9\",\"fields\":[\"title\",\"tags\"],\"terms\":[],\"ids\":[],\"vectors\":[]}", Encoding.UTF8.GetString(files[0].Content));
        Assert.Equal("[]", Encoding.UTF8.GetString(files[1].Content));
    }

    [Theory]
    [InlineData("page", "ja", "/ja/x/")]
    [InlineData("article", "../ja", "/ja/x/")]
    [InlineData("article", "", "/ja/x/")]
    [InlineData("article", "ja", "ja/x/")]
    public void RejectsDocumentsThatCannotBeIndexed(string kind, string lang, string url)
    {
        var document = new SearchDocument(kind, lang, url, "t", "s", "", "", [], []);
        Assert.Throws<ArgumentException>(() => SearchIndexWriter.Write([document]));
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
