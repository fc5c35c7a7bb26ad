using System.Text;
using Hub.Search.Lunr;

namespace Hub.Search;

/// <summary>The document stores beside the indexes; position in the array = lunr ref.</summary>
internal static class SearchStoreJson
{
    /// <summary>Summaries in docs.json are cut to this; text.json has them whole.</summary>
    public const int SummaryLength = 60;

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

    public static string Texts(IReadOnlyList<SearchDocument> documents)
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            json.Append(i == 0 ? string.Empty : ",");
            JsonText.WriteString(json, Text(d));
        }

        return json.Append(']').ToString();
    }

    /// <summary>The summary, any heading the body does not already contain, and the body, one per line.</summary>
    public static string Text(SearchDocument d)
    {
        var parts = new List<string> { d.Summary };
        parts.AddRange(d.Headings.Where(h => !d.Body.Contains(h, StringComparison.Ordinal)));
        parts.Add(d.Body);
        return string.Join('\n', parts.Where(p => p.Length > 0));
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
