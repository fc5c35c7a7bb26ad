using System.Collections.Concurrent;

namespace Hub.Core.Diagnostics;

/// <summary>Collects the diagnostics of one build. Thread-safe: pages are loaded and rendered in parallel.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    /// <summary>Reports <paramref name="descriptor"/> with its default severity.</summary>
    public void Report(DiagnosticDescriptor descriptor, SourceLocation location, string message, string? hint = null) =>
        Add(descriptor.Create(location, message, hint));

    public void Error(DiagnosticDescriptor descriptor, SourceLocation location, string message, string? hint = null) =>
        Add(descriptor.Create(location, message, hint, Severity.Error));

    public void Warning(DiagnosticDescriptor descriptor, SourceLocation location, string message, string? hint = null) =>
        Add(descriptor.Create(location, message, hint, Severity.Warning));

    /// <summary>Forgets everything reported: a preview server reuses a build's state for the next edit.</summary>
    public void Clear() => _items.Clear();

    public bool HasErrors => _items.Any(d => d.IsError);

    public int Count => _items.Count;

    /// <summary>All diagnostics in a stable order: by file, line, column, code, message.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.OrderBy(d => d.Location.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();

    /// <summary>Turns warnings into errors (<c>--strict</c>).</summary>
    public IReadOnlyList<Diagnostic> Sorted(bool strict) =>
        strict ? Sorted().Select(d => d with { Severity = Severity.Error }).ToList() : Sorted();
}
