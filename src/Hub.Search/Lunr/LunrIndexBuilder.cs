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
        var fields = new LunrFieldTerms[fieldTokens.Count];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var f = 0; f < fields.Length; f++)
        {
            fields[f] = LunrFieldTerms.Count(fieldTokens[f], counts);
        }

        Add(documentRef, fields, boost);
    }

    /// <summary>
    /// Adds a document whose fields' terms are already counted (<see cref="LunrFieldTerms.Count"/>, which can run on
    /// any thread): the same index as adding its tokens, for less work in this call, which must be made in document order.
    /// </summary>
    public void Add(string documentRef, IReadOnlyList<LunrFieldTerms> fields, double boost = 1)
    {
        if (fields.Count != _fields.Length)
        {
            throw new ArgumentException($"Expected tokens for {_fields.Length} fields, got {fields.Count}.", nameof(fields));
        }

        if (!_refs.Add(documentRef))
        {
            throw new ArgumentException($"Duplicate document ref '{documentRef}'.", nameof(documentRef));
        }

        var document = new DocumentEntry(documentRef, boost, new (TermEntry Entry, int Frequency)[_fields.Length][], new int[_fields.Length]);
        for (var f = 0; f < _fields.Length; f++)
        {
            // In the order each term first occurs, so new terms get lunr's term indexes (lunr numbers a term when it
            // first meets it, token by token).
            var terms = fields[f].Terms;
            var counted = new (TermEntry, int)[terms.Count];
            for (var i = 0; i < terms.Count; i++)
            {
                var (term, frequency) = terms[i];
                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_terms, term, out var exists);
                if (!exists)
                {
                    entry = new TermEntry(term, _terms.Count - 1, _fields.Length);
                }

                entry!.AddRef(f, documentRef);
                counted[i] = (entry, frequency);
            }

            document.Frequencies[f] = counted;
            document.Lengths[f] = fields[f].Length;
        }

        _documents.Add(document);
    }

    public LunrIndex Build(ParallelOptions? parallel = null)
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
        foreach (var entry in _terms.Values)
        {
            entry.ComputeIdf(documentCount);
        }

        // Documents are scored independently (in parallel), and their vectors kept in the order they were added.
        var vectorsByDocument = new LunrFieldVector[_documents.Count][];
        Parallel.For(0, _documents.Count, parallel ?? new ParallelOptions(), d =>
        {
            var document = _documents[d];
            var documentBoost = JsBoost(document.Boost);
            var vectors = new LunrFieldVector[_fields.Length];
            for (var f = 0; f < _fields.Length; f++)
            {
                var fieldBoost = JsBoost(_fields[f].Boost);
                var fieldLength = (double)document.Lengths[f];
                var counted = document.Frequencies[f];
                var elements = new LunrVectorElement[counted.Length];
                for (var i = 0; i < counted.Length; i++)
                {
                    var (entry, frequency) = counted[i];
                    var idf = entry.Idf;
                    double tf = frequency;
                    var score = idf * ((_k1 + 1) * tf) / (_k1 * (1 - _b + _b * (fieldLength / averageLengths[f])) + tf);
                    score *= fieldBoost;
                    score *= documentBoost;
                    elements[i] = new LunrVectorElement(entry.Index, JsMath.Round(score * 1000) / 1000);
                }

                Array.Sort(elements, static (x, y) => x.TermIndex.CompareTo(y.TermIndex));
                vectors[f] = new LunrFieldVector(_fields[f].Name + "/" + document.Ref, elements);
            }

            vectorsByDocument[d] = vectors;
        });

        var vectors = new List<LunrFieldVector>(_documents.Count * _fields.Length);
        foreach (var documentVectors in vectorsByDocument)
        {
            vectors.AddRange(documentVectors);
        }

        var postings = _terms
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new LunrPosting(t.Key, t.Value.Index, t.Value.Refs()))
            .ToList();
        return new LunrIndex([.. _fields.Select(f => f.Name)], vectors, postings);
    }

    // lunr reads boosts as `boost || 1`: 0 and NaN mean 1.
    private static double JsBoost(double boost) => boost == 0 || double.IsNaN(boost) ? 1 : boost;

    private sealed record DocumentEntry(string Ref, double Boost, (TermEntry Entry, int Frequency)[][] Frequencies, int[] Lengths);

    // Reference equality: one entry per term.
    private sealed class TermEntry(string term, int index, int fieldCount)
    {
        private readonly List<string>?[] _refsByField = new List<string>?[fieldCount];

        public string Term { get; } = term;

        public int Index { get; } = index;

        public void AddRef(int field, string documentRef) => (_refsByField[field] ??= []).Add(documentRef);

        public IReadOnlyList<IReadOnlyList<string>> Refs() => [.. _refsByField.Select(r => (IReadOnlyList<string>?)r ?? [])];

        public double Idf { get; private set; }

        // lunr.idf: documents with the term are counted once per field they contain it in.
        public void ComputeIdf(int documentCount)
        {
            var documentsWithTerm = _refsByField.Sum(r => r?.Count ?? 0);
            var x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
            Idf = Math.Log(1 + Math.Abs(x));
        }
    }
}

/// <summary>
/// A field's distinct terms with their frequencies, in the order each first occurs, and its length in tokens (what
/// lunr's BM25 normalises by).
/// </summary>
public sealed record LunrFieldTerms(IReadOnlyList<(string Term, int Frequency)> Terms, int Length)
{
    /// <summary>Counts <paramref name="tokens"/>, using <paramref name="counts"/> (emptied first) as scratch space.</summary>
    public static LunrFieldTerms Count(IReadOnlyList<string> tokens, Dictionary<string, int> counts)
    {
        counts.Clear();
        foreach (var token in tokens)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(counts, token, out _)++;
        }

        var terms = new (string, int)[counts.Count];
        var i = 0;
        foreach (var pair in counts)
        {
            terms[i++] = (pair.Key, pair.Value);
        }

        return new LunrFieldTerms(terms, tokens.Count);
    }
}
