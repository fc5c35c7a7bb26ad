using System.Text;
using Hub.Search.Lunr;

namespace Hub.Search;

/// <summary>
/// Writes, for each language, one lunr.js 2.3.9 index of every field, packed (see
/// <see cref="LunrPackedIndexJson"/>) in two tiers, and the document store:
/// <list type="bullet">
/// <item><c>search/{lang}/index-titles.json</c>: the title and tags fields (titles are question texts
/// and KPI titles too); loaded on the first focus of a search box, a lunr index on its own.</item>
/// <item><c>search/{lang}/docs.json</c>: per document <c>[kind, url, title, section, summary (cut to 60), [tags]]</c>.</item>
/// <item><c>search/{lang}/index-full.json</c>: summary, headings and body; loaded when the first tier
/// is not enough, and merged with it into the whole index.</item>
/// <item><c>search/{lang}/text.json</c>: per document the summary, headings the body lacks, and the
/// body, one per line, for snippets and adjacency checks.</item>
/// </list>
/// Both tiers share one term space and one set of BM25 scores (idf over every field), so a title hit
/// scores the same before and after the full text arrives. Documents are numbered in the order of
/// <see cref="SearchDocument.Url"/> (ordinal; the stores are arrays by that number, the lunr refs are
/// "d0", "d1", …), so the bytes depend only on the documents, not on the order they come in.
/// </summary>
public static class SearchIndexWriter
{
    public static readonly IReadOnlyList<string> Kinds = ["article", "question", "kpi"];

    /// <summary>All fields; the first <see cref="TitleFieldCount"/> form the title tier. A term in a title outranks the same term anywhere else.</summary>
    public static readonly IReadOnlyList<LunrField> Fields =
        [new("title", 10), new("tags", 3), new("summary", 2), new("headings", 2), new("body", 1)];

    public const int TitleFieldCount = 2;

    public static IReadOnlyList<SearchFile> Write(IEnumerable<SearchDocument> documents) => Write(documents, []);

    /// <summary>As <see cref="Write(IEnumerable{SearchDocument})"/>, also writing empty indexes for <paramref name="languages"/> without documents.</summary>
    public static IReadOnlyList<SearchFile> Write(IEnumerable<SearchDocument> documents, IEnumerable<string> languages)
    {
        var byLanguage = new SortedDictionary<string, List<SearchDocument>>(StringComparer.Ordinal);
        foreach (var language in languages)
        {
            byLanguage.TryAdd(CheckLanguage(language), []);
        }

        foreach (var document in documents)
        {
            Check(document);
            if (!byLanguage.TryGetValue(document.Lang, out var list))
            {
                byLanguage.Add(document.Lang, list = []);
            }

            list.Add(document);
        }

        var files = new List<SearchFile>();
        foreach (var (language, list) in byLanguage)
        {
            list.Sort(CompareDocuments);
            var prefix = "search/" + language + "/";
            var tiers = LunrPackedIndexJson.Split(BuildIndex(list), [TitleFieldCount, Fields.Count - TitleFieldCount]);
            files.Add(Json(prefix + "index-titles.json", tiers[0]));
            files.Add(Json(prefix + "docs.json", SearchStoreJson.Documents(list)));
            files.Add(Json(prefix + "index-full.json", tiers[1]));
            files.Add(Json(prefix + "text.json", SearchStoreJson.Texts(list)));
        }

        return files;
    }

    /// <summary>A document's tokens for each of <see cref="Fields"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Tokens(SearchDocument d) =>
        [SearchTokenizer.Tokenize(d.Title), TokenizeAll(d.Tags), SearchTokenizer.Tokenize(d.Summary), TokenizeAll(d.Headings), SearchTokenizer.Tokenize(d.Body)];

    /// <summary>The lunr index of <paramref name="documents"/> (refs "d0", "d1", … in the given order).</summary>
    public static LunrIndex BuildIndex(IReadOnlyList<SearchDocument> documents)
    {
        var builder = new LunrIndexBuilder(Fields);
        for (var i = 0; i < documents.Count; i++)
        {
            builder.Add(LunrPackedIndexJson.Ref(i), Tokens(documents[i]));
        }

        return builder.Build();
    }

    private static List<string> TokenizeAll(IReadOnlyList<string> texts)
    {
        var tokens = new List<string>();
        foreach (var text in texts)
        {
            tokens.AddRange(SearchTokenizer.Tokenize(text));
        }

        return tokens;
    }

    private static int CompareDocuments(SearchDocument x, SearchDocument y)
    {
        var c = string.CompareOrdinal(x.Url, y.Url);
        c = c != 0 ? c : string.CompareOrdinal(x.Kind, y.Kind);
        c = c != 0 ? c : string.CompareOrdinal(x.Title, y.Title);
        c = c != 0 ? c : string.CompareOrdinal(x.Section, y.Section);
        c = c != 0 ? c : string.CompareOrdinal(x.Summary, y.Summary);
        c = c != 0 ? c : string.CompareOrdinal(x.Body, y.Body);
        c = c != 0 ? c : string.CompareOrdinal(string.Join('\n', x.Headings), string.Join('\n', y.Headings));
        return c != 0 ? c : string.CompareOrdinal(string.Join('\n', x.Tags), string.Join('\n', y.Tags));
    }

    private static void Check(SearchDocument document)
    {
        CheckLanguage(document.Lang);
        if (!Kinds.Contains(document.Kind))
        {
            throw new ArgumentException($"Unknown search document kind '{document.Kind}' ({document.Url}); expected article, question or kpi.");
        }

        if (!document.Url.StartsWith('/'))
        {
            throw new ArgumentException($"Search document URL '{document.Url}' must be site-relative and start with '/'.");
        }
    }

    private static string CheckLanguage(string language)
    {
        if (language.Length == 0 || !language.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-'))
        {
            throw new ArgumentException($"Language '{language}' cannot name a search index folder.");
        }

        return language;
    }

    private static SearchFile Json(string path, string json) => new(path, new UTF8Encoding(false).GetBytes(json));
}
