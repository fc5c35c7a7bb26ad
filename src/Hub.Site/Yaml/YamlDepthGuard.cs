namespace Hub.Site.Yaml;

/// <summary>
/// Bounds how deeply YAML may nest before it reaches YamlDotNet, whose parser recurses once per level: a front matter
/// of 50,000 <c>[</c> overflows the stack, which .NET cannot catch, and ends the process (<c>hub serve</c> too). One pass
/// over the text, linear in its length, counts block levels (indentation and <c>- </c> entries) plus open flow
/// collections (<c>[</c>, <c>{</c> outside quotes and comments) and stops where that exceeds <see cref="Limit"/>.
/// It errs on the side of counting a level too many, never far: no real file nests anywhere near the limit.
/// </summary>
public static class YamlDepthGuard
{
    /// <summary>
    /// Far beyond any real file, and far within the stack: YamlDotNet parses 130 levels on a 256 KB stack, and a
    /// build parses on pool threads (1.5 MB) or the main thread (8 MB).
    /// </summary>
    public const int Limit = 128;

    /// <summary>The 1-based line and column where the nesting first exceeds <paramref name="limit"/>, or null.</summary>
    public static (int Line, int Column)? Find(string text, int limit = Limit)
    {
        var blocks = new List<int>();
        var flow = 0;
        var quote = '\0';
        var literalParent = -1;
        var lineNumber = 0;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            var line = raw;
            var indent = 0;
            while (indent < line.Length && line[indent] == ' ')
            {
                indent++;
            }
            var blank = indent == line.Length || line[indent] == '#';
            if (literalParent >= 0)
            {
                // The lines of a block scalar (| or >) are text, whatever they hold.
                if (blank || indent > literalParent)
                {
                    continue;
                }
                literalParent = -1;
            }
            var pos = 0;
            var valueStart = true;
            if (quote == '\0' && flow == 0)
            {
                if (blank)
                {
                    continue;
                }
                pos = indent;
                while (true)
                {
                    while (blocks.Count > 0 && blocks[^1] >= pos)
                    {
                        blocks.RemoveAt(blocks.Count - 1);
                    }
                    blocks.Add(pos);
                    if (blocks.Count > limit)
                    {
                        return (lineNumber, pos + 1);
                    }
                    // "- - - x" nests a sequence in a sequence on one line, each entry a level.
                    if (line[pos] != '-' || (pos + 1 < line.Length && line[pos + 1] is not (' ' or '\t')))
                    {
                        break;
                    }
                    pos++;
                    while (pos < line.Length && line[pos] is ' ' or '\t')
                    {
                        pos++;
                    }
                    if (pos == line.Length || line[pos] == '#')
                    {
                        break;
                    }
                }
            }
            for (; pos < line.Length; pos++)
            {
                var c = line[pos];
                if (quote != '\0')
                {
                    if (c == '\\' && quote == '"')
                    {
                        pos++;
                    }
                    else if (c == quote)
                    {
                        if (quote == '\'' && pos + 1 < line.Length && line[pos + 1] == '\'')
                        {
                            pos++;
                        }
                        else
                        {
                            quote = '\0';
                            valueStart = false;
                        }
                    }
                    continue;
                }
                switch (c)
                {
                    case ' ' or '\t':
                        continue;
                    case '#' when pos == 0 || line[pos - 1] is ' ' or '\t':
                        pos = line.Length;
                        continue;
                    case '"' or '\'' when valueStart:
                        quote = c;
                        continue;
                    case '[' or '{' when valueStart || flow > 0:
                        flow++;
                        if (blocks.Count + flow > limit)
                        {
                            return (lineNumber, pos + 1);
                        }
                        valueStart = true;
                        continue;
                    case ']' or '}' when flow > 0:
                        flow--;
                        valueStart = false;
                        continue;
                    case ',' when flow > 0:
                        valueStart = true;
                        continue;
                    case ':' when pos + 1 == line.Length || line[pos + 1] is ' ' or '\t' || flow > 0:
                        valueStart = true;
                        continue;
                    case '|' or '>' when valueStart && flow == 0:
                        literalParent = blocks.Count > 0 ? blocks[^1] : 0;
                        pos = line.Length;
                        continue;
                    case '&' or '!' when valueStart:
                        // An anchor or a tag before the value: the value starts after it.
                        while (pos + 1 < line.Length && line[pos + 1] is not (' ' or '\t'))
                        {
                            pos++;
                        }
                        continue;
                    default:
                        valueStart = false;
                        continue;
                }
            }
        }
        return null;
    }
}
