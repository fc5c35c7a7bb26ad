using Hub.Site.Rendering;
using Scriban.Runtime;
using static Hub.Site.Rendering.ModelBuilder;

namespace Hub.Site.Content.Kpis;

/// <summary>
/// A KPI's <c>category</c>: a closed set, so every language's theme can name each one (<c>i18n.kpi.categories</c>), in
/// the order lists show them, the measures a Customer Success team reaches for first leading. Within a category KPIs
/// go by <c>order</c> (lowest first; without one, after those with one), then by title. KPIs without a category come last.
/// </summary>
public static class KpiCategories
{
    public static readonly IReadOnlyList<string> All = ["retention", "revenue", "engagement", "acquisition", "sales", "efficiency"];

    /// <summary>The group of KPIs without a category, named <c>other</c> in the theme's strings.</summary>
    public const string Other = "other";

    /// <summary>KPIs in list order: by category, then <c>order</c>, then title and URL.</summary>
    public static IEnumerable<KpiPage> Ordered(IEnumerable<KpiPage> kpis) =>
        kpis.OrderBy(k => k.Category is { } c ? IndexOf(c) : All.Count)
            .ThenBy(k => k.Order ?? int.MaxValue)
            .ThenBy(k => k.Title, StringComparer.Ordinal).ThenBy(k => k.RootUrl, StringComparer.Ordinal);

    private static int IndexOf(string category)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i] == category)
            {
                return i;
            }
        }
        return All.Count;
    }

    /// <summary>
    /// The template groups of <paramref name="kpis"/> (<c>page.groups</c>): each category with any KPI, in category order,
    /// as <c>name</c>, <c>title</c> (the theme's label, else the name) and <c>pages</c> (list entries, in order). Each
    /// entry is the page's summary with what the KPI index shows as a dashboard: <c>formula_html</c> (the formula as
    /// its page typesets it, in the inputs' labels), <c>default_result</c> (null when the defaults give none) and
    /// <c>default_display</c> (the result the calculator opens with, computed by the build's formulas).
    /// </summary>
    public static List<object?> Groups(IEnumerable<KpiPage> kpis, ModelBuilder models, string lang)
    {
        var labels = models.Strings(lang)["kpi"] is ScriptObject kpi && kpi["categories"] is ScriptObject c ? c : null;
        return Ordered(kpis)
            .GroupBy(k => k.Category ?? Other)
            .Select(g => Obj(("name", g.Key), ("title", labels?[g.Key] as string ?? g.Key),
                ("pages", g.Select(k => (object?)Card(k, models)).ToList())))
            .ToList<object?>();
    }

    // A copy: the summary itself is shared by every list that shows the page.
    private static ScriptObject Card(KpiPage kpi, ModelBuilder models)
    {
        var card = new ScriptObject();
        foreach (var (key, value) in models.Summary(kpi))
        {
            card[key] = value;
        }
        var model = models.Kpi(kpi);
        card["formula_html"] = model["formula_html"];
        card["default_result"] = model["default_result"];
        card["default_display"] = model["default_display"];
        return card;
    }
}
