using System.Globalization;
using Hub.Core.Diagnostics;
using Hub.Site.Content;

namespace Hub.Site.Incremental;

/// <summary>
/// One content file's change: the page it gave before (null: none, or a draft) and after (null: deleted, failed to
/// load, or a draft now), and the diagnostics loading it reported.
/// </summary>
public sealed record PageChange(string SourcePath, string DisplayPath, ContentPage? Old, ContentPage? New, IReadOnlyList<Diagnostic> LoadDiagnostics)
{
    /// <summary>Same URL and translation group: links to it and its translations' language switchers stay as they are.</summary>
    public bool SameIdentity => Old is not null && New is not null && Old.RootUrl == New.RootUrl && Old.Header.TranslationKey == New.Header.TranslationKey;

    /// <summary>Whether the page's entry in lists, tag pages and feeds changed (everything <c>ModelBuilder</c>'s summary, with its kind's <see cref="ContentKind.SummaryFields"/>, and the list order read).</summary>
    public bool ListEntryChanged => Old is null || New is null || ListKey(Old) != ListKey(New);

    /// <summary>Whether what the navigation shows of the page (sidebar entry, previous/next link) or its place in its
    /// section's order (<see cref="Rendering.Navigation"/>) changed.</summary>
    public bool NavigationEntryChanged => Old is null || New is null || NavigationKey(Old) != NavigationKey(New);

    public bool AnchorsChanged => Old is null || New is null || !Old.Anchors.SequenceEqual(New.Anchors, StringComparer.Ordinal);

    public IEnumerable<ContentPage> Pages => new[] { Old, New }.OfType<ContentPage>();

    public PageChange Inverse(IReadOnlyList<Diagnostic> previousDiagnostics) => this with { Old = New, New = Old, LoadDiagnostics = previousDiagnostics };

    private static string NavigationKey(ContentPage page) => string.Join('\u0001',
        page.Lang, page.Section, page.RootUrl, page.Title, page.Header.Date?.ToString("O") ?? string.Empty,
        string.Join('\u0002', page.Kind.SummaryFields(page).Select(f => f.Key + "=" + (Convert.ToString(f.Value, CultureInfo.InvariantCulture) ?? "\u0003"))));

    private static string ListKey(ContentPage page) => string.Join('\u0001',
        page.Layout, page.Lang, page.RootUrl, page.Title, page.Header.Summary, page.Header.Date?.ToString("O") ?? string.Empty,
        string.Join('\u0002', page.Header.Tags),
        string.Join('\u0002', page.Kind.SummaryFields(page).Select(f => f.Key + "=" + (Convert.ToString(f.Value, CultureInfo.InvariantCulture) ?? "\u0003"))));
}
