using System.Text;

namespace Hub.Site.Content.Glossary;

/// <summary>
/// Explains glossary terms where pages use them: in a page's rendered body, the first occurrence of each term of its
/// language (its title or an alias) becomes a button described by a hidden definition, which the theme reveals on
/// hover, on keyboard focus and on tap (<c>glossary.css</c>, <c>glossary.js</c>). Text inside headings, links, code,
/// abbreviations, form controls and embedded calculators is left alone. The body is Hub's own HTML (Markdig's output
/// with raw HTML disabled, and the theme's embeds), so tags and text are told apart by a small scanner.
/// </summary>
public sealed class TermMarkup
{
    /// <summary>Elements whose text is never marked: a term there is already interactive, a title, or code.</summary>
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "button", "code", "pre", "kbd", "samp", "h1", "h2", "h3", "h4", "h5", "h6", "label", "form", "output",
        "select", "option", "textarea", "script", "style", "svg", "math", "dfn", "summary", "sup", "title",
    };

    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    private readonly List<(string Word, GlossaryPage Term)> _words;

    private TermMarkup(List<(string Word, GlossaryPage Term)> words) => _words = words;

    /// <summary>The terms of <paramref name="lang"/>: their words longest first, so that "CSQL" wins over "CS" at one place.</summary>
    public static TermMarkup For(SiteContent site, string lang) => new(site.Pages.OfType<GlossaryPage>()
        .Where(t => t.Lang == lang)
        .SelectMany(t => t.Words.Select(w => (Word: Escape(w.Word), Term: t)))
        .Where(w => w.Word.Length > 0)
        .OrderByDescending(w => w.Word.Length).ThenBy(w => w.Word, StringComparer.Ordinal)
        .ToList());

    public bool IsEmpty => _words.Count == 0;

    /// <summary>
    /// The terms one page has explained so far: a page's body and the marked elements of its layout (a KPI page's
    /// list of questions) share one, so that a term is explained at its first occurrence on the page and only there.
    /// </summary>
    public sealed class Explained
    {
        internal HashSet<GlossaryPage> Terms { get; } = new(ReferenceEqualityComparer.Instance);
    }

    /// <summary><paramref name="html"/> (a page's rendered body) with the first occurrence of each term marked up.</summary>
    public string Apply(string html) => Apply(html, new Explained());

    /// <summary><paramref name="html"/> (a page's rendered body) with the first occurrence of each term not yet in <paramref name="explained"/> marked up.</summary>
    public string Apply(string html, Explained explained)
    {
        if (_words.Count == 0)
        {
            return html;
        }
        var done = explained.Terms;
        var output = new StringBuilder(html.Length + 256);
        var skipping = new Stack<string>();
        var i = 0;
        while (i < html.Length)
        {
            if (html[i] == '<')
            {
                var end = html.IndexOf('>', i);
                if (end < 0)
                {
                    output.Append(html, i, html.Length - i);
                    break;
                }
                Track(html.AsSpan(i, end - i + 1), skipping);
                output.Append(html, i, end - i + 1);
                i = end + 1;
                continue;
            }
            var next = html.IndexOf('<', i);
            var textEnd = next < 0 ? html.Length : next;
            if (skipping.Count == 0 && done.Count < _words.Count)
            {
                Mark(html.AsSpan(i, textEnd - i), done, output);
            }
            else
            {
                output.Append(html, i, textEnd - i);
            }
            i = textEnd;
        }
        return output.ToString();
    }

    /// <summary>The attribute by which a theme marks an element of plain text outside a page's Markdown body whose terms are explained (a catalogue's question text and intent, a KPI page's questions).</summary>
    public const string Marker = " data-terms>";

    /// <summary>
    /// <paramref name="html"/> (a whole rendered page without a Markdown body, such as a catalogue) with the first
    /// occurrence of each term marked up in the text of the elements the theme marks with <see cref="Marker"/>, in the
    /// order they come: the theme writes only escaped text in them, up to their first tag.
    /// </summary>
    public string ApplyWithinMarked(string html) => ApplyWithinMarked(html, new Explained());

    /// <summary>As <see cref="ApplyWithinMarked(string)"/>, skipping the terms already in <paramref name="explained"/> (those of the page's body).</summary>
    public string ApplyWithinMarked(string html, Explained explained)
    {
        if (_words.Count == 0 || !html.Contains(Marker, StringComparison.Ordinal))
        {
            return html;
        }
        var done = explained.Terms;
        var output = new StringBuilder(html.Length + 256);
        var i = 0;
        while (done.Count < _words.Count)
        {
            var open = html.IndexOf(Marker, i, StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }
            var start = open + Marker.Length;
            var end = html.IndexOf('<', start);
            if (end < 0)
            {
                break;
            }
            output.Append(html, i, start - i);
            Mark(html.AsSpan(start, end - start), done, output);
            i = end;
        }
        output.Append(html, i, html.Length - i);
        return output.ToString();
    }

    /// <summary>Keeps the stack of open skipped elements: only they matter, other tags pass through.</summary>
    private static void Track(ReadOnlySpan<char> tag, Stack<string> skipping)
    {
        if (tag.StartsWith("<!") || tag.StartsWith("<?"))
        {
            return;
        }
        var closing = tag.Length > 1 && tag[1] == '/';
        var start = closing ? 2 : 1;
        var length = 0;
        while (start + length < tag.Length && (char.IsAsciiLetterOrDigit(tag[start + length]) || tag[start + length] == '-'))
        {
            length++;
        }
        var name = tag.Slice(start, length).ToString();
        if (closing)
        {
            if (skipping.Count > 0 && string.Equals(skipping.Peek(), name, StringComparison.OrdinalIgnoreCase))
            {
                skipping.Pop();
            }
            return;
        }
        if (Void.Contains(name) || tag.EndsWith("/>"))
        {
            return;
        }
        // Inside a skipped element every nested element is tracked too, so that its end is found.
        if (skipping.Count > 0 || Skipped.Contains(name))
        {
            skipping.Push(name);
        }
    }

    private void Mark(ReadOnlySpan<char> text, HashSet<GlossaryPage> done, StringBuilder output)
    {
        var from = 0;
        for (var at = 0; at < text.Length; at++)
        {
            if (text[at] == '&')
            {
                // An entity (&amp;) is one character of text: never the middle of a word.
                var semicolon = text[at..].IndexOf(';');
                if (semicolon > 0)
                {
                    at += semicolon;
                }
                continue;
            }
            foreach (var (word, term) in _words)
            {
                if (done.Contains(term) || !Matches(text, at, word))
                {
                    continue;
                }
                done.Add(term);
                output.Append(text[from..at]);
                Write(output, text.Slice(at, word.Length).ToString(), term);
                from = at + word.Length;
                at = from - 1;
                break;
            }
        }
        output.Append(text[from..]);
    }

    /// <summary>
    /// Whether <paramref name="word"/> occurs at <paramref name="at"/>, ignoring the case of Latin letters; a word
    /// that starts or ends with a Latin letter or digit must not continue a longer word there ("SQL" is not in "CSQL").
    /// </summary>
    private static bool Matches(ReadOnlySpan<char> text, int at, string word)
    {
        if (at + word.Length > text.Length || !text.Slice(at, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (char.IsAsciiLetterOrDigit(word[0]) && at > 0 && char.IsAsciiLetterOrDigit(text[at - 1]))
        {
            return false;
        }
        var after = at + word.Length;
        return !(char.IsAsciiLetterOrDigit(word[^1]) && after < text.Length && char.IsAsciiLetterOrDigit(text[after]));
    }

    /// <summary>The term as the page wrote it, a button described by the definition (one per term and page, so the id is unique).</summary>
    private static void Write(StringBuilder output, string shown, GlossaryPage term)
    {
        var id = "term-" + term.Slug;
        output.Append("<span class=\"term\"><button type=\"button\" class=\"term-ref\" aria-describedby=\"").Append(id).Append("\">")
            .Append(shown)
            .Append("</button><span class=\"term-def\" role=\"tooltip\" id=\"").Append(id).Append("\">")
            .Append(Escape(term.Definition))
            .Append("</span></span>");
    }

    /// <summary>Text as it appears in HTML: the characters Markdig escapes, escaped.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
