using System.Text;
using Hub.Search.Lunr;

namespace Hub.Search;

/// <summary>
/// Writes, for each language, a two-tier lunr.js 2.3.9 index (packed, see <see cref="LunrPackedIndexJson"/>) and its document store:
/// <list type="bullet">
/// <item><c>search/{lang}/index-titles.json</c>: titles (question texts, KPI titles) and tags; loaded on first focus.</item>
/// <item><c>search/{lang}/docs.json</c>: per ref <c>[kind, url, title, section, summary (cut to 60), [tags]]</c>.</item>
/// <item><c>search/{lang}/index-full.json</c>: every field; loaded when the first tier is not enough.</item>
/// <item><c>search/{lang}/text.json</c>: per ref the summary, headings the body lacks, and the body, one per line, for snippets and adjacency checks.</item>
/// </list>
/// Refs are "0", "1", … in the order of <see cref="SearchDocument.Url"/> (ordinal), shared by both tiers,
/// so the bytes depend only on the documents, not on the order they come in.
/// </summary>
public static class SearchIndexWriter
{
    public static readonly IReadOnlyList<string> Kinds = ["article", "question", "kpi"];

    /// <summary>Title-tier fields: a term in a title outranks the same term anywhere else.</summary>
    public static readonly IReadOnlyList<LunrField> TitleFields = [new("title", 10), new("tags", 3)];

    public static readonly IReadOnlyList<LunrField> FullFields =
        [new("title", 10), new("tags", 3), new("summary", 2), new("headings", 2), new("body", 1)];

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
            files.Add(Json(prefix + "index-titles.json", LunrPackedIndexJson.Serialize(BuildIndex(list, TitleFields, TitleTokens))));
            files.Add(Json(prefix + "docs.json", SearchStoreJson.Documents(list)));
            files.Add(Json(prefix + "index-full.json", LunrPackedIndexJson.Serialize(BuildIndex(list, FullFields, FullTokens))));
            files.Add(Json(prefix + "text.json", SearchStoreJson.Texts(list)));
        }

        return files;
    }

    /// <summary>The documents' tokens for <see cref="TitleFields"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> TitleTokens(SearchDocument d) =>
        [SearchTokenizer.Tokenize(d.Title), TokenizeAll(d.Tags)];

    /// <summary>The documents' tokens for <see cref="FullFields"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> FullTokens(SearchDocument d) =>
        [SearchTokenizer.Tokenize(d.Title), TokenizeAll(d.Tags), SearchTokenizer.Tokenize(d.Summary), TokenizeAll(d.Headings), SearchTokenizer.Tokenize(d.Body)];

    private static LunrIndex BuildIndex(
        List<SearchDocument> documents,
        IReadOnlyList<LunrField> fields,
        Func<SearchDocument, IReadOnlyList<IReadOnlyList<string>>> tokens)
    {
        var builder = new LunrIndexBuilder(fields);
        for (var i = 0; i < documents.Count; i++)
        {
            builder.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), tokens(documents[i]));
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
