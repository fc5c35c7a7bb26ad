using Hub.Core.Diagnostics;
using Hub.Site.Config;
using Hub.Site.Yaml;
using YamlDotNet.RepresentationModel;

namespace Hub.Site.Content.Catalogues;

/// <summary>Loads <c>input/catalogues/*.yml</c> and validates it against the contract's schema.</summary>
public static class CatalogueLoader
{
    /// <summary>Query keys the catalogue page itself uses next to the facets (text filter, interview kit).</summary>
    public static readonly IReadOnlySet<string> ReservedQueryKeys = new HashSet<string>(StringComparer.Ordinal) { "q", "kit" };

    /// <summary>Element ids the page already uses (the default theme's, and every id starting with <c>catalogue-</c>).</summary>
    private static readonly HashSet<string> ReservedIds = new(StringComparer.Ordinal) { "main", "site-search", "toc-title" };
    private const string ReservedIdPrefix = "catalogue-";

    private static readonly HashSet<string> Keys = new(PageHeader.CommonKeys, StringComparer.Ordinal) { "audience", "facets", "questions", "scorecard" };
    private static readonly HashSet<string> QuestionKeys = new(StringComparer.Ordinal)
    {
        "id", "text", "intent", "lookFor", "redFlags", "followUps", "kpis", "tags", ScorecardLoader.QuestionKey,
    };
    private static readonly HashSet<string> FacetValueKeys = new(StringComparer.Ordinal) { "id", "label", "all" };

    public static CataloguePage? Load(ContentKind kind, string path, string displayPath, SiteConfig config, DiagnosticBag diagnostics)
    {
        var root = YamlSource.Load(TextFile.Read(path), displayPath, 1, diagnostics);
        if (root is null)
        {
            return null;
        }
        if (root is not YamlMappingNode mapping)
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, new SourceLocation(displayPath, 1, 1), "a catalogue must be a mapping with title, facets and questions");
            return null;
        }
        var map = new YamlMap(mapping, displayPath, 1, diagnostics);
        map.ReportUnknownKeys(Keys, "a catalogue", Severity.Error);
        var header = PageHeader.Read(map, path, config, diagnostics);
        var audience = map.String("audience");
        if (audience is not null and not "interviewer" and not "candidate")
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, map.LocationOf(map.Node("audience")!), $"audience '{audience}' must be interviewer or candidate");
        }
        var facets = ReadFacets(map, diagnostics);
        var scorecard = ScorecardLoader.Read(map, diagnostics);
        var questions = ReadQuestions(map, facets, scorecard, diagnostics);
        return new CataloguePage
        {
            Kind = kind,
            SourcePath = path,
            DisplayPath = displayPath,
            Header = header,
            Audience = audience,
            Facets = facets,
            Questions = questions,
            Scorecard = scorecard,
        };
    }

    private static List<Facet> ReadFacets(YamlMap map, DiagnosticBag diagnostics)
    {
        var facets = new List<Facet>();
        if (map.Map("facets") is not { } facetMap)
        {
            return facets;
        }
        foreach (var name in facetMap.Keys)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                // The name is the filter's URL key (?name=value) and the question key that assigns values.
                diagnostics.Error(DiagnosticCodes.InvalidValue, facetMap.KeyLocation(name), "a facet name cannot be empty", "name the facet, e.g. category");
                continue;
            }
            if (QuestionKeys.Contains(name))
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, facetMap.KeyLocation(name), $"'{name}' is a question key and cannot be a facet name");
                continue;
            }
            if (ReservedQueryKeys.Contains(name))
            {
                diagnostics.Error(DiagnosticCodes.ReservedName, facetMap.KeyLocation(name), $"'{name}' cannot be a facet name: the page's URL uses '?{name}=' for its own state",
                    "rename the facet");
                continue;
            }
            var values = new List<FacetValue>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            string? allValue = null;
            foreach (var value in facetMap.MapList(name))
            {
                value.ReportUnknownKeys(FacetValueKeys, $"a value of facet '{name}'", Severity.Error);
                var id = value.String("id", required: true);
                if (id is null)
                {
                    continue;
                }
                if (!ids.Add(id))
                {
                    diagnostics.Error(DiagnosticCodes.DuplicateId, value.LocationOf(value.Node("id")!), $"facet '{name}' declares value '{id}' twice");
                    continue;
                }
                var all = value.Bool("all") ?? false;
                if (all && allValue is not null)
                {
                    // Two such values would match exactly the same questions under every filter: one is enough.
                    diagnostics.Error(DiagnosticCodes.InvalidValue, value.LocationOf(value.Node("all")!),
                        $"facet '{name}' already has a value that matches every filter ('{allValue}')", $"remove 'all: true' from '{id}'");
                    all = false;
                }
                if (all)
                {
                    allValue = id;
                }
                values.Add(new FacetValue(id, value.String("label") ?? id, all));
            }
            facets.Add(new Facet(name, values));
        }
        return facets;
    }

    private static List<CatalogueQuestion> ReadQuestions(YamlMap map, List<Facet> facets, Scorecard? scorecard, DiagnosticBag diagnostics)
    {
        var questions = new List<CatalogueQuestion>();
        var ids = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var known = new HashSet<string>(QuestionKeys, StringComparer.Ordinal);
        known.UnionWith(facets.Select(f => f.Name));
        foreach (var q in map.MapList("questions", required: true))
        {
            q.ReportUnknownKeys(known, "a question", Severity.Error);
            var id = q.String("id", required: true);
            var text = q.String("text", required: true);
            if (id is null || text is null)
            {
                continue;
            }
            var idLocation = q.LocationOf(q.Node("id")!);
            if (!id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') || !char.IsAsciiLetter(id[0]))
            {
                diagnostics.Error(DiagnosticCodes.InvalidAnchorId, idLocation, $"question id '{id}' must start with a letter and use only letters, digits, '-' and '_'");
                continue;
            }
            if (ReservedIds.Contains(id) || id.StartsWith(ReservedIdPrefix, StringComparison.Ordinal))
            {
                diagnostics.Error(DiagnosticCodes.InvalidAnchorId, idLocation, $"question id '{id}' is already used by the page itself", $"choose another id (not '{ReservedIdPrefix}…')");
                continue;
            }
            if (ids.TryGetValue(id, out var first))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateId, idLocation, $"duplicate question id '{id}'", $"first used at line {first.Line}");
                continue;
            }
            ids[id] = idLocation;
            var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var facet in facets)
            {
                var list = new List<string>();
                foreach (var (value, location) in q.StringList(facet.Name))
                {
                    if (facet.Values.Any(v => v.Id == value))
                    {
                        list.Add(value);
                        continue;
                    }
                    var hint = DidYouMean.Closest(value, facet.Values.Select(v => v.Id));
                    diagnostics.Error(DiagnosticCodes.UndeclaredFacetValue, location, $"'{value}' is not a declared value of facet '{facet.Name}'",
                        hint is null ? $"declare it under facets.{facet.Name}" : $"did you mean '{hint}'?");
                }
                values[facet.Name] = list;
            }
            questions.Add(new CatalogueQuestion
            {
                Id = id,
                Text = text,
                Facets = values,
                Intent = q.String("intent"),
                LookFor = q.StringList("lookFor").Select(v => v.Value).ToList(),
                RedFlags = q.StringList("redFlags").Select(v => v.Value).ToList(),
                FollowUps = q.StringList("followUps").Select(v => v.Value).ToList(),
                Kpis = q.StringList("kpis"),
                Tags = q.StringList("tags").Select(v => v.Value).ToList(),
                Attributes = ScorecardLoader.QuestionAttributes(q, id, scorecard, diagnostics),
                Location = q.Location,
            });
        }
        return questions;
    }
}
