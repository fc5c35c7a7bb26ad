using System.Globalization;
using System.Text;

namespace Hub.Search.Lunr;

/// <summary>
/// A compact transport form of a <see cref="LunrIndex"/> whose refs are <see cref="Ref"/>(0), (1), …
/// in order, optionally split by fields into parts (tiers). The browser
/// (theme/assets/js/search-engine.js, <c>unpack</c>) rebuilds from all parts exactly the object
/// <c>JSON.parse(JSON.stringify(index))</c> of lunr.js would give, and from the first parts alone a
/// lunr index of just their fields with the same term indexes and scores.
/// </summary>
/// <remarks>
/// A part is <c>{"version":"2.3.9","fields":[…],"terms":[…],"ids":[Δ_index…],"vectors":[[[Δ_index,score×1000,…] per field] per ref]}</c>.
/// <c>terms</c> are the terms first used by this part's fields (a later part refers to earlier
/// parts' terms by index), in ascending <c>_index</c>, which <c>ids</c> gives delta-coded. The
/// inverted index is left out because it is implied by the vectors: a ref is in
/// <c>invertedIndex[term][field]</c> exactly when its field vector has the term. Term indexes in a
/// vector are delta-coded and scores are the integers lunr divided by 1000.
/// Refs cost nothing on the wire (a document is its position); in memory they are "d0", "d1", …:
/// V8 stores objects keyed by array indexes ("0", "17") as sparse arrays, and building lunr's
/// postings with such keys took seconds at 1,000 pages, against a fraction of that with "d17".
/// </remarks>
public static class LunrPackedIndexJson
{
    /// <summary>The ref of the document at <paramref name="position"/>.</summary>
    public static string Ref(int position) => "d" + position.ToString(CultureInfo.InvariantCulture);

    /// <summary>The whole index as one part.</summary>
    public static string Serialize(LunrIndex index) => Split(index, [index.Fields.Count])[0];

    /// <summary>
    /// The index as consecutive parts of <paramref name="fieldCounts"/> fields each (which must add up
    /// to all fields), e.g. [2, 3] for a title tier of the first two fields and a full-text tier.
    /// </summary>
    public static IReadOnlyList<string> Split(LunrIndex index, IReadOnlyList<int> fieldCounts)
    {
        var fieldCount = index.Fields.Count;
        if (fieldCounts.Sum() != fieldCount || fieldCounts.Any(c => c <= 0))
        {
            throw new ArgumentException($"Parts must split all {fieldCount} fields.", nameof(fieldCounts));
        }

        CheckRefs(index);
        var documentCount = index.FieldVectors.Count / fieldCount;
        var terms = new string[index.InvertedIndex.Count];
        foreach (var posting in index.InvertedIndex)
        {
            terms[posting.TermIndex] = posting.Term;
        }

        var written = new bool[terms.Length];
        var parts = new List<string>();
        var firstField = 0;
        foreach (var count in fieldCounts)
        {
            var used = new bool[terms.Length];
            for (var d = 0; d < documentCount; d++)
            {
                for (var f = firstField; f < firstField + count; f++)
                {
                    foreach (var element in index.FieldVectors[d * fieldCount + f].Elements)
                    {
                        used[element.TermIndex] = !written[element.TermIndex];
                    }
                }
            }

            var json = new StringBuilder();
            WritePart(json, index, terms, used, firstField, count, documentCount);
            parts.Add(json.ToString());
            for (var t = 0; t < used.Length; t++)
            {
                written[t] |= used[t];
            }

            firstField += count;
        }

        return parts;
    }

    /// <summary>Throws unless the index's field vectors are every field of d0, d1, … in order.</summary>
    internal static void CheckRefs(LunrIndex index)
    {
        var fieldCount = index.Fields.Count;
        if (index.FieldVectors.Count % fieldCount != 0)
        {
            throw new ArgumentException("Every document must have a vector per field.", nameof(index));
        }

        for (var i = 0; i < index.FieldVectors.Count; i++)
        {
            var fieldRef = index.FieldVectors[i].FieldRef;
            var field = index.Fields[i % fieldCount];
            var expected = Ref(i / fieldCount);
            if (fieldRef.Length != field.Length + 1 + expected.Length || !fieldRef.StartsWith(field, StringComparison.Ordinal)
                || fieldRef[field.Length] != '/' || !fieldRef.EndsWith(expected, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Packed indexes need refs d0, d1, … in order; found '{fieldRef}' where '{field}/{expected}' belongs.", nameof(index));
            }
        }
    }

    /// <summary>Writes one part: fields [firstField, firstField + count), the terms marked in <paramref name="termMask"/>.</summary>
    internal static void WritePart(StringBuilder json, LunrIndex index, string[] terms, bool[] termMask, int firstField, int count, int documentCount)
    {
        var fieldCount = index.Fields.Count;
        json.Append("{\"version\":");
        JsonText.WriteString(json, LunrIndex.Version);
        json.Append(",\"fields\":[");
        for (var f = firstField; f < firstField + count; f++)
        {
            json.Append(f == firstField ? string.Empty : ",");
            JsonText.WriteString(json, index.Fields[f]);
        }

        json.Append("],\"terms\":[");
        var first = true;
        for (var t = 0; t < terms.Length; t++)
        {
            if (termMask[t])
            {
                json.Append(first ? string.Empty : ",");
                JsonText.WriteString(json, terms[t]);
                first = false;
            }
        }

        json.Append("],\"ids\":[");
        var previous = 0;
        first = true;
        for (var t = 0; t < terms.Length; t++)
        {
            if (termMask[t])
            {
                json.Append(first ? string.Empty : ",");
                JsonText.WriteInteger(json, t - previous);
                previous = t;
                first = false;
            }
        }

        json.Append("],\"vectors\":[");
        for (var d = 0; d < documentCount; d++)
        {
            json.Append(d == 0 ? "[" : ",[");
            for (var f = firstField; f < firstField + count; f++)
            {
                var vector = index.FieldVectors[d * fieldCount + f];
                json.Append(f == firstField ? "[" : ",[");
                previous = 0;
                for (var e = 0; e < vector.Elements.Count; e++)
                {
                    var element = vector.Elements[e];
                    JsonText.WriteInteger(json.Append(e == 0 ? string.Empty : ","), element.TermIndex - previous).Append(',');
                    JsonText.WriteInteger(json, ScaledScore(element.Score));
                    previous = element.TermIndex;
                }

                json.Append(']');
            }

            json.Append(']');
        }

        json.Append("]}");
    }

    // Scores are k/1000 for an integer k (lunr's rounding); recover k exactly.
    internal static long ScaledScore(double score)
    {
        var k = (long)Math.Round(score * 1000, MidpointRounding.AwayFromZero);
        if (k / 1000.0 != score)
        {
            throw new ArgumentException($"Score {score} is not a lunr-rounded score.", nameof(score));
        }

        return k;
    }
}
