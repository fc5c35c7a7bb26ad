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
        var model = Obj(("slug", kpi.Slug), ("title", kpi.Title), ("abbr", kpi.Abbr), ("url", site.Config.Url(kpi.RootUrl)),
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
            ("questions", questions));
        KpiInsightsModel.Add(model, models, kpi);
        return model;
    }

    private static string MonthsUnit(ModelBuilder models, string lang) =>
        models.Strings(lang)["kpi"] is ScriptObject kpi && kpi["units"] is ScriptObject units && units["months"] is string months ? months : "months";
}
