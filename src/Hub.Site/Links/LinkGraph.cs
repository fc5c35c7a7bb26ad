namespace Hub.Site.Links;

/// <summary>A checked link from one page to another: source files of both pages, and the anchor it names (unescaped), if any.</summary>
public readonly record struct LinkEdge(string From, string To, string? Anchor);

/// <summary>
/// The links between pages that <see cref="LinkResolver"/> resolved and checked, both ways: what each page links to
/// and what links to each page (its backlinks). Pages are named by their source file, so an edited page keeps its
/// backlinks and its links replace its old ones. Safe to fill from the threads that resolve pages in parallel.
/// </summary>
public sealed class LinkGraph
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, IReadOnlyList<LinkEdge>> _outgoing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<LinkEdge>> _incoming = new(StringComparer.Ordinal);

    /// <summary>Replaces the links of the page at <paramref name="from"/> (null or empty: it has none).</summary>
    public void Set(string from, IReadOnlyList<LinkEdge>? edges)
    {
        lock (_lock)
        {
            if (_outgoing.Remove(from, out var old))
            {
                foreach (var edge in old)
                {
                    if (_incoming.TryGetValue(edge.To, out var list))
                    {
                        list.Remove(edge);
                        if (list.Count == 0)
                        {
                            _incoming.Remove(edge.To);
                        }
                    }
                }
            }
            if (edges is null || edges.Count == 0)
            {
                return;
            }
            _outgoing[from] = edges;
            foreach (var edge in edges)
            {
                if (!_incoming.TryGetValue(edge.To, out var list))
                {
                    _incoming[edge.To] = list = [];
                }
                list.Add(edge);
            }
        }
    }

    /// <summary>The links of the page at <paramref name="from"/>.</summary>
    public IReadOnlyList<LinkEdge> From(string from)
    {
        lock (_lock)
        {
            return _outgoing.TryGetValue(from, out var edges) ? edges : [];
        }
    }

    /// <summary>The links to the page at <paramref name="to"/>, from every page.</summary>
    public IReadOnlyList<LinkEdge> To(string to)
    {
        lock (_lock)
        {
            return _incoming.TryGetValue(to, out var edges) ? [.. edges] : [];
        }
    }

    /// <summary>Every link, for tests and tools: ordered by source, then target, then anchor.</summary>
    public IReadOnlyList<LinkEdge> All()
    {
        lock (_lock)
        {
            return [.. _outgoing.Values.SelectMany(e => e)
                .OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).ThenBy(e => e.Anchor, StringComparer.Ordinal)];
        }
    }
}
