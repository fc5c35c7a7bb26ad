using Hub.Core.Diagnostics;

namespace Hub.Site.Content.Glossary;

/// <summary>A glossary term in one language: its title is the term; it has a reading, aliases, a short definition and related pages.</summary>
public sealed class GlossaryPage : ContentPage
{
    /// <summary>How the term is read (kana for Japanese, Hangul for Korean), or null when the term itself says it.</summary>
    public string? Reading { get; init; }

    /// <summary>Other spellings of the term (an abbreviation's expansion, a translation in use), each where it is written.</summary>
    public IReadOnlyList<(string Value, SourceLocation Location)> Aliases { get; init; } = [];

    /// <summary>The short definition, plain text: shown on the term's page, in the index and wherever the term is explained.</summary>
    public required string Definition { get; init; }

    /// <summary>Related pages as written (<c>kpis/churn-rate</c>: a section and a slug), each where it is written.</summary>
    public IReadOnlyList<(string Reference, SourceLocation Location)> Related { get; init; } = [];

    /// <summary>Where the term (<c>title</c>) is written.</summary>
    public required SourceLocation TitleLocation { get; init; }

    /// <summary>The word the index places and sorts the term by: its reading, else the term.</summary>
    public string IndexWord => Reading ?? Title;

    /// <summary>The term and its aliases, each where it is written: the words the glossary explains.</summary>
    public IEnumerable<(string Word, SourceLocation Location)> Words => Aliases.Prepend((Title, TitleLocation));
}
