using System.Net;
using Hub.Site.Rendering;
using Scriban.Runtime;
using static Hub.Site.Rendering.ModelBuilder;

namespace Hub.Site.Content.Kpis;

/// <summary>
/// The <c>kpi</c> object templates see: the formula as shown, the calculator's inputs, the worked examples as
/// displayed, related KPIs and the catalogue questions that name it. Shared by its page and every <c>:::kpi</c> embed.
/// </summary>
public static class KpiModel
{
    public static ScriptObject Build(ModelBuilder models, KpiPage kpi)
    {
        var site = models.Site;
        var labels = kpi.Inputs.ToDictionary(i => i.Name, i => i.Label, StringComparer.Ordinal);
        var questions = site.Catalogues
            .SelectMany(c => c.Questions.Where(q => q.Kpis.Any(k => k.Slug == kpi.Slug)).Select(q => (Catalogue: c, Question: q)))
            .OrderBy(x => x.Catalogue.Lang == kpi.Lang ? 0 : 1).ThenBy(x => x.Catalogue.RootUrl, StringComparer.Ordinal)
            .Select(x => Obj(("text", x.Question.Text), ("url", site.Config.Url(x.Catalogue.RootUrl) + "#" + x.Question.Id),
                ("catalogue", x.Catalogue.Title), ("lang", x.Catalogue.Lang)))
            .ToList<object?>();
        var model = Obj(("slug", kpi.Slug), ("title", kpi.Title), ("abbr", kpi.Abbr), ("abbr_shown", kpi.AbbrToShow), ("url", site.Config.Url(kpi.RootUrl)),
            ("lang", kpi.Lang), ("formula", kpi.Formula.Expression),
            ("formula_html", models.FormulaHtml(kpi)),
            ("result", Obj(("format", kpi.Result.Format), ("decimals", kpi.Result.Decimals), ("better", kpi.Result.Better))),
            ("inputs", kpi.Inputs.Select(i => Obj(("name", i.Name), ("label", i.Label), ("unit", i.Unit), ("min", i.Min), ("max", i.Max),
                ("step", i.Step), ("default", i.Default), ("help", i.Help))).ToList<object?>()),
            ("cadence", kpi.Cadence), ("indicator", kpi.Indicator),
            ("examples", kpi.Examples.Select(e => Obj(
                ("inputs", kpi.Inputs.Where(i => e.Inputs.ContainsKey(i.Name)).Select(i => Obj(("name", i.Name), ("label", labels[i.Name]), ("unit", i.Unit),
                    ("value", e.Inputs[i.Name]), ("display", NumberDisplay.Input(e.Inputs[i.Name], i.Unit, kpi.Lang, site.Config.Currency)))).ToList<object?>()),
                ("result", e.Result), ("period", e.Period), ("conversions", KpiInsightsModel.ExampleConversions(models, kpi, e)),
                ("result_display", NumberDisplay.Format(e.Result, kpi.Result.Format, kpi.Result.Decimals, kpi.Lang, site.Config.Currency, MonthsUnit(models, kpi.Lang))))).ToList<object?>()),
            ("related", kpi.Related.Select(r => site.Find<KpiPage>(r.Slug, kpi.Lang)).OfType<KpiPage>()
                .Select(r => models.Summary(r)).ToList<object?>()),
            ("questions", questions),
            ("question_groups", QuestionGroups(models, kpi, sameLanguage: true)),
            ("question_elsewhere", QuestionGroups(models, kpi, sameLanguage: false)));
        KpiInsightsModel.Add(model, models, kpi);
        return model;
    }

    /// <summary>
    /// The catalogues with questions that name the KPI, in catalogue order: those in the page's language with their
    /// questions (<c>question_groups</c>), or those in other languages with only their count and language
    /// (<c>question_elsewhere</c>, shown as links, not as a list of text the reader may not read).
    /// </summary>
    private static List<object?> QuestionGroups(ModelBuilder models, KpiPage kpi, bool sameLanguage)
    {
        var site = models.Site;
        return site.Catalogues
            .Where(c => (c.Lang == kpi.Lang) == sameLanguage)
            .Select(c => (Catalogue: c, Questions: c.Questions.Where(q => q.Kpis.Any(k => k.Slug == kpi.Slug)).ToList()))
            .Where(x => x.Questions.Count > 0)
            .OrderBy(x => site.Config.Languages.ToList().IndexOf(x.Catalogue.Lang)).ThenBy(x => x.Catalogue.RootUrl, StringComparer.Ordinal)
            .Select(x => Obj(("title", x.Catalogue.Title), ("url", site.Config.Url(x.Catalogue.RootUrl)), ("lang", x.Catalogue.Lang),
                ("language_name", models.Strings(x.Catalogue.Lang)["language_name"] ?? x.Catalogue.Lang), ("count", x.Questions.Count),
                ("questions", x.Questions.Select(q => Obj(("id", q.Id), ("text", q.Text), ("url", site.Config.Url(x.Catalogue.RootUrl) + "#" + q.Id))).ToList<object?>())))
            .ToList<object?>();
    }

    private static string MonthsUnit(ModelBuilder models, string lang) =>
        models.Strings(lang)["kpi"] is ScriptObject kpi && kpi["units"] is ScriptObject units && units["months"] is string months ? months : "months";
}
