using Hub.Core.Diagnostics;
using Hub.Markdown;

namespace Hub.Site.Content;

/// <summary>What every content page has, whatever its kind: identity, language, URL, metadata and body.</summary>
public abstract class ContentPage
{
    public required string SourcePath { get; init; }

    public required string DisplayPath { get; init; }

    public required PageHeader Header { get; init; }

    /// <summary>The page's content kind, which loaded it.</summary>
    public required ContentKind Kind { get; init; }

    /// <summary>The kind's section folder: articles, catalogues, kpis.</summary>
    public string Section => Kind.Section;

    /// <summary>The kind's layout name: article, catalogue, kpi, term.</summary>
    public string Layout => Kind.Layout;

    public string Lang => Header.Lang;

    public string Slug => Header.Slug;

    public string Title => Header.Title;

    /// <summary>The page's path from the site root, without the base path: <c>/ja/kpis/churn-rate/</c>.</summary>
    public string RootUrl => SiteUrls.Page(Lang, Section, Slug);

    /// <summary>The Markdown body, parsed; null for kinds without one (catalogues).</summary>
    public MarkdownPage? Body { get; init; }

    public int BodyFirstLine { get; init; } = 1;

    /// <summary>The version of the page's source file a translation of it records (<see cref="Translations.TranslationHash"/>), read once when asked.</summary>
    public string SourceHash => field ??= Translations.TranslationHash.OfFile(SourcePath);

    /// <summary>Every anchor id a link may target on this page.</summary>
    public virtual IEnumerable<string> Anchors => Body?.Headings.Select(h => h.Id) ?? [];

    /// <summary>Maps a 0-based line and column of the body to the file.</summary>
    public SourceLocation BodyLocation(int line, int column) => new(DisplayPath, BodyFirstLine + line, column + 1);
}
