namespace Hub.Markdown;

/// <summary>
/// Bounds how deeply a Markdown body may nest before Markdig parses it. Markdig's parser and renderer recurse once
/// per level and stop with an exception of their own past a fixed depth, which says nowhere where the page nests.
/// One pass over the text, linear in its length, counts block levels (block quote markers, list items by their
/// indentation and markers) and inline levels (open brackets and emphasis delimiters within a paragraph) and gives
/// the first place either exceeds <see cref="Limit"/>. It errs on the side of counting a level too many, never far:
/// no real page nests anywhere near the limit, and Markdig's own limit stays well above it as a backstop
/// (<see cref="MarkdownPipelineFactory"/>).
/// </summary>
public static class MarkdownDepthGuard
{
    /// <summary>
    /// Far beyond any real page, and far within the stack: Markdig parses and renders a list nested 400 levels on a
    /// 512 KB stack, and a build parses on pool threads (1.5 MB) or the main thread (8 MB).
    /// </summary>
    public const int Limit = 128;

    /// <summary>Where a body first nests too deeply: 1-based line and column, and whether inline markup did it.</summary>
    public readonly record struct Excess(int Line, int Column, bool Inline);

    public static Excess? Find(string markdown, int limit = Limit)
    {
        // Open list items: the block quote depth they sit in and the column their content starts at.
        var lists = new List<(int Quotes, int Content)>();
        var fence = (Char: '\0', Length: 0, Quotes: 0, Indent: 0);
        var (brackets, emphasis, previousQuotes, inParagraph) = (0, 0, 0, false);
        var lineNumber = 0;
        for (int start = 0, next; start <= markdown.Length; start = next)
        {
            var end = markdown.IndexOf('\n', start);
            end = end < 0 ? markdown.Length : end;
            next = end + 1;
            lineNumber++;
            var line = markdown.AsSpan(start, end - start).TrimEnd('\r');

            var (pos, quotes, quoteColumn) = (0, 0, 0);
            while (true)
            {
                var p = pos;
                while (p < line.Length && p - pos < 3 && line[p] == ' ')
                {
                    p++;
                }
                if (p == line.Length || line[p] != '>')
                {
                    break;
                }
                quotes++;
                if (quotes == limit + 1)
                {
                    quoteColumn = p + 1;
                }
                pos = p + 1;
                if (pos < line.Length && line[pos] is ' ' or '\t')
                {
                    pos++;
                }
            }
            var rest = line[pos..];
            var (at, column) = Indentation(rest);
            var blank = at == rest.Length;

            if (fence.Char != '\0')
            {
                if (quotes >= fence.Quotes && (blank || column >= fence.Indent))
                {
                    if (IsFence(rest[at..], fence.Char, fence.Length))
                    {
                        fence.Char = '\0';
                    }
                    continue;
                }
                // The container holding the fence ended, and the fence with it.
                fence.Char = '\0';
            }
            if (quotes > limit)
            {
                // Before the blank line test: a line of nothing but markers nests as deep as one with text.
                return new Excess(lineNumber, quoteColumn, false);
            }
            if (blank)
            {
                (brackets, emphasis, inParagraph) = (0, 0, false);
                continue;
            }
            while (lists.Count > 0 && (lists[^1].Quotes != quotes || lists[^1].Content > column))
            {
                lists.RemoveAt(lists.Count - 1);
            }
            if (quotes + lists.Count > limit)
            {
                return new Excess(lineNumber, quoteColumn > 0 ? quoteColumn : pos + at + 1, false);
            }
            if (quotes != previousQuotes)
            {
                (brackets, emphasis, previousQuotes) = (0, 0, quotes);
            }
            if (IsThematicBreak(rest[at..]))
            {
                (brackets, emphasis, inParagraph) = (0, 0, false);
                continue;
            }

            var extra = 0;
            while (at < rest.Length)
            {
                var baseColumn = lists.Count > 0 ? lists[^1].Content : 0;
                if (column - baseColumn >= 4)
                {
                    break;
                }
                if (rest[at] == '>')
                {
                    // A block quote inside a list item: "- > - > text".
                    extra++;
                    if (quotes + lists.Count + extra > limit)
                    {
                        return new Excess(lineNumber, pos + at + 1, false);
                    }
                    at++;
                    column++;
                }
                else if (ListMarker(rest[at..]) is > 0 and var width)
                {
                    var spaces = 0;
                    while (at + width + spaces < rest.Length && rest[at + width + spaces] == ' ')
                    {
                        spaces++;
                    }
                    lists.Add((quotes, column + width + (spaces is >= 1 and <= 4 ? spaces : 1)));
                    if (quotes + lists.Count + extra > limit)
                    {
                        return new Excess(lineNumber, pos + at + 1, false);
                    }
                    (brackets, emphasis, inParagraph) = (0, 0, false);
                    at += width + spaces;
                    column = lists[^1].Content;
                    continue;
                }
                else
                {
                    break;
                }
                while (at < rest.Length && rest[at] == ' ')
                {
                    at++;
                    column++;
                }
            }
            var text = rest[at..];
            var indentedCode = column - (lists.Count > 0 ? lists[^1].Content : 0) >= 4;
            if (indentedCode && !inParagraph)
            {
                continue;
            }
            if (!indentedCode && text.Length >= 3 && text[0] is '`' or '~' && text[..3].Count(text[0]) == 3)
            {
                var length = 0;
                while (length < text.Length && text[length] == text[0])
                {
                    length++;
                }
                fence = (text[0], length, quotes, lists.Count > 0 ? lists[^1].Content : 0);
                (brackets, emphasis, inParagraph) = (0, 0, false);
                continue;
            }
            if (text.Length > 0 && text[0] == '#')
            {
                (brackets, emphasis) = (0, 0);
            }
            inParagraph = true;
            if (Inline(text, ref brackets, ref emphasis, limit) is { } offset)
            {
                return new Excess(lineNumber, pos + at + offset + 1, true);
            }
        }
        return null;
    }

    /// <summary>Counts open brackets and emphasis through one line of a paragraph; the offset where they exceed the limit.</summary>
    private static int? Inline(ReadOnlySpan<char> text, ref int brackets, ref int emphasis, int limit)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\':
                    i++;
                    break;
                case '`':
                    var run = Run(text, i);
                    var close = text[(i + run)..].IndexOf(text.Slice(i, run));
                    i += close < 0 ? run - 1 : run + close + run - 1;
                    break;
                case '[':
                    brackets++;
                    if (brackets + emphasis > limit)
                    {
                        return i;
                    }
                    break;
                case ']':
                    brackets = Math.Max(0, brackets - 1);
                    break;
                case '*' or '_' or '~' or '^' or '=' or '+':
                    var length = Run(text, i);
                    var before = i == 0 ? ' ' : text[i - 1];
                    var after = i + length < text.Length ? text[i + length] : ' ';
                    var opens = !char.IsWhiteSpace(after) && (!char.IsPunctuation(after) || char.IsWhiteSpace(before) || char.IsPunctuation(before));
                    var closes = !char.IsWhiteSpace(before) && (!char.IsPunctuation(before) || char.IsWhiteSpace(after) || char.IsPunctuation(after));
                    // "**" is one level (strong), "***" two.
                    var levels = (length + 1) / 2;
                    if (opens && !closes)
                    {
                        emphasis += levels;
                        if (brackets + emphasis > limit)
                        {
                            return i;
                        }
                    }
                    else if (closes && !opens)
                    {
                        emphasis = Math.Max(0, emphasis - levels);
                    }
                    i += length - 1;
                    break;
            }
        }
        return null;
    }

    private static int Run(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        while (end < text.Length && text[end] == text[start])
        {
            end++;
        }
        return end - start;
    }

    /// <summary>The index of the first character after the indentation, and its column (a tab reaches the next multiple of 4).</summary>
    private static (int Index, int Column) Indentation(ReadOnlySpan<char> text)
    {
        var (index, column) = (0, 0);
        for (; index < text.Length && text[index] is ' ' or '\t'; index++)
        {
            column = text[index] == '\t' ? (column / 4 + 1) * 4 : column + 1;
        }
        return (index, column);
    }

    /// <summary>The width of a list marker ("-", "*", "+", "1." or "1)") followed by a space or the line's end, or 0.</summary>
    private static int ListMarker(ReadOnlySpan<char> text)
    {
        var width = 0;
        if (text[0] is '-' or '*' or '+')
        {
            width = 1;
        }
        else
        {
            while (width < text.Length && width < 9 && char.IsAsciiDigit(text[width]))
            {
                width++;
            }
            if (width == 0 || width == text.Length || text[width] is not ('.' or ')'))
            {
                return 0;
            }
            width++;
        }
        return width == text.Length || text[width] is ' ' or '\t' ? width : 0;
    }

    private static bool IsThematicBreak(ReadOnlySpan<char> text)
    {
        if (text.Length < 3 || text[0] is not ('-' or '*' or '_'))
        {
            return false;
        }
        var count = 0;
        foreach (var c in text)
        {
            if (c == text[0])
            {
                count++;
            }
            else if (c is not (' ' or '\t'))
            {
                return false;
            }
        }
        return count >= 3;
    }

    private static bool IsFence(ReadOnlySpan<char> text, char fenceChar, int length)
    {
        var run = 0;
        while (run < text.Length && text[run] == fenceChar)
        {
            run++;
        }
        return run >= length && text[run..].IsWhiteSpace();
    }
}
