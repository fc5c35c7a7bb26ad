using System.Globalization;
using System.Text;

namespace Hub.Search.Lunr;

/// <summary>
/// A packed lunr index (<see cref="LunrPackedIndexJson"/>) as a first part holding the first fields, and
/// the remaining fields cut by term into shards: shard k holds the postings, in the remaining fields,
/// of the terms whose first code point hashes to k (<see cref="ShardOf"/>). A query whose terms are
/// exact or trailing-wildcard needs only the shards of its terms' first characters.
/// </summary>
/// <remarks>
/// <para>A shard is <c>{"version","fields":[…],"shard":k,"terms":[…],"ids":[Δ_index…],"postings":[[Δdoc×F+field,score×1000,…] per id],"ends":{…}}</c>.
/// <c>ids</c> lists, delta-coded, the term index of every term with postings in the shard;
/// <c>terms</c> gives, for each, its text, or 0 when the first part already has it. A term's postings
/// are its (document, field, score) elements in document then field order, the document delta-coded
/// and multiplied by F (the number of shard fields) plus the field's number. Term-major, because
/// nearly every long document has some term in every shard: listing documents per shard cost more
/// than half again the unsharded size. <c>ends</c> (see <see cref="WriteEnds"/>) lets a
/// one-character query find the other shards it needs. Term indexes and scores are
/// those of the whole index (BM25 over every field), so the first part plus any set of shards
/// unpacks (search-engine.js) into a lunr index whose field vectors hold just the loaded terms.</para>
/// <para>Why that scores exactly: lunr 2.3.9 scores a field as <c>queryVector.similarity(fieldVector)</c>,
/// i.e. <c>queryVector.dot(fieldVector) / queryVector.magnitude()</c>. The field vector's own
/// magnitude never enters, and the dot product reads only the query's terms, which are all loaded
/// once their shards are. So no per-document magnitudes need to travel with the first part.</para>
/// </remarks>
public static class LunrShardedIndexJson
{
    /// <summary>
    /// The shard of <paramref name="term"/> among <paramref name="shardCount"/> (a power of two): FNV-1a
    /// (32-bit) over the four little-endian bytes of the term's first code point, high half folded
    /// into the low one, masked. search-engine.js (<c>shardOf</c>) computes the same with the constants of search-tables.js, written from these.
    /// </summary>
    public static int ShardOf(string term, int shardCount)
    {
        if (shardCount <= 1 || term.Length == 0)
        {
            return 0;
        }

        return ShardOfCodePoint(CodePointAt(term, 0), shardCount);
    }

    /// <summary>FNV-1a's 32-bit offset basis, as the shard hash starts (written into search-tables.js for the browser).</summary>
    internal const uint ShardHashOffset = 2166136261u;

    /// <summary>FNV-1a's 32-bit prime (written into search-tables.js for the browser).</summary>
    internal const uint ShardHashPrime = 16777619u;

    private static int ShardOfCodePoint(int codePoint, int shardCount)
    {
        if (shardCount <= 1)
        {
            return 0;
        }

        var hash = ShardHashOffset;
        for (var i = 0; i < 4; i++)
        {
            hash ^= (uint)(codePoint >> (8 * i)) & 0xFF;
            hash *= ShardHashPrime;
        }

        return (int)((hash ^ (hash >> 16)) & (uint)(shardCount - 1));
    }

    // A lone surrogate counts as itself, as JavaScript's codePointAt has it.
    private static int CodePointAt(string s, int i) =>
        char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? char.ConvertToUtf32(s[i], s[i + 1]) : s[i];

    /// <summary>
    /// The first part (fields <c>[0, firstFieldCount)</c>, with <paramref name="writeManifest"/>'s
    /// members appended to its object) and <paramref name="shardCount"/> shards of the other fields.
    /// Linear in the size of the index.
    /// </summary>
    public static (string First, string[] Shards) Write(LunrIndex index, int firstFieldCount, int shardCount, Action<StringBuilder>? writeManifest = null)
    {
        if (shardCount < 1 || (shardCount & (shardCount - 1)) != 0)
        {
            throw new ArgumentException("The shard count must be a power of two.", nameof(shardCount));
        }

        var fieldCount = index.Fields.Count;
        if (firstFieldCount <= 0 || firstFieldCount >= fieldCount)
        {
            throw new ArgumentException("The first part must leave fields for the shards.", nameof(firstFieldCount));
        }

        LunrPackedIndexJson.CheckRefs(index);
        var documentCount = index.FieldVectors.Count / fieldCount;
        var terms = new string[index.InvertedIndex.Count];
        foreach (var posting in index.InvertedIndex)
        {
            terms[posting.TermIndex] = posting.Term;
        }

        // Terms of the first part: those its fields use.
        var inFirst = new bool[terms.Length];
        for (var d = 0; d < documentCount; d++)
        {
            for (var f = 0; f < firstFieldCount; f++)
            {
                foreach (var element in index.FieldVectors[d * fieldCount + f].Elements)
                {
                    inFirst[element.TermIndex] = true;
                }
            }
        }

        var first = new StringBuilder(256 + terms.Length * 8);
        LunrPackedIndexJson.WritePart(first, index, terms, inFirst, 0, firstFieldCount, documentCount);
        first.Length--; // reopen the object for the manifest
        writeManifest?.Invoke(first);
        first.Append('}');

        var shardOf = new int[terms.Length];
        for (var t = 0; t < terms.Length; t++)
        {
            shardOf[t] = ShardOf(terms[t], shardCount);
        }

        // The shard fields' elements regrouped by term (counting sort: counts, offsets, fill), each
        // term's in document then field order.
        var shardFields = fieldCount - firstFieldCount;
        var starts = new int[terms.Length + 1];
        for (var d = 0; d < documentCount; d++)
        {
            for (var f = firstFieldCount; f < fieldCount; f++)
            {
                foreach (var element in index.FieldVectors[d * fieldCount + f].Elements)
                {
                    starts[element.TermIndex + 1]++;
                }
            }
        }

        for (var t = 0; t < terms.Length; t++)
        {
            starts[t + 1] += starts[t];
        }

        var fill = (int[])starts.Clone();
        var slots = new int[starts[terms.Length]]; // document × F + field
        var scores = new long[slots.Length];
        for (var d = 0; d < documentCount; d++)
        {
            for (var f = firstFieldCount; f < fieldCount; f++)
            {
                foreach (var element in index.FieldVectors[d * fieldCount + f].Elements)
                {
                    var at = fill[element.TermIndex]++;
                    slots[at] = d * shardFields + (f - firstFieldCount);
                    scores[at] = LunrPackedIndexJson.ScaledScore(element.Score);
                }
            }
        }

        var shards = new ShardWriter[shardCount];
        for (var k = 0; k < shardCount; k++)
        {
            shards[k] = new ShardWriter(index.Fields, firstFieldCount, k);
        }

        var inShards = new bool[terms.Length];
        for (var t = 0; t < terms.Length; t++)
        {
            if (starts[t + 1] > starts[t])
            {
                inShards[t] = true;
                shards[shardOf[t]].AddTerm(inFirst[t] ? null : terms[t], t, slots.AsSpan(starts[t], starts[t + 1] - starts[t]), scores.AsSpan(starts[t], starts[t + 1] - starts[t]), shardFields);
            }
        }

        WriteEnds(terms, shardOf, inShards, shards);
        var result = new string[shardCount];
        for (var k = 0; k < shardCount; k++)
        {
            result[k] = shards[k].ToJson();
        }

        return (first.ToString(), result);
    }

    /// <summary>
    /// The worker matches a one-character CJK query c anywhere in a term (lunr's <c>*c*</c>): in c's
    /// own shard (c, cx…) and in every shard holding a two-character term xc. So the shard of c lists,
    /// under <c>"ends":{"c":[k…]}</c>, the other shards with such terms (terms of shard elements only).
    /// </summary>
    private static void WriteEnds(string[] terms, int[] shardOf, bool[] inShards, ShardWriter[] shards)
    {
        if (shards.Length == 1)
        {
            return;
        }

        var ends = new Dictionary<int, SortedSet<int>>();
        for (var t = 0; t < terms.Length; t++)
        {
            var term = terms[t];
            if (!inShards[t] || term.Length < 2)
            {
                continue;
            }

            var firstLength = char.IsHighSurrogate(term[0]) && char.IsLowSurrogate(term[1]) ? 2 : 1;
            if (firstLength >= term.Length)
            {
                continue;
            }

            var last = CodePointAt(term, firstLength);
            if (last <= 0x7F || firstLength + (last > 0xFFFF ? 2 : 1) != term.Length || ShardOfCodePoint(last, shards.Length) == shardOf[t])
            {
                continue;
            }

            if (!ends.TryGetValue(last, out var set))
            {
                ends.Add(last, set = []);
            }

            set.Add(shardOf[t]);
        }

        var codePoints = ends.Keys.ToArray();
        Array.Sort(codePoints);
        foreach (var codePoint in codePoints)
        {
            shards[ShardOfCodePoint(codePoint, shards.Length)].AddEnd(char.ConvertFromUtf32(codePoint), ends[codePoint]);
        }
    }

    private sealed class ShardWriter(IReadOnlyList<string> fields, int firstField, int shard)
    {
        private readonly StringBuilder _terms = new();
        private readonly StringBuilder _ids = new();
        private readonly StringBuilder _postings = new();
        private readonly StringBuilder _ends = new();
        private int _lastTerm;

        /// <summary>A term (null when the first part has it) and its postings: slots are document × F + field, ascending.</summary>
        public void AddTerm(string? term, int termIndex, ReadOnlySpan<int> slots, ReadOnlySpan<long> scores, int shardFields)
        {
            if (_ids.Length > 0)
            {
                _terms.Append(',');
                _ids.Append(',');
                _postings.Append(',');
            }

            if (term is null)
            {
                _terms.Append('0');
            }
            else
            {
                JsonText.WriteString(_terms, term);
            }

            JsonText.WriteInteger(_ids, termIndex - _lastTerm);
            _lastTerm = termIndex;
            _postings.Append('[');
            var lastDocument = 0;
            for (var i = 0; i < slots.Length; i++)
            {
                var document = slots[i] / shardFields;
                var field = slots[i] % shardFields;
                JsonText.WriteInteger(_postings.Append(i == 0 ? string.Empty : ","), ((long)(document - lastDocument) * shardFields) + field).Append(',');
                JsonText.WriteInteger(_postings, scores[i]);
                lastDocument = document;
            }

            _postings.Append(']');
        }

        public void AddEnd(string character, IEnumerable<int> otherShards)
        {
            _ends.Append(_ends.Length == 0 ? string.Empty : ",");
            JsonText.WriteString(_ends, character);
            _ends.Append(":[").AppendJoin(',', otherShards).Append(']');
        }

        public string ToJson()
        {
            var json = new StringBuilder(96 + _terms.Length + _ids.Length + _postings.Length + _ends.Length);
            json.Append("{\"version\":");
            JsonText.WriteString(json, LunrIndex.Version);
            json.Append(",\"fields\":[");
            for (var f = firstField; f < fields.Count; f++)
            {
                json.Append(f == firstField ? string.Empty : ",");
                JsonText.WriteString(json, fields[f]);
            }

            json.Append("],\"shard\":").Append(shard.ToString(CultureInfo.InvariantCulture))
                .Append(",\"terms\":[").Append(_terms)
                .Append("],\"ids\":[").Append(_ids)
                .Append("],\"postings\":[").Append(_postings).Append(']');
            if (_ends.Length > 0)
            {
                json.Append(",\"ends\":{").Append(_ends).Append('}');
            }

            json.Append('}');
            return json.ToString();
        }
    }
}
