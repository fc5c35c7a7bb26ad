namespace Hub.Markdown.Tests;

/// <summary>
/// Reads Markdig-style spec files: a fenced block opened by a line of 32 backticks and " example", holding the
/// Markdown, a line with a single ".", and the expected output. A tab is written as "→", as in Markdig's specs.
/// Lines at the top of a block starting with "embeds:", "reserved:" or "limit:" set the options of that example
/// (comma-separated names; a number). Each example is named by its file, its number in the file and its heading.
/// </summary>
internal static class SpecFile
{
    private static readonly string Fence = new('`', 32);

    public sealed record Example(string Name, int Line, string Markdown, string Expected, IReadOnlySet<string> Embeds, IReadOnlySet<string> Reserved, int? Limit)
    {
        public MarkdownOptions Options => new() { EmbedKinds = Embeds, ReservedIds = Reserved };

        public override string ToString() => Name;
    }

    public static TheoryData<string> Names(string fileName) => new(Read(fileName).Select(e => e.Name));

    public static Example Get(string fileName, string name) => Read(fileName).Single(e => e.Name == name);

    public static IReadOnlyList<Example> Read(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Specs", fileName);
        var lines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var examples = new List<Example>();
        var heading = "";
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#'))
            {
                heading = lines[i].TrimStart('#').Trim();
                continue;
            }
            if (lines[i] != Fence + " example")
            {
                continue;
            }
            var firstLine = i + 1;
            var block = new List<string>();
            for (i++; i < lines.Length && lines[i] != Fence; i++)
            {
                block.Add(lines[i].Replace('→', '\t'));
            }
            if (i == lines.Length)
            {
                throw new InvalidDataException($"{fileName}({firstLine}): the example is not closed");
            }
            var dot = block.IndexOf(".");
            if (dot < 0)
            {
                throw new InvalidDataException($"{fileName}({firstLine}): the example has no '.' line");
            }
            var (embeds, reserved, limit, start) = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), (int?)null, 0);
            for (; start < dot; start++)
            {
                if (Option(block[start], "embeds:") is { } e)
                {
                    embeds.UnionWith(Split(e));
                }
                else if (Option(block[start], "reserved:") is { } r)
                {
                    reserved.UnionWith(Split(r));
                }
                else if (Option(block[start], "limit:") is { } l)
                {
                    limit = int.Parse(l, System.Globalization.CultureInfo.InvariantCulture);
                }
                else
                {
                    break;
                }
            }
            var markdown = string.Join("\n", block.Take(dot).Skip(start));
            var expected = string.Join("\n", block.Skip(dot + 1));
            examples.Add(new Example($"{fileName} #{examples.Count + 1} ({heading})", firstLine, markdown, expected, embeds, reserved, limit));
        }
        return examples;
    }

    private static string? Option(string line, string prefix) =>
        line.StartsWith(prefix, StringComparison.Ordinal) ? line[prefix.Length..].Trim() : null;

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
