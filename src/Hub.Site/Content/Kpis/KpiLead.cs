using Hub.Markdown.Text;
using Markdig.Syntax;

namespace Hub.Site.Content.Kpis;

/// <summary>
/// A KPI's one line in lists (<c>lead</c>): its <c>summary</c>, or else the first sentence of its first paragraph
/// (the definition every KPI page starts with), so a list says what each KPI is without a second copy to keep up.
/// </summary>
public static class KpiLead
{
    private const int MaxLength = 120;

    public static string Of(KpiPage kpi)
    {
        if (kpi.Header.Summary.Length > 0)
        {
            return kpi.Header.Summary;
        }
        var paragraph = kpi.Body?.Document.Descendants<ParagraphBlock>().FirstOrDefault(p => p.Parent is MarkdownDocument);
        return paragraph is null ? string.Empty : FirstSentence(InlineText.Of(paragraph.Inline));
    }

    /// <summary>Up to the first full stop (Japanese 。, or a Latin or Korean '.' before a space or the end), at most <see cref="MaxLength"/> characters.</summary>
    public static string FirstSentence(string text)
    {
        var end = text.Length;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '。' or '！' or '？' || text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))
            {
                end = i + 1;
                break;
            }
        }
        var sentence = text[..end].Trim();
        if (sentence.Length <= MaxLength)
        {
            return sentence;
        }
        var cut = char.IsHighSurrogate(sentence[MaxLength - 2]) ? MaxLength - 2 : MaxLength - 1; // never half a surrogate pair
        return sentence[..cut].TrimEnd() + "…";
    }
}
