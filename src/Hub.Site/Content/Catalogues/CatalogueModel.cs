using Hub.Site.Content.Kpis;
using Hub.Site.Rendering;
using Scriban.Runtime;

namespace Hub.Site.Content.Catalogues;

/// <summary>
/// The <c>catalogue</c> object templates see: facets with their labels and counts, every question, and the questions
/// grouped by the first facet. Built once per catalogue and shared by its page and every <c>:::questions</c> embed.
/// </summary>
public static class CatalogueModel
{
    public static ScriptObject Build(ModelBuilder models, CataloguePage catalogue)
    {
        var strings = models.Strings(catalogue.Lang)["catalogue"] as ScriptObject;
        var facets = catalogue.Facets.Select(f => ModelBuilder.Obj(("name", f.Name), ("label", FacetLabel(models, catalogue.Lang, f.Name)),
            ("all_value", f.AllValue),
            ("values", f.Values.Select(v => ModelBuilder.Obj(("id", v.Id), ("label", v.Label), ("all", v.All),
                ("count", catalogue.Questions.Count(q => f.Matches(q.Facets[f.Name], v.Id))))).ToList<object?>()))).ToList<object?>();
        var questions = catalogue.Questions.Select((q, i) => QuestionModel(models, catalogue, q, i + 1)).ToList();
        var groups = Groups(catalogue, questions, strings?["other"] as string ?? "—");
        return ModelBuilder.Obj(("slug", catalogue.Slug), ("title", catalogue.Title), ("summary", catalogue.Header.Summary),
            ("url", models.Site.Config.Url(catalogue.RootUrl)), ("permalink", models.Site.Config.AbsoluteUrl(catalogue.RootUrl)),
            ("lang", catalogue.Lang), ("audience", catalogue.Audience),
            ("facets", facets), ("questions", questions.Select(q => (object?)q.Model).ToList()), ("groups", groups),
            ("count", catalogue.Questions.Count), ("scorecard", ScorecardModel(models, catalogue)));
    }

    /// <summary>
    /// The scale's points, lowest first, each with its label (the author's, else the theme's
    /// <c>i18n.scorecard.scale_4</c> or <c>scale_5</c>, else the number), and the attributes with their rubric per point.
    /// </summary>
    private static ScriptObject? ScorecardModel(ModelBuilder models, CataloguePage catalogue)
    {
        if (catalogue.Scorecard is not { } scorecard)
        {
            return null;
        }
        var theme = (models.Strings(catalogue.Lang)["scorecard"] as ScriptObject)?["scale_" + scorecard.Points] as System.Collections.IList;
        string Label(int i) => scorecard.Labels.Count == scorecard.Points ? scorecard.Labels[i]
            : theme is not null && theme.Count == scorecard.Points && theme[i] is string s ? s
            : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var scale = Enumerable.Range(0, scorecard.Points).Select(i => ModelBuilder.Obj(("value", i + 1), ("label", Label(i)))).ToList<object?>();
        var attributes = scorecard.Attributes.Select(a => ModelBuilder.Obj(("id", a.Id), ("label", a.Label), ("description", a.Description),
            ("rubric", a.Rubric.Select((anchor, i) => ModelBuilder.Obj(("value", i + 1), ("label", Label(i)), ("anchor", anchor))).ToList<object?>()),
            ("questions", catalogue.Questions.Where(q => q.Attributes.Contains(a.Id)).Select(q => (object?)q.Id).ToList()))).ToList<object?>();
        return ModelBuilder.Obj(("points", scorecard.Points), ("scale", scale), ("attributes", attributes));
    }

    /// <summary>A facet's heading: the theme's string for well-known names (<c>i18n.catalogue.facets.*</c>), else the name itself.</summary>
    private static string FacetLabel(ModelBuilder models, string lang, string name)
    {
        var strings = models.Strings(lang);
        return (strings["catalogue"] as ScriptObject)?["facets"] is ScriptObject own && own[name] is string label ? label
            : strings["facets"] is ScriptObject shared && shared[name] is string sharedLabel ? sharedLabel
            : name;
    }

    /// <summary>Each question goes under the first value of the first facet; questions without one form a last group.</summary>
    private static List<object?> Groups(CataloguePage catalogue, List<(CatalogueQuestion Question, ScriptObject Model)> questions, string otherLabel)
    {
        var first = catalogue.Facets.FirstOrDefault();
        if (first is null)
        {
            return [Group(0, "all", catalogue.Title, questions)];
        }
        var groups = first.Values
            .Select(v => (v.Id, v.Label, Questions: questions.Where(q => q.Question.Facets[first.Name].FirstOrDefault() == v.Id).ToList()))
            .Append((Id: string.Empty, Label: otherLabel, Questions: questions.Where(q => q.Question.Facets[first.Name].Count == 0).ToList()))
            .Where(g => g.Questions.Count > 0)
            .Select((g, i) => (object?)Group(i + 1, g.Id, g.Label, g.Questions))
            .ToList();
        return groups;
    }

    private static ScriptObject Group(int index, string id, string label, List<(CatalogueQuestion Question, ScriptObject Model)> questions) =>
        ModelBuilder.Obj(("id", id), ("anchor", $"catalogue-group-{index}"), ("label", label),
            ("questions", questions.Select(q => (object?)q.Model).ToList()));

    private static (CatalogueQuestion Question, ScriptObject Model) QuestionModel(ModelBuilder models, CataloguePage catalogue, CatalogueQuestion q, int number)
    {
        var facets = catalogue.Facets.Select(f => ModelBuilder.Obj(("name", f.Name), ("label", FacetLabel(models, catalogue.Lang, f.Name)),
            ("values", q.Facets[f.Name].Select(id => ModelBuilder.Obj(("id", id), ("label", f.LabelOf(id)))).ToList<object?>()))).ToList<object?>();
        var kpis = q.Kpis.Select(k => models.Site.Find<KpiPage>(k.Slug, catalogue.Lang)).OfType<KpiPage>()
            .Select(k => ModelBuilder.Obj(("slug", k.Slug), ("title", k.Title), ("abbr", k.Abbr), ("lang", k.Lang), ("url", models.Site.Config.Url(k.RootUrl))))
            .ToList<object?>();
        var model = ModelBuilder.Obj(("id", q.Id), ("number", number), ("text", q.Text), ("intent", q.Intent),
            ("look_for", q.LookFor.ToList<object?>()), ("red_flags", q.RedFlags.ToList<object?>()), ("follow_ups", q.FollowUps.ToList<object?>()),
            ("kpis", kpis), ("tags", q.Tags.ToList<object?>()), ("facets", facets),
            ("attributes", q.Attributes.Select(id => ModelBuilder.Obj(("id", id), ("label", catalogue.Scorecard?.Find(id)?.Label ?? id))).ToList<object?>()),
            ("has_details", q.Intent is not null || q.LookFor.Count > 0 || q.RedFlags.Count > 0 || q.FollowUps.Count > 0),
            ("url", models.Site.Config.Url(catalogue.RootUrl) + "#" + q.Id));
        return (q, model);
    }
}
