namespace Hub.Site.Content.Catalogues;

/// <summary>One attribute an interviewer rates: what it is, and what each point of the scale looks like for it.</summary>
/// <param name="Rubric">The anchor of each point, lowest first (as many as the scale has points), or empty.</param>
public sealed record ScorecardAttribute(string Id, string Label, string? Description, IReadOnlyList<string> Rubric);

/// <summary>
/// What a catalogue's interviews are scored on (<c>scorecard:</c>): the attributes, and a scale of
/// <see cref="Points"/> points. The default is four points without a neutral middle, so a rater has to lean one way;
/// a five-point scale may be declared. <see cref="Labels"/> are the author's names of the points, lowest first, or
/// empty for the theme's (<c>i18n.scorecard.scale_4</c>, <c>scale_5</c>).
/// </summary>
public sealed record Scorecard(int Points, IReadOnlyList<string> Labels, IReadOnlyList<ScorecardAttribute> Attributes)
{
    public const int DefaultPoints = 4;

    /// <summary>The scales a catalogue may declare.</summary>
    public static readonly IReadOnlyList<int> AllowedPoints = [4, 5];

    public ScorecardAttribute? Find(string id) => Attributes.FirstOrDefault(a => a.Id == id);
}
