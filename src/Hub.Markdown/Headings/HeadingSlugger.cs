using System.Globalization;
using System.Text;

namespace Hub.Markdown.Headings;

/// <summary>
/// Makes heading anchors that stay readable in every script: letters and digits of any language are
/// kept (<c>## 見出し</c> becomes <c>見出し</c>), spaces become hyphens, punctuation is dropped.
/// Repeated ids get <c>-1</c>, <c>-2</c> … in document order, and so do ids the page around the body already
/// uses (<c>main</c>, the search box, …), which the caller passes in as reserved.
/// </summary>
public sealed class HeadingSlugger
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    public HeadingSlugger(IEnumerable<string>? reserved = null)
    {
        foreach (var id in reserved ?? [])
        {
            _seen[id] = 0;
        }
    }

    public static string Slugify(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(normalized.Length);
        var pendingHyphen = false;
        foreach (var rune in normalized.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsLetterOrDigit(rune) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                if (pendingHyphen && sb.Length > 0)
                {
                    sb.Append('-');
                }
                pendingHyphen = false;
                sb.Append(rune.ToString());
            }
            else if (Rune.IsWhiteSpace(rune) || rune.Value is '-' or '_')
            {
                pendingHyphen = true;
            }
        }
        return sb.ToString();
    }

    public string Next(string text)
    {
        var id = Slugify(text);
        if (id.Length == 0)
        {
            id = "section";
        }
        if (_seen.TryGetValue(id, out var count))
        {
            string candidate;
            do
            {
                count++;
                candidate = $"{id}-{count}";
            }
            while (_seen.ContainsKey(candidate));
            _seen[id] = count;
            _seen[candidate] = 0;
            return candidate;
        }
        _seen[id] = 0;
        return id;
    }
}
