using System.Collections;
using Hub.Site.Content.Articles;
using Hub.Site.Content.Catalogues;
using Hub.Site.Content.Glossary;
using Hub.Site.Content.Kpis;

namespace Hub.Site.Content;

/// <summary>
/// The content kinds of a site, in the order their sections are listed (navigation, home page). Built with
/// <see cref="ContentKindsBuilder"/>; <see cref="Default"/> registers articles, catalogues and KPIs.
/// </summary>
public sealed class ContentKinds : IReadOnlyList<ContentKind>
{
    /// <summary>Folders of <c>input/</c> and URL segments of a language that are not a kind's to take.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "tags", "search", "static", "_theme" };

    private readonly ContentKind[] _kinds;
    private readonly Dictionary<string, ContentKind> _bySection = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContentKind> _byName = new(StringComparer.Ordinal);

    internal ContentKinds(IEnumerable<ContentKind> kinds)
    {
        _kinds = [.. kinds];
        foreach (var kind in _kinds)
        {
            if (Reserved.Contains(kind.Section) || kind.Section.Length == 0 || kind.Section.Contains('/', StringComparison.Ordinal))
            {
                throw new ArgumentException($"the content kind '{kind.Name}' cannot use the folder '{kind.Section}'");
            }
            if (!_bySection.TryAdd(kind.Section, kind) || !_byName.TryAdd(kind.Name, kind))
            {
                throw new ArgumentException($"two content kinds are registered as '{kind.Name}' or in the folder '{kind.Section}'");
            }
        }
        Sections = [.. _kinds.Select(k => k.Section)];
        SearchKinds = _kinds.SelectMany(k => k.SearchKinds).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Articles, catalogues, KPIs and the glossary.</summary>
    public static ContentKinds Default { get; } = new ContentKindsBuilder().UseDefaultKinds().Build();

    /// <summary>Every kind's section, in registration order.</summary>
    public IReadOnlyList<string> Sections { get; }

    /// <summary>Every search document kind the registered kinds write.</summary>
    public IReadOnlySet<string> SearchKinds { get; }

    public int Count => _kinds.Length;

    public ContentKind this[int index] => _kinds[index];

    /// <summary>The kind whose folder is <paramref name="section"/>, if any.</summary>
    public ContentKind? BySection(string section) => _bySection.GetValueOrDefault(section);

    /// <summary>The kind <c>hub new</c> knows as <paramref name="name"/>, if any.</summary>
    public ContentKind? ByName(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The kind one of whose files <paramref name="relativePath"/> (from <c>input/</c>, '/'-separated) is, if any.</summary>
    public ContentKind? Claiming(string relativePath)
    {
        var slash = relativePath.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && BySection(relativePath[..slash]) is { } kind && kind.Claims(relativePath) ? kind : null;
    }

    public IEnumerator<ContentKind> GetEnumerator() => ((IEnumerable<ContentKind>)_kinds).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Registers content kinds, as Markdig's <c>MarkdownPipelineBuilder</c> registers extensions: <c>Use…()</c> calls, then <see cref="Build"/>.</summary>
public sealed class ContentKindsBuilder
{
    private readonly List<ContentKind> _kinds = [];

    /// <summary>Adds <paramref name="kind"/>; its section is listed after those registered before it.</summary>
    public ContentKindsBuilder Use(ContentKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        _kinds.Add(kind);
        return this;
    }

    /// <summary>Articles, catalogues, KPIs and the glossary, in that order.</summary>
    public ContentKindsBuilder UseDefaultKinds() => this.UseArticles().UseCatalogues().UseKpis().UseGlossary();

    /// <summary>The registry; throws <see cref="ArgumentException"/> when two kinds share a name or a folder.</summary>
    public ContentKinds Build() => new(_kinds);
}
