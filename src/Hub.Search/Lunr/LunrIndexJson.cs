using System.Text;

namespace Hub.Search.Lunr;

/// <summary>Serializes a <see cref="LunrIndex"/> byte for byte as <c>JSON.stringify(index)</c> in lunr.js 2.3.9.</summary>
public static class LunrIndexJson
{
    public static string Serialize(LunrIndex index)
    {
        var json = new StringBuilder();
        json.Append("{\"version\":");
        JsonText.WriteString(json, LunrIndex.Version);
        json.Append(",\"fields\":[");
        for (var i = 0; i < index.Fields.Count; i++)
        {
            json.Append(i == 0 ? string.Empty : ",");
            JsonText.WriteString(json, index.Fields[i]);
        }

        json.Append("],\"fieldVectors\":[");
        for (var i = 0; i < index.FieldVectors.Count; i++)
        {
            var vector = index.FieldVectors[i];
            json.Append(i == 0 ? "[" : ",[");
            JsonText.WriteString(json, vector.FieldRef);
            json.Append(",[");
            for (var j = 0; j < vector.Elements.Count; j++)
            {
                json.Append(j == 0 ? string.Empty : ",");
                JsonText.WriteNumber(json, vector.Elements[j].TermIndex);
                json.Append(',');
                JsonText.WriteNumber(json, vector.Elements[j].Score);
            }

            json.Append("]]");
        }

        json.Append("],\"invertedIndex\":[");
        for (var i = 0; i < index.InvertedIndex.Count; i++)
        {
            var posting = index.InvertedIndex[i];
            json.Append(i == 0 ? "[" : ",[");
            JsonText.WriteString(json, posting.Term);
            json.Append(",{\"_index\":");
            JsonText.WriteNumber(json, posting.TermIndex);
            for (var f = 0; f < index.Fields.Count; f++)
            {
                json.Append(',');
                JsonText.WriteString(json, index.Fields[f]);
                json.Append(":{");
                var first = true;
                foreach (var documentRef in JsObjectKeys.Order(posting.RefsByField[f]))
                {
                    json.Append(first ? string.Empty : ",");
                    first = false;
                    JsonText.WriteString(json, documentRef);
                    json.Append(":{}");
                }

                json.Append('}');
            }

            json.Append("}]");
        }

        json.Append("],\"pipeline\":[]}");
        return json.ToString();
    }
}
