using System.Text.Json;

namespace Hub.Search.Tests;

/// <summary>Sections (a body's headings) travel in the text chunks, never in the first tier.</summary>
public sealed class SearchSectionsTests
{
    private static SearchDocument Article(IReadOnlyList<SearchSection> sections) =>
        new("article", "ja", "/ja/articles/churn/", "解約率の基本", "記事", "解約率とは何か",
            "はじめに\n概要の本文。\n読み方\n解約率は期首の顧客数で割る。\n計算例\n十社のうち一社。\n", ["読み方", "計算例"], [])
        {
            Sections = sections,
        };

    private static JsonElement StoredText(IReadOnlyList<SearchFile> files, out JsonDocument owner)
    {
        owner = JsonDocument.Parse(files.Single(f => f.RelativePath == "search/ja/text-0.json").Content);
        return owner.RootElement[0];
    }

    [Fact]
    public void EachSectionIsStoredWithTheOffsetOfItsHeadingLine()
    {
        var files = SearchIndexWriter.Write([Article([new("yomikata", "読み方"), new("keisanrei", "計算例"), new("missing", "ない見出し")])]);
        var entry = StoredText(files, out var owner);
        using (owner)
        {
            Assert.Equal(JsonValueKind.Array, entry.ValueKind);
            var text = entry[0].GetString()!;
            Assert.Equal(5, entry.GetArrayLength()); // text, then two (start, id) pairs: a heading not in the text is left out
            Assert.Equal("yomikata", entry[2].GetString());
            Assert.Equal("読み方", text.Substring(entry[1].GetInt32(), "読み方".Length));
            Assert.Equal('\n', text[entry[1].GetInt32() - 1]);
            Assert.Equal("keisanrei", entry[4].GetString());
            Assert.Equal("計算例", text.Substring(entry[3].GetInt32(), "計算例".Length));
        }
    }

    [Fact]
    public void AHeadingWordInsideALineIsNotItsSection()
    {
        var starts = SearchStoreJson.SectionStarts("読み方の例\n本文\n読み方\n", [new("a", "読み方")]);
        Assert.Equal([(9, "a")], starts);
    }

    [Fact]
    public void SectionsLeaveTheFirstTierUnchanged()
    {
        var with = SearchIndexWriter.Write([Article([new("yomikata", "読み方")])]);
        var without = SearchIndexWriter.Write([Article([])]);
        foreach (var name in new[] { "search/ja/index-titles.json", "search/ja/docs.json", "search/ja/index-full-0.json" })
        {
            Assert.Equal(without.Single(f => f.RelativePath == name).Content, with.Single(f => f.RelativePath == name).Content);
        }

        var plain = StoredText(without, out var owner);
        using (owner)
        {
            Assert.Equal(JsonValueKind.String, plain.ValueKind);
        }

        Assert.True(with.Single(f => f.RelativePath == "search/ja/text-0.json").Content.Length > without.Single(f => f.RelativePath == "search/ja/text-0.json").Content.Length);
    }
}
