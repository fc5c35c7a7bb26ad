namespace Hub.Formulas.Tests.Support;

/// <summary>
/// Reads Markdig-style spec files: a fenced block opened by a line of 32 backticks and " example", holding the
/// input, a line with a single ".", and the expected output. An optional first line "inputs: x, y" declares the
/// formula's inputs (default: a, b, c). Each example is named by its heading and its number in the file.
/// </summary>
internal static class SpecFile
{
    private static readonly string Fence = new('`', 32);

    public sealed record Example(string Name, string Input, IReadOnlyList<string> Inputs, string Expected)
    {
        public override string ToString() => Name;
    }

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
            var block = new List<string>();
            for (i++; i < lines.Length && lines[i] != Fence; i++)
            {
                block.Add(lines[i]);
            }
            var dot = block.IndexOf(".");
            if (dot < 0)
            {
                throw new InvalidDataException($"{fileName}: example {examples.Count + 1} has no '.' line");
            }
            IReadOnlyList<string> inputs = ["a", "b", "c"];
            var start = 0;
            if (block.Count > 0 && block[0].StartsWith("inputs:", StringComparison.Ordinal))
            {
                inputs = block[0]["inputs:".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                start = 1;
            }
            examples.Add(new Example(
                $"{fileName} #{examples.Count + 1} ({heading})",
                string.Join("\n", block.Take(dot).Skip(start)),
                inputs,
                string.Join("\n", block.Skip(dot + 1))));
        }
        return examples;
    }
}
