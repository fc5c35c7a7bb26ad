using Hub.Core.Diagnostics;
using Hub.Site.Yaml;
using YamlDotNet.RepresentationModel;

namespace Hub.Site.Content.Catalogues;

/// <summary>Reads a catalogue's <c>scorecard:</c> and checks the attributes each question names.</summary>
public static class ScorecardLoader
{
    /// <summary>The question key that names the attributes a question informs.</summary>
    public const string QuestionKey = "attributes";

    private static readonly HashSet<string> Keys = new(StringComparer.Ordinal) { "scale", "labels", "attributes" };
    /// <summary>Names the interview form gives its own fields; an attribute's ratings are named by its id.</summary>
    public static readonly IReadOnlySet<string> ReservedAttributeIds = new HashSet<string>(StringComparer.Ordinal)
    {
        "candidate", "interviewer", "date", "recommendation", "probe",
    };

    private static readonly HashSet<string> AttributeKeys = new(StringComparer.Ordinal) { "id", "label", "description", "rubric" };

    public static Scorecard? Read(YamlMap catalogue, DiagnosticBag diagnostics)
    {
        if (catalogue.Node("scorecard") is null)
        {
            return null;
        }
        if (catalogue.Map("scorecard") is not { } map)
        {
            return null;
        }
        map.ReportUnknownKeys(Keys, "a scorecard", Severity.Error);
        var points = Scorecard.DefaultPoints;
        if (map.Node("scale") is { } scaleNode)
        {
            var allowed = string.Join(" or ", Scorecard.AllowedPoints);
            if (scaleNode is YamlScalarNode { Value: { } text } && int.TryParse(text, out var n) && Scorecard.AllowedPoints.Contains(n))
            {
                points = n;
            }
            else
            {
                diagnostics.Error(DiagnosticCodes.InvalidScale, map.LocationOf(scaleNode), $"scale '{Describe(scaleNode)}' must be {allowed} points",
                    "leave it out for the default: 4 points with no neutral middle");
            }
        }
        var labels = map.StringList("labels");
        if (labels.Count > 0 && labels.Count != points)
        {
            diagnostics.Error(DiagnosticCodes.InvalidScale, map.LocationOf(map.Node("labels")!),
                $"a {points}-point scale needs {points} labels, lowest first; 'labels' has {labels.Count}");
        }
        foreach (var (_, emptyAt) in labels.Where(l => string.IsNullOrWhiteSpace(l.Value)))
        {
            diagnostics.Error(DiagnosticCodes.InvalidScale, emptyAt, "a scale label cannot be empty");
        }
        var attributes = new List<ScorecardAttribute>();
        var ids = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var list = map.MapList("attributes", required: true);
        if (list.Count == 0 && map.Node("attributes") is YamlSequenceNode emptyList)
        {
            diagnostics.Error(DiagnosticCodes.RequiredKeyMissing, map.LocationOf(emptyList), "a scorecard needs at least one attribute");
        }
        foreach (var a in list)
        {
            a.ReportUnknownKeys(AttributeKeys, "a scorecard attribute", Severity.Error);
            var id = a.String("id", required: true);
            var label = a.String("label", required: true);
            if (id is null || label is null)
            {
                continue;
            }
            var at = a.LocationOf(a.Node("id")!);
            if (!IsId(id))
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, at, $"attribute id '{id}' must start with a letter and use only letters, digits, '-' and '_'");
                continue;
            }
            if (ReservedAttributeIds.Contains(id))
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, at, $"attribute id '{id}' is a field of the interview form", "choose another id");
                continue;
            }
            if (ids.TryGetValue(id, out var first))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateId, at, $"the scorecard declares attribute '{id}' twice", $"first declared at line {first.Line}");
                continue;
            }
            ids[id] = at;
            var rubric = a.StringList("rubric");
            if (rubric.Count > 0 && rubric.Count != points)
            {
                diagnostics.Error(DiagnosticCodes.InvalidScale, a.LocationOf(a.Node("rubric")!),
                    $"attribute '{id}' has {rubric.Count} rubric anchors for a {points}-point scale", $"write one per point, lowest first ({points})");
            }
            attributes.Add(new ScorecardAttribute(id, label, a.String("description"), rubric.Count == points ? rubric.Select(r => r.Value).ToList() : []));
        }
        return new Scorecard(points, labels.Count == points ? labels.Select(l => l.Value).ToList() : [], attributes);
    }

    /// <summary>
    /// The attributes a question names: each must be declared, and where a scorecard is declared every question names
    /// at least one, so every answer is rated against the same key.
    /// </summary>
    public static IReadOnlyList<string> QuestionAttributes(YamlMap question, string id, Scorecard? scorecard, DiagnosticBag diagnostics)
    {
        var named = question.StringList(QuestionKey);
        var result = new List<string>();
        foreach (var (value, location) in named)
        {
            if (scorecard is null)
            {
                diagnostics.Error(DiagnosticCodes.UnknownAttribute, location, $"question '{id}' names attribute '{value}', but the catalogue declares no scorecard",
                    "declare the attributes under 'scorecard:'");
                continue;
            }
            if (scorecard.Find(value) is null)
            {
                var hint = DidYouMean.Closest(value, scorecard.Attributes.Select(a => a.Id));
                diagnostics.Error(DiagnosticCodes.UnknownAttribute, location, $"question '{id}' names attribute '{value}', which the scorecard does not declare",
                    hint is null ? $"declared: {string.Join(", ", scorecard.Attributes.Select(a => a.Id))}" : $"did you mean '{hint}'?");
                continue;
            }
            if (!result.Contains(value, StringComparer.Ordinal))
            {
                result.Add(value);
            }
        }
        if (scorecard is { Attributes.Count: > 0 } && named.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.AttributeMissing, question.LocationOf(question.Node("id")!),
                $"question '{id}' names no scorecard attribute", $"add '{QuestionKey}: [{scorecard.Attributes[0].Id}]'");
        }
        return result;
    }

    private static bool IsId(string id) => id.Length > 0 && char.IsAsciiLetter(id[0]) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Describe(YamlNode node) => node is YamlScalarNode s ? s.Value ?? string.Empty : node.NodeType.ToString().ToLowerInvariant();
}
