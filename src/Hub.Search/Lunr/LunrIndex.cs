namespace Hub.Search.Lunr;

/// <summary>A built lunr 2.3.9 index, in the shape of <c>lunr.Index.prototype.toJSON</c>.</summary>
public sealed class LunrIndex
{
    public const string Version = "2.3.9";

    internal LunrIndex(IReadOnlyList<string> fields, IReadOnlyList<LunrFieldVector> fieldVectors, IReadOnlyList<LunrPosting> invertedIndex)
    {
        Fields = fields;
        FieldVectors = fieldVectors;
        InvertedIndex = invertedIndex;
    }

    public IReadOnlyList<string> Fields { get; }

    /// <summary>One vector per document and field, in the order documents were added.</summary>
    public IReadOnlyList<LunrFieldVector> FieldVectors { get; }

    /// <summary>Terms sorted by ordinal (UTF-16) order, as JavaScript's default sort does.</summary>
    public IReadOnlyList<LunrPosting> InvertedIndex { get; }
}

/// <summary><c>"field/ref"</c> and its elements, sorted by term index.</summary>
public sealed record LunrFieldVector(string FieldRef, IReadOnlyList<LunrVectorElement> Elements);

public readonly record struct LunrVectorElement(int TermIndex, double Score);

/// <summary>A term, its index in the vector space, and for each field (in field order) the refs containing it.</summary>
public sealed record LunrPosting(string Term, int TermIndex, IReadOnlyList<IReadOnlyList<string>> RefsByField);
