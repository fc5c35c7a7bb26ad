namespace Hub.Search.Lunr;

/// <summary>The order in which JavaScript enumerates an object's own string keys.</summary>
internal static class JsObjectKeys
{
    /// <summary>Array indexes ("0", "17", never "01") come first in ascending numeric order, then the rest in insertion order.</summary>
    public static IEnumerable<string> Order(IReadOnlyList<string> keysInInsertionOrder)
    {
        var indexes = keysInInsertionOrder.Where(IsArrayIndex).OrderBy(k => uint.Parse(k, System.Globalization.CultureInfo.InvariantCulture));
        return indexes.Concat(keysInInsertionOrder.Where(k => !IsArrayIndex(k)));
    }

    public static bool IsArrayIndex(string key)
    {
        if (key.Length == 0 || key.Length > 10 || (key.Length > 1 && key[0] == '0'))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return ulong.Parse(key, System.Globalization.CultureInfo.InvariantCulture) < uint.MaxValue;
    }
}
