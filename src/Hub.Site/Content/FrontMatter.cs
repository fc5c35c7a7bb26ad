namespace Hub.Site.Content;

/// <summary>
/// Splits a Markdown file into its YAML front matter (between <c>---</c> lines) and body, remembering the file
/// line each part starts on so diagnostics point into the file.
/// </summary>
public sealed record FrontMatter(string? Yaml, int YamlFirstLine, string Body, int BodyFirstLine, bool Unclosed)
{
    public static FrontMatter Split(string text)
    {
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd('\r') != "---")
        {
            return new FrontMatter(null, 0, text, 1, false);
        }
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line is "---" or "...")
            {
                var yaml = string.Join('\n', lines[1..i]);
                var body = string.Join('\n', lines[(i + 1)..]);
                return new FrontMatter(yaml, 2, body, i + 2, false);
            }
        }
        return new FrontMatter(null, 0, text, 1, true);
    }
}
