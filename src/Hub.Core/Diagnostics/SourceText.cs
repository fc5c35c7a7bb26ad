namespace Hub.Core.Diagnostics;

/// <summary>Maps character offsets of a file's text to 1-based line and column.</summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string path, string text)
    {
        Path = path;
        Text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }
        _lineStarts = starts.ToArray();
    }

    public string Path { get; }

    public string Text { get; }

    public SourceLocation Locate(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }
        return new SourceLocation(Path, line + 1, offset - _lineStarts[line] + 1);
    }

    public int OffsetOf(int line, int column) =>
        line < 1 || line > _lineStarts.Length ? Text.Length : Math.Min(Text.Length, _lineStarts[line - 1] + column - 1);
}
