using Hub.Core.Diagnostics;

namespace Hub.Site.Content.Catalogues;

public sealed record FacetValue(string Id, string Label);

/// <summary>A filter of the catalogue page: its name (the YAML key) and its values in the author's order.</summary>
public sealed record Facet(string Name, IReadOnlyList<FacetValue> Values)
{
    public string LabelOf(string id) => Values.FirstOrDefault(v => v.Id == id)?.Label ?? id;
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

    public required SourceLocation Location { get; init; }
}

public sealed class CataloguePage : ContentPage
{
    public const string SectionName = "catalogues";

    public override string Section => SectionName;

    public override string Layout => "catalogue";

    public string? Audience { get; init; }

    public required IReadOnlyList<Facet> Facets { get; init; }

    public required IReadOnlyList<CatalogueQuestion> Questions { get; init; }

    public override IEnumerable<string> Anchors => Questions.Select(q => q.Id);
}
