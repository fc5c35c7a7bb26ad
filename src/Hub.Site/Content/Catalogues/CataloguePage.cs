using Hub.Core.Diagnostics;

namespace Hub.Site.Content.Catalogues;

/// <summary>A value of a facet; <paramref name="All"/> marks the value (at most one per facet) that matches every filter.</summary>
public sealed record FacetValue(string Id, string Label, bool All = false);

/// <summary>A filter of the catalogue page: its name (the YAML key) and its values in the author's order.</summary>
public sealed record Facet(string Name, IReadOnlyList<FacetValue> Values)
{
    public string LabelOf(string id) => Values.FirstOrDefault(v => v.Id == id)?.Label ?? id;

    /// <summary>The value declared with <c>all: true</c>, if any: a question carrying it is meant for every value of the facet.</summary>
    public string? AllValue => Values.FirstOrDefault(v => v.All)?.Id;

    /// <summary>
    /// Whether a question carrying <paramref name="values"/> passes the filter <c>?{Name}={wanted}</c>: it carries the
    /// value, or the facet's all-value. The twin of <c>facetMatches</c> in the theme's <c>catalogue.js</c>.
    /// </summary>
    public bool Matches(IReadOnlyList<string> values, string wanted) =>
        values.Contains(wanted) || (AllValue is { } all && values.Contains(all));
}

public sealed record CatalogueQuestion
{
    public required string Id { get; init; }

    public required string Text { get; init; }

    /// <summary>Facet name -> the value ids this question carries.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Facets { get; init; }

    public string? Intent { get; init; }

    public IReadOnlyList<string> LookFor { get; init; } = [];

    public IReadOnlyList<string> RedFlags { get; init; } = [];

    public IReadOnlyList<string> FollowUps { get; init; } = [];

    public IReadOnlyList<(string Slug, SourceLocation Location)> Kpis { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The ids of the scorecard attributes the question informs, in the author's order.</summary>
    public IReadOnlyList<string> Attributes { get; init; } = [];

    public required SourceLocation Location { get; init; }
}

public sealed class CataloguePage : ContentPage
{
    public string? Audience { get; init; }

    public required IReadOnlyList<Facet> Facets { get; init; }

    public required IReadOnlyList<CatalogueQuestion> Questions { get; init; }

    /// <summary>What interviews with this catalogue are rated on, if it declares a scorecard.</summary>
    public Scorecard? Scorecard { get; init; }

    public override IEnumerable<string> Anchors => Questions.Select(q => q.Id);
}
