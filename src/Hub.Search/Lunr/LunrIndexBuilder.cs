using System.Runtime.InteropServices;

namespace Hub.Search.Lunr;

/// <summary>
/// Builds what lunr.js 2.3.9's <c>lunr.Builder</c> builds from already tokenized fields, with the same
/// term indexes, BM25 scores (k1 = 1.2, b = 0.75, idf summed across fields, field and document
/// boosts) and rounding (<c>Math.round(x * 1000) / 1000</c>). No positions or other metadata.
/// </summary>
public sealed class LunrIndexBuilder
{
    private readonly LunrField[] _fields;
    private readonly double _k1;
    private readonly double _b;
    private readonly Dictionary<string, TermEntry> _terms = new(StringComparer.Ordinal);
    private readonly List<DocumentEntry> _documents = [];
    private readonly HashSet<string> _refs = new(StringComparer.Ordinal);

    public LunrIndexBuilder(IEnumerable<LunrField> fields, double k1 = 1.2, double b = 0.75)
    {
        _fields = [.. fields];
        if (_fields.Length == 0)
        {
            throw new ArgumentException("A lunr index needs at least one field.", nameof(fields));
        }

        foreach (var field in _fields)
        {
            if (field.Name.Contains('/', StringComparison.Ordinal) || field.Name == "_index" || JsObjectKeys.IsArrayIndex(field.Name))
            {
                throw new ArgumentException($"Field name '{field.Name}' cannot be used in a lunr index.", nameof(fields));
            }
        }

        if (_fields.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count() != _fields.Length)
        {
            throw new ArgumentException("Field names must be unique.", nameof(fields));
        }

        _k1 = k1;
        _b = Math.Clamp(b, 0, 1);
    }

    public IReadOnlyList<LunrField> Fields => _fields;

    /// <summary>Adds a document: <paramref name="fieldTokens"/> holds the tokens of each field, in field order.</summary>
    public void Add(string documentRef, IReadOnlyList<IReadOnlyList<string>> fieldTokens, double boost = 1)
    {
        if (fieldTokens.Count != _fields.Length)
        {
            throw new ArgumentException($"Expected tokens for {_fields.Length} fields, got {fieldTokens.Count}.", nameof(fieldTokens));
        }

        if (!_refs.Add(documentRef))
        {
            throw new ArgumentException($"Duplicate document ref '{documentRef}'.", nameof(documentRef));
        }

        var document = new DocumentEntry(documentRef, boost, new Dictionary<TermEntry, int>[_fields.Length], new int[_fields.Length]);
        for (var f = 0; f < _fields.Length; f++)
        {
            var frequencies = new Dictionary<TermEntry, int>();
            var tokens = fieldTokens[f];
            foreach (var term in tokens)
            {
                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_terms, term, out var exists);
                if (!exists)
                {
                    entry = new TermEntry(term, _terms.Count - 1, _fields.Length);
                }

                ref var frequency = ref CollectionsMarshal.GetValueRefOrAddDefault(frequencies, entry!, out exists);
                if (!exists)
                {
                    entry!.AddRef(f, documentRef);
                }

                frequency++;
            }

            document.Frequencies[f] = frequencies;
            document.Lengths[f] = tokens.Count;
        }

        _documents.Add(document);
    }

    public LunrIndex Build()
    {
        var averageLengths = new double[_fields.Length];
        for (var f = 0; f < _fields.Length; f++)
        {
            double sum = 0;
            foreach (var document in _documents)
            {
                sum += document.Lengths[f];
            }

            averageLengths[f] = sum / _documents.Count;
        }

        var documentCount = _documents.Count;
        var vectors = new List<LunrFieldVector>(_documents.Count * _fields.Length);
        foreach (var document in _documents)
        {
            var documentBoost = JsBoost(document.Boost);
            for (var f = 0; f < _fields.Length; f++)
            {
                var fieldBoost = JsBoost(_fields[f].Boost);
                var fieldLength = (double)document.Lengths[f];
                var elements = new List<LunrVectorElement>(document.Frequencies[f].Count);
                foreach (var (entry, frequency) in document.Frequencies[f])
                {
                    var idf = entry.Idf(documentCount);
                    double tf = frequency;
                    var score = idf * ((_k1 + 1) * tf) / (_k1 * (1 - _b + _b * (fieldLength / averageLengths[f])) + tf);
                    score *= fieldBoost;
                    score *= documentBoost;
                    elements.Add(new LunrVectorElement(entry.Index, JsMath.Round(score * 1000) / 1000));
                }

                elements.Sort((x, y) => x.TermIndex.CompareTo(y.TermIndex));
                vectors.Add(new LunrFieldVector(_fields[f].Name + "/" + document.Ref, elements));
            }
        }

        var postings = _terms
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new LunrPosting(t.Key, t.Value.Index, t.Value.Refs()))
            .ToList();
        return new LunrIndex([.. _fields.Select(f => f.Name)], vectors, postings);
    }

    // lunr reads boosts as `boost || 1`: 0 and NaN mean 1.
    private static double JsBoost(double boost) => boost == 0 || double.IsNaN(boost) ? 1 : boost;

    private sealed record DocumentEntry(string Ref, double Boost, Dictionary<TermEntry, int>[] Frequencies, int[] Lengths);

    // Reference equality: one entry per term.
    private sealed class TermEntry(string term, int index, int fieldCount)
    {
        private readonly List<string>?[] _refsByField = new List<string>?[fieldCount];
        private double? _idf;

        public string Term { get; } = term;

        public int Index { get; } = index;

        public void AddRef(int field, string documentRef) => (_refsByField[field] ??= []).Add(documentRef);

        public IReadOnlyList<IReadOnlyList<string>> Refs() => [.. _refsByField.Select(r => (IReadOnlyList<string>?)r ?? [])];

        // lunr.idf: documents with the term are counted once per field they contain it in.
        public double Idf(int documentCount)
        {
            if (_idf is { } cached)
            {
                return cached;
            }

            var documentsWithTerm = _refsByField.Sum(r => r?.Count ?? 0);
            var x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
            _idf = Math.Log(1 + Math.Abs(x));
            return _idf.Value;
        }
    }
}
