using Hub.Core.Diagnostics;
using Hub.Site.Content;
using Hub.Site.Content.Kpis;

namespace Hub.Site.Links;

/// <summary>References between pages that are not Markdown links: related KPIs, the KPIs a question names, and what each kind checks itself (<see cref="ContentKind.CheckReferences"/>).</summary>
public static class ReferenceChecks
{
    public static void Check(SiteContent site, DiagnosticBag diagnostics)
    {
        var kpiSlugs = site.Kpis.Select(k => k.Slug).Distinct().ToList();
        foreach (var kpi in site.Kpis)
        {
            foreach (var (slug, location) in kpi.Related)
            {
                if (site.Find<KpiPage>(slug, kpi.Lang) is null)
                {
                    diagnostics.Error(DiagnosticCodes.BrokenLink, location, $"related KPI '{slug}' does not exist",
                        DidYouMean.Hint(slug, kpiSlugs));
                }
            }
        }
        foreach (var page in site.Pages)
        {
            page.Kind.CheckReferences(page, site, diagnostics);
        }
        foreach (var catalogue in site.Catalogues)
        {
            foreach (var question in catalogue.Questions)
            {
                foreach (var (slug, location) in question.Kpis)
                {
                    if (site.Find<KpiPage>(slug, catalogue.Lang) is null)
                    {
                        diagnostics.Error(DiagnosticCodes.UnknownKpi, location, $"question '{question.Id}' names KPI '{slug}', which has no page",
                            DidYouMean.Hint(slug, kpiSlugs));
                    }
                }
            }
        }
    }
}
