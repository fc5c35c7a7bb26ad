using Hub.Site.Content.Kpis;
using Hub.Site.Rendering;
using Scriban.Runtime;

namespace Hub.Site.Content.Catalogues;

/// <summary>The <c>catalogue</c> object templates see: facets with counts, questions, and questions grouped by the first facet.</summary>
public static class CatalogueModel
{
    public static ScriptObject Build(ModelBuilder models, CataloguePage catalogue)
    {
        var facetLabels = models.Strings(catalogue.Lang)["facets"] as ScriptObject;
        var facets = catalogue.Facets.Select(f => ModelBuilder.Obj(("name", f.Name), ("label", facetLabels?[f.Name] as string ?? f.Name),
            ("values", f.Values.Select(v => ModelBuilder.Obj(("id", v.Id), ("label", v.Label),
                ("count", catalogue.Questions.Count(q => q.Facets[f.Name].Contains(v.Id))))).ToList<object?>()))).ToList<object?>();
        var questions = catalogue.Questions.Select(q => QuestionModel(models, catalogue, q)).ToList();
        var first = catalogue.Facets.FirstOrDefault();
        var groups = first is null
            ? [ModelBuilder.Obj(("id", "all"), ("label", catalogue.Title), ("questions", questions.Select(q => (object?)q.Model).ToList()))]
            : first.Values.Select(v => ModelBuilder.Obj(("id", v.Id), ("label", v.Label),
                    ("questions", questions.Where(q => q.Question.Facets[first.Name].FirstOrDefault() == v.Id).Select(q => (object?)q.Model).ToList())))
                .Append(ModelBuilder.Obj(("id", "other"), ("label", "—"),
                    ("questions", questions.Where(q => q.Question.Facets[first.Name].Count == 0).Select(q => (object?)q.Model).ToList())))
                .Where(g => g["questions"] is List<object?> { Count: > 0 })
                .ToList();
        return ModelBuilder.Obj(("slug", catalogue.Slug), ("title", catalogue.Title), ("summary", catalogue.Header.Summary),
            ("url", models.Site.Config.Url(catalogue.RootUrl)), ("lang", catalogue.Lang), ("audience", catalogue.Audience),
            ("facets", facets), ("questions", questions.Select(q => (object?)q.Model).ToList()), ("groups", groups.ToList<object?>()),
            ("count", catalogue.Questions.Count));
    }

    private static (CatalogueQuestion Question, ScriptObject Model) QuestionModel(ModelBuilder models, CataloguePage catalogue, CatalogueQuestion q)
    {
        var facets = catalogue.Facets.Select(f => ModelBuilder.Obj(("name", f.Name),
            ("values", q.Facets[f.Name].Select(id => ModelBuilder.Obj(("id", id), ("label", f.LabelOf(id)))).ToList<object?>()))).ToList<object?>();
        var kpis = q.Kpis.Select(k => models.Site.Find<KpiPage>(k.Slug, catalogue.Lang)).OfType<KpiPage>()
            .Select(k => ModelBuilder.Obj(("title", k.Title), ("abbr", k.Abbr), ("url", models.Site.Config.Url(k.RootUrl)))).ToList<object?>();
        var model = ModelBuilder.Obj(("id", q.Id), ("text", q.Text), ("intent", q.Intent),
            ("look_for", q.LookFor.ToList<object?>()), ("red_flags", q.RedFlags.ToList<object?>()), ("follow_ups", q.FollowUps.ToList<object?>()),
            ("kpis", kpis), ("tags", q.Tags.ToList<object?>()), ("facets", facets),
            ("facet_data", string.Join(' ', catalogue.Facets.Select(f => $"{f.Name}:{string.Join(',', q.Facets[f.Name])}"))),
            ("url", models.Site.Config.Url(catalogue.RootUrl) + "#" + q.Id));
        return (q, model);
    }
}
