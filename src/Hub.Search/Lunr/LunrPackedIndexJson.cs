using System.Globalization;
using System.Text;

namespace Hub.Search.Lunr;

/// <summary>
/// A compact transport form of a <see cref="LunrIndex"/> whose refs are "0", "1", … in order. The
/// browser (theme/assets/js/search-worker.js, <c>unpack</c>) rebuilds from it exactly the object
/// <c>JSON.parse(JSON.stringify(index))</c> of lunr.js would give, and hands that to <c>lunr.Index.load</c>.
/// </summary>
/// <remarks>
/// <code>{"version":"2.3.9","fields":[…],"terms":[term by _index…],"vectors":[[[Δindex,score×1000,…] per field] per ref]}</code>
/// The inverted index is left out because it is implied by the vectors: a ref is in
/// <c>invertedIndex[term][field]</c> exactly when its field vector has the term. Term indexes in a
/// vector are delta-coded and scores are the integers lunr divided by 1000; both shrink the digits.
/// </remarks>
public static class LunrPackedIndexJson
{
    public static string Serialize(LunrIndex index)
    {
        var fieldCount = index.Fields.Count;
        if (index.FieldVectors.Count % fieldCount != 0)
        {
            throw new ArgumentException("Every document must have a vector per field.", nameof(index));
        }

        var json = new StringBuilder();
        json.Append("{\"version\":");
        JsonText.WriteString(json, LunrIndex.Version);
        json.Append(",\"fields\":[");
        for (var f = 0; f < fieldCount; f++)
        {
            json.Append(f == 0 ? string.Empty : ",");
            JsonText.WriteString(json, index.Fields[f]);
        }

        var terms = new string[index.InvertedIndex.Count];
        foreach (var posting in index.InvertedIndex)
        {
            terms[posting.TermIndex] = posting.Term;
        }

        json.Append("],\"terms\":[");
        for (var t = 0; t < terms.Length; t++)
        {
            json.Append(t == 0 ? string.Empty : ",");
            JsonText.WriteString(json, terms[t]);
        }

        json.Append("],\"vectors\":[");
        for (var d = 0; d < index.FieldVectors.Count / fieldCount; d++)
        {
            json.Append(d == 0 ? "[" : ",[");
            for (var f = 0; f < fieldCount; f++)
            {
                var vector = index.FieldVectors[d * fieldCount + f];
                var expected = index.Fields[f] + "/" + d.ToString(CultureInfo.InvariantCulture);
                if (vector.FieldRef != expected)
                {
                    throw new ArgumentException($"Packed indexes need refs 0, 1, … in order; found '{vector.FieldRef}' where '{expected}' belongs.", nameof(index));
                }

                json.Append(f == 0 ? "[" : ",[");
                var previous = 0;
                for (var e = 0; e < vector.Elements.Count; e++)
                {
                    var element = vector.Elements[e];
                    json.Append(e == 0 ? string.Empty : ",")
                        .Append((element.TermIndex - previous).ToString(CultureInfo.InvariantCulture))
                        .Append(',')
                        .Append(ScaledScore(element.Score).ToString(CultureInfo.InvariantCulture));
                    previous = element.TermIndex;
                }

                json.Append(']');
            }

            json.Append(']');
        }

        json.Append("]}");
        return json.ToString();
    }

    // Scores are k/1000 for an integer k (lunr's rounding); recover k exactly.
    private static long ScaledScore(double score)
    {
        var k = (long)Math.Round(score * 1000, MidpointRounding.AwayFromZero);
        if (k / 1000.0 != score)
        {
            throw new ArgumentException($"Score {score} is not a lunr-rounded score.", nameof(score));
        }

        return k;
    }
}
