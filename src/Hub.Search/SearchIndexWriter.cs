using System.Globalization;
using System.Text;
using Hub.Search.Lunr;

namespace Hub.Search;

/// <summary>
/// Writes, for each language, one lunr.js 2.3.9 index of every field, packed (see
/// <see cref="LunrPackedIndexJson"/>, <see cref="LunrShardedIndexJson"/>) as a small first tier and
/// term shards, and the document store:
/// <list type="bullet">
/// <item><c>search/{lang}/index-titles.json</c>: the title and tags fields (titles are question texts
/// and KPI titles too), a lunr index on its own, loaded on the first focus of a search box. It also
/// carries the manifest: <c>"shards":N</c> (the number of full-text shards) and <c>"chunks":[n…]</c>
/// (how many consecutive documents each text chunk holds).</item>
/// <item><c>search/{lang}/docs.json</c>: per document <c>[kind, url, title, section, summary (cut to 60), [tags]]</c>.</item>
/// <item><c>search/{lang}/index-full-{k}.json</c>, k &lt; N: summary, headings and body, cut by the
/// first code point of each term (<see cref="LunrShardedIndexJson.ShardOf"/>); a query loads only
/// the shards of its terms and unpacks them with the first tier into one lunr index.</item>
/// <item><c>search/{lang}/text-{k}.json</c>: per document of chunk k the summary, headings the body
/// lacks, and the body, one per line, for snippets and adjacency checks; loaded only for the
/// documents a query shows or must confirm.</item>
/// </list>
/// Both tiers share one term space and one set of BM25 scores (idf over every field), so a title hit
/// scores the same before and after the full text arrives. Documents are numbered in the order of
/// <see cref="SearchDocument.Url"/> (ordinal; the stores are arrays by that number, the lunr refs are
/// "d0", "d1", …), so the bytes depend only on the documents, not on the order they come in.
/// </summary>
public static class SearchIndexWriter
{
    /// <summary>All fields; the first <see cref="TitleFieldCount"/> form the title tier. A term in a title outranks the same term anywhere else.</summary>
    public static readonly IReadOnlyList<LunrField> Fields =
        [new("title", 10), new("tags", 3), new("summary", 2), new("headings", 2), new("body", 1)];

    public const int TitleFieldCount = 2;

    public static IReadOnlyList<SearchFile> Write(IEnumerable<SearchDocument> documents) => Write(documents, []);

    /// <summary>
    /// As <see cref="Write(IEnumerable{SearchDocument})"/>, also writing empty indexes for <paramref name="languages"/>
    /// without documents. <paramref name="kinds"/>, when given, are the document kinds the site writes (the search page
    /// filters by them): a document of another kind is rejected. <paramref name="parallel"/> bounds the threads used
    /// and can cancel the work (it then throws <see cref="OperationCanceledException"/>), as <c>hub serve</c> does for
    /// an index it refreshes in the background.
    /// </summary>
    public static IReadOnlyList<SearchFile> Write(IEnumerable<SearchDocument> documents, IEnumerable<string> languages,
        IReadOnlyCollection<string>? kinds = null, ParallelOptions? parallel = null)
    {
        parallel ??= Unbounded;
        var byLanguage = new SortedDictionary<string, List<SearchDocument>>(StringComparer.Ordinal);
        foreach (var language in languages)
        {
            byLanguage.TryAdd(CheckLanguage(language), []);
        }

        foreach (var document in documents)
        {
            parallel.CancellationToken.ThrowIfCancellationRequested();
            Check(document, kinds);
            if (!byLanguage.TryGetValue(document.Lang, out var list))
            {
                byLanguage.Add(document.Lang, list = []);
            }

            list.Add(document);
        }

        // Languages are independent: write them in parallel, keep the output order fixed.
        var groups = byLanguage.ToArray();
        var written = new List<SearchFile>[groups.Length];
        Parallel.For(0, groups.Length, parallel, i => written[i] = WriteLanguage(groups[i].Key, groups[i].Value, parallel));
        return [.. written.SelectMany(f => f)];
    }

    /// <summary>
    /// The shard count a full-text tier of about <paramref name="estimatedBytes"/> raw bytes gets: the
    /// smallest power of two that keeps shards at or under <see cref="ShardBytes"/> (1 for small languages).
    /// </summary>
    public static int ShardCount(long estimatedBytes)
    {
        var count = 1;
        while (count < MaxShards && estimatedBytes > (long)count * ShardBytes)
        {
            count *= 2;
        }

        return count;
    }

    /// <summary>
    /// Raw bytes per full-text shard aimed at: ≈ 4 KB gzipped for Japanese. A katakana word such as
    /// オンボーディング touches five or six shards, so smaller shards make a first query fetch less, at the
    /// price of a few more bytes in all (bench/search/sizes.sh weighs the two).
    /// </summary>
    public const int ShardBytes = 12 * 1024;

    public const int MaxShards = 1024;

    private static readonly ParallelOptions Unbounded = new();

    private static List<SearchFile> WriteLanguage(string language, List<SearchDocument> list, ParallelOptions parallel)
    {
        list.Sort(CompareDocuments);
        var prefix = "search/" + language + "/";
        var index = BuildIndex(list, parallel);
        parallel.CancellationToken.ThrowIfCancellationRequested();
        var chunks = SearchStoreJson.Chunks(list);
        var shardCount = ShardCount(EstimateFullTierBytes(index));
        var (titles, shards) = LunrShardedIndexJson.Write(index, TitleFieldCount, shardCount, json =>
        {
            json.Append(",\"shards\":").Append(shardCount.ToString(CultureInfo.InvariantCulture)).Append(",\"chunks\":[");
            for (var c = 0; c < chunks.Count; c++)
            {
                json.Append(c == 0 ? string.Empty : ",").Append(chunks[c].Count.ToString(CultureInfo.InvariantCulture));
            }

            json.Append(']');
        });
        parallel.CancellationToken.ThrowIfCancellationRequested();
        // The files are independent of each other: encoded (and the text chunks written) in parallel, kept in order.
        var files = new SearchFile[2 + shards.Length + chunks.Count];
        files[0] = Json(prefix + "index-titles.json", titles);
        files[1] = Json(prefix + "docs.json", SearchStoreJson.Documents(list));
        Parallel.For(0, shards.Length + chunks.Count, parallel, i => files[2 + i] = i < shards.Length
            ? Json(prefix + "index-full-" + i.ToString(CultureInfo.InvariantCulture) + ".json", shards[i])
            : Json(prefix + "text-" + (i - shards.Length).ToString(CultureInfo.InvariantCulture) + ".json", SearchStoreJson.Texts(chunks[i - shards.Length].Texts)));
        return [.. files];
    }

    // About what the unsharded full-text tier would weigh: an element is "Δ,score," (~8 bytes), a new
    // term its UTF-8 bytes, quotes and its id. Only the order of magnitude matters (it picks a power of two).
    private static long EstimateFullTierBytes(LunrIndex index)
    {
        long bytes = 0;
        var fieldCount = index.Fields.Count;
        for (var i = 0; i < index.FieldVectors.Count; i++)
        {
            if (i % fieldCount >= TitleFieldCount)
            {
                bytes += 8L * index.FieldVectors[i].Elements.Count + 3;
            }
        }

        foreach (var posting in index.InvertedIndex)
        {
            var inTitles = false;
            for (var f = 0; f < TitleFieldCount && !inTitles; f++)
            {
                inTitles = posting.RefsByField[f].Count > 0;
            }

            if (!inTitles)
            {
                bytes += Encoding.UTF8.GetByteCount(posting.Term) + 6;
            }
        }

        return bytes;
    }

    /// <summary>A document's tokens for each of <see cref="Fields"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Tokens(SearchDocument d) =>
        [SearchTokenizer.Tokenize(d.Title), TokenizeAll(d.Tags), SearchTokenizer.Tokenize(d.Summary), TokenizeAll(d.Headings), SearchTokenizer.Tokenize(d.Body)];

    /// <summary>The lunr index of <paramref name="documents"/> (refs "d0", "d1", … in the given order).</summary>
    public static LunrIndex BuildIndex(IReadOnlyList<SearchDocument> documents, ParallelOptions? parallel = null)
    {
        parallel ??= Unbounded;
        // Tokenizing and counting terms are most of the work, and thread-safe: documents are counted in parallel
        // batches (so only one batch of counts is alive at a time) and added in order, as term indexes depend on it.
        const int Batch = 256;
        var counted = new LunrFieldTerms[Math.Min(Batch, documents.Count)][];
        var builder = new LunrIndexBuilder(Fields);
        for (var start = 0; start < documents.Count; start += Batch)
        {
            var count = Math.Min(Batch, documents.Count - start);
            Parallel.For(0, count, parallel, () => new TermCounter(), (i, _, counter) =>
            {
                counted[i] = counter.Count(documents[start + i]);
                return counter;
            }, _ => { });
            for (var i = 0; i < count; i++)
            {
                builder.Add(LunrPackedIndexJson.Ref(start + i), counted[i]);
            }
        }

        return builder.Build(parallel);
    }

    /// <summary>Counts a document's terms field by field, reusing its token list and counts from one document to the next.</summary>
    private sealed class TermCounter
    {
        private readonly List<string> _tokens = [];
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

        public LunrFieldTerms[] Count(SearchDocument d) =>
            [Field(d.Title), Field(d.Tags), Field(d.Summary), Field(d.Headings), Field(d.Body)];

        private LunrFieldTerms Field(string? text) => Field([text]);

        private LunrFieldTerms Field(IReadOnlyList<string?> texts)
        {
            _tokens.Clear();
            foreach (var text in texts)
            {
                SearchTokenizer.TokenizeInto(text, _tokens);
            }

            return LunrFieldTerms.Count(_tokens, _counts);
        }
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

    private static void Check(SearchDocument document, IReadOnlyCollection<string>? kinds)
    {
        CheckLanguage(document.Lang);
        if (document.Kind.Length == 0 || (kinds is not null && !kinds.Contains(document.Kind)))
        {
            throw new ArgumentException($"Unknown search document kind '{document.Kind}' ({document.Url}); expected {(kinds is null ? "a kind" : string.Join(", ", kinds))}.");
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
