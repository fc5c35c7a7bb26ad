namespace Hub.Core.Diagnostics;

/// <summary>A point in a source file. Line and column are 1-based; column counts UTF-16 code units.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation FileOnly(string file) => new(file, 0, 0);

    public SourceLocation Offset(int lines, int columns) => this with { Line = Line + lines, Column = Column + columns };

    public override string ToString() => Line > 0 ? $"{File}({Line},{Column})" : File;
}
