using System.Text;
using Hub.Search.Lunr;

namespace Hub.Search;

/// <summary>The document stores beside the indexes; position in the array = lunr ref.</summary>
internal static class SearchStoreJson
{
    /// <summary>Summaries in docs.json are cut to this; the text chunks have them whole.</summary>
    public const int SummaryLength = 60;

    /// <summary>
    /// Raw size at which a text chunk closes. Small enough that the chunks of a page of results stay
    /// a few KB each gzipped, large enough that short questions share one request.
    /// </summary>
    public const int ChunkBytes = 4096;

    /// <summary>
    /// The chunk count a language aims to stay under: past ≈ 4 MB of text (≈ 1,400 articles) chunks
    /// grow instead of multiplying, as the full-text shards do (<see cref="SearchIndexWriter.MaxShards"/>).
    /// Every file is an inode to create at each build, which costs more than its bytes: at 10,000
    /// articles this turns ≈ 8,000 files of 4 KB into ≈ 1,000 of 23 KB.
    /// </summary>
    public const int MaxChunks = 1024;

    /// <summary>The size at which chunks close for <paramref name="totalBytes"/> of text: <see cref="ChunkBytes"/>, or more to keep about <see cref="MaxChunks"/>.</summary>
    public static int ChunkBytesFor(long totalBytes) => (int)Math.Max(ChunkBytes, (totalBytes + MaxChunks - 1) / MaxChunks);

    public static string Documents(IReadOnlyList<SearchDocument> documents)
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            json.Append(i == 0 ? "[" : ",[");
            foreach (var value in new[] { d.Kind, d.Url, d.Title, d.Section, Truncate(d.Summary, SummaryLength) })
            {
                JsonText.WriteString(json, value);
                json.Append(',');
            }

            json.Append('[');
            for (var t = 0; t < d.Tags.Count; t++)
            {
                json.Append(t == 0 ? string.Empty : ",");
                JsonText.WriteString(json, d.Tags[t]);
            }

            json.Append("]]");
        }

        return json.Append(']').ToString();
    }

    /// <summary>
    /// Cuts the documents into text chunks of consecutive documents: a chunk is closed once it holds
    /// <see cref="ChunkBytesFor"/> or more UTF-8 bytes of text, and a document that would take a non-empty
    /// chunk past that starts a new one, so a long article is alone and many short questions share one.
    /// (Two neighbouring chunks then always hold more than that size: fewer than 2 × <see cref="MaxChunks"/> + 1 chunks.)
    /// Returns each chunk's texts and document count.
    /// </summary>
    public static List<(StoredText[] Texts, int Count)> Chunks(IReadOnlyList<SearchDocument> documents)
    {
        var chunks = new List<(StoredText[], int)>();
        var texts = new (StoredText Text, int Size)[documents.Count];
        long total = 0;
        for (var i = 0; i < documents.Count; i++)
        {
            var text = Text(documents[i]);
            var sections = SectionStarts(text, documents[i].Sections);
            texts[i] = (new StoredText(text, sections), Encoding.UTF8.GetByteCount(text) + 3 + sections.Sum(x => x.Id.Length + 10));
            total += texts[i].Size;
        }

        var chunkBytes = ChunkBytesFor(total);
        var current = new List<StoredText>();
        var bytes = 0;
        foreach (var (text, size) in texts)
        {
            if (current.Count > 0 && bytes + size > chunkBytes)
            {
                chunks.Add(([.. current], current.Count));
                current.Clear();
                bytes = 0;
            }

            current.Add(text);
            bytes += size;
            if (bytes >= chunkBytes)
            {
                chunks.Add(([.. current], current.Count));
                current.Clear();
                bytes = 0;
            }
        }

        if (current.Count > 0)
        {
            chunks.Add(([.. current], current.Count));
        }

        return chunks;
    }

    /// <summary>A text chunk: the texts of its documents, in order (<c>text-{k}.json</c>).</summary>
    /// <remarks>
    /// A document with sections is an array instead of a string: <c>[text, start, "id", start, "id", …]</c>, each start
    /// the UTF-16 offset in the text of the line that is the heading <c>id</c>. The sections travel with the text the
    /// results fetch anyway, so the first tier (index-titles.json, docs.json) does not grow with them.
    /// </remarks>
    public static string Texts(IReadOnlyList<StoredText> texts)
    {
        var length = 2;
        foreach (var text in texts)
        {
            length += text.Text.Length + 3;
        }

        var json = new StringBuilder(length).Append('[');
        for (var i = 0; i < texts.Count; i++)
        {
            json.Append(i == 0 ? string.Empty : ",");
            if (texts[i].Sections.Count == 0)
            {
                JsonText.WriteString(json, texts[i].Text);
                continue;
            }

            json.Append('[');
            JsonText.WriteString(json, texts[i].Text);
            foreach (var (start, id) in texts[i].Sections)
            {
                json.Append(',').Append(start.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(',');
                JsonText.WriteString(json, id);
            }

            json.Append(']');
        }

        return json.Append(']').ToString();
    }

    /// <summary>
    /// Where each section's heading line starts in <paramref name="text"/>, looked for in order after the previous one
    /// (a heading not found as a whole line is left out: a match under it counts for the section before).
    /// </summary>
    public static IReadOnlyList<(int Start, string Id)> SectionStarts(string text, IReadOnlyList<SearchSection> sections)
    {
        var starts = new List<(int, string)>();
        var from = 0;
        foreach (var section in sections)
        {
            if (section.Title.Length == 0 || section.Id.Length == 0)
            {
                continue;
            }

            for (var at = text.IndexOf(section.Title, from, StringComparison.Ordinal); at >= 0; at = text.IndexOf(section.Title, at + 1, StringComparison.Ordinal))
            {
                var end = at + section.Title.Length;
                if ((at == 0 || text[at - 1] == '\n') && (end == text.Length || text[end] == '\n'))
                {
                    starts.Add((at, section.Id));
                    from = end;
                    break;
                }
            }
        }

        return starts;
    }

    /// <summary>A document's stored text and where its sections start (<see cref="SectionStarts"/>).</summary>
    public sealed record StoredText(string Text, IReadOnlyList<(int Start, string Id)> Sections);

    /// <summary>The summary, any heading the body does not already contain, and the body, one per line.</summary>
    public static string Text(SearchDocument d)
    {
        var text = new StringBuilder(d.Summary.Length + d.Body.Length + 2);
        text.Append(d.Summary);
        foreach (var heading in d.Headings)
        {
            if (heading.Length > 0 && !d.Body.Contains(heading, StringComparison.Ordinal))
            {
                (text.Length > 0 ? text.Append('\n') : text).Append(heading);
            }
        }

        if (d.Body.Length > 0)
        {
            (text.Length > 0 ? text.Append('\n') : text).Append(d.Body);
        }

        return text.ToString();
    }

    /// <summary>At most <paramref name="max"/> UTF-16 units, cut at a code point boundary, with an ellipsis when cut.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var end = char.IsLowSurrogate(text[max]) ? max - 1 : max;
        return text[..end].TrimEnd() + "…";
    }
}
