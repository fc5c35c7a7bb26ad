using Hub.Site.Tests.Infrastructure;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Hub.Site.Tests.Docs;

/// <summary>A page of <c>docs/</c> read through Markdig's syntax tree: its examples and its tables, by heading.</summary>
internal sealed class DocFile
{
    private const string ExamplePrefix = "<!-- example:";
    private const string CommentEnd = "-->";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    private DocFile(string path, MarkdownDocument document)
    {
        Path = path;
        Document = document;
    }

    public string Path { get; }

    public MarkdownDocument Document { get; }

    public static DocFile Load(string name)
    {
        var path = System.IO.Path.Combine(TestSite.RepoRoot, "docs", name);
        return new DocFile(path, Markdig.Markdown.Parse(File.ReadAllText(path), Pipeline));
    }

    /// <summary>Every <c>&lt;!-- example: input/… --&gt;</c> comment and the fenced block right after it.</summary>
    public IReadOnlyList<(string Path, string Text)> Examples()
    {
        var examples = new List<(string, string)>();
        var blocks = Document.ToList();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not HtmlBlock html)
            {
                continue;
            }
            var comment = html.Lines.ToString().Trim();
            if (!comment.StartsWith(ExamplePrefix, StringComparison.Ordinal))
            {
                continue;
            }
            Assert.True(comment.EndsWith(CommentEnd, StringComparison.Ordinal), $"{Path}({html.Line + 1}): unclosed example comment");
            var file = comment[ExamplePrefix.Length..^CommentEnd.Length].Trim();
            Assert.True(i + 1 < blocks.Count && blocks[i + 1] is FencedCodeBlock, $"{Path}({html.Line + 1}): example '{file}' is not followed by a fenced block");
            examples.Add((file, ((FencedCodeBlock)blocks[i + 1]).Lines.ToString() + "\n"));
        }
        return examples;
    }

    /// <summary>The rows of every table, keyed by the text of the heading above it and the row's first cell.</summary>
    public IReadOnlyList<TableRowText> Rows()
    {
        var rows = new List<TableRowText>();
        var heading = string.Empty;
        foreach (var block in Document)
        {
            switch (block)
            {
                case HeadingBlock h:
                    heading = PlainText(h.Inline);
                    break;
                case Table table:
                    var all = table.OfType<TableRow>().ToList();
                    var header = all.First(r => r.IsHeader).OfType<TableCell>().Select(Text).ToList();
                    foreach (var row in all.Where(r => !r.IsHeader))
                    {
                        var cells = row.OfType<TableCell>().ToList();
                        var columns = new Dictionary<string, TableCell>(StringComparer.Ordinal);
                        for (var c = 0; c < cells.Count && c < header.Count; c++)
                        {
                            columns[header[c]] = cells[c];
                        }
                        rows.Add(new TableRowText(heading, Text(cells[0]), Code(cells[0]), columns));
                    }
                    break;
            }
        }
        return rows;
    }

    /// <summary>The rows of the table under <paramref name="heading"/>.</summary>
    public IReadOnlyList<TableRowText> Table(string heading)
    {
        var rows = Rows().Where(r => r.Heading == heading).ToList();
        Assert.True(rows.Count > 0, $"{Path}: no table under the heading '{heading}'");
        return rows;
    }

    /// <summary>The code spans of the paragraphs, lists and tables under <paramref name="heading"/>, up to the next heading.</summary>
    public IReadOnlyList<string> CodeUnder(string heading)
    {
        var code = new List<string>();
        var current = string.Empty;
        foreach (var block in Document.Descendants<LeafBlock>())
        {
            if (block is HeadingBlock h)
            {
                current = PlainText(h.Inline);
            }
            else if (current == heading && block.Inline is { } inline)
            {
                code.AddRange(inline.Descendants<CodeInline>().Select(c => c.Content));
            }
        }
        Assert.True(code.Count > 0, $"{Path}: no code under the heading '{heading}'");
        return code;
    }

    /// <summary>The code spans of a cell (<c>`percent`</c>), in order.</summary>
    public static IReadOnlyList<string> Code(TableCell cell) =>
        cell.Descendants<CodeInline>().Select(c => c.Content).ToList();

    public static string Text(TableCell cell) =>
        string.Concat(cell.Descendants<ParagraphBlock>().Select(p => PlainText(p.Inline))).Trim();

    private static string PlainText(ContainerInline? inline) =>
        inline is null ? string.Empty : string.Concat(inline.Descendants<Inline>().Select(i => i switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            _ => string.Empty,
        })).Trim();
}

internal sealed record TableRowText(string Heading, string FirstCell, IReadOnlyList<string> FirstCellCode, IReadOnlyDictionary<string, TableCell> Columns)
{
    /// <summary>The row's key: the one code span of its first cell.</summary>
    public string Key => Assert.Single(FirstCellCode);

    public IReadOnlyList<string> CodeIn(string column) =>
        Columns.TryGetValue(column, out var cell) ? DocFile.Code(cell) : throw new InvalidOperationException($"no column '{column}' in the table under '{Heading}'");
}
