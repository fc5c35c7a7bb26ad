using Hub.Search;
using Hub.Site.Content;
using Hub.Site.Content.Catalogues;
using Hub.Site.Content.Kpis;
using Hub.Site.Rendering;

namespace Hub.Site.Search;

/// <summary>
/// Turns the site's content into search documents (each page, each KPI, and each catalogue question with its
/// deep link) and writes the per-language lunr indexes plus lunr.js itself.
/// </summary>
public static class SearchStep
{
    /// <summary>The folder of the index and store files (<c>/search/{lang}/…</c>).</summary>
    public const string Folder = "/search/";

    public static IEnumerable<SearchDocument> Documents(SiteContent site, ModelBuilder models)
    {
        var config = site.Config;
        foreach (var page in site.Pages)
        {
            var section = models.SectionTitle(page.Lang, page.Section);
            var headings = page.Body?.Headings.Select(h => h.Text).ToList() ?? [];
            var body = page.Body?.PlainText() ?? string.Empty;
            switch (page)
            {
                case KpiPage kpi:
                    var inputs = string.Join('\n', kpi.Inputs.Select(i => i.Label + (i.Help is null ? string.Empty : " " + i.Help)));
                    yield return new SearchDocument("kpi", kpi.Lang, config.Url(kpi.RootUrl), kpi.Title, section, kpi.Header.Summary,
                        inputs + "\n" + body, headings, kpi.Abbr is null ? kpi.Header.Tags : [.. kpi.Header.Tags, kpi.Abbr]);
                    break;
                case CataloguePage catalogue:
                    yield return new SearchDocument("article", catalogue.Lang, config.Url(catalogue.RootUrl), catalogue.Title, section,
                        catalogue.Header.Summary, string.Empty, catalogue.Facets.SelectMany(f => f.Values.Select(v => v.Label)).ToList(), catalogue.Header.Tags);
                    foreach (var q in catalogue.Questions)
                    {
                        var facetLabels = catalogue.Facets.SelectMany(f => q.Facets[f.Name].Select(f.LabelOf));
                        var text = string.Join('\n', q.LookFor.Concat(q.RedFlags).Concat(q.FollowUps));
                        yield return new SearchDocument("question", catalogue.Lang, config.Url(catalogue.RootUrl) + "#" + q.Id, q.Text, catalogue.Title,
                            q.Intent ?? string.Empty, text, [], [.. q.Tags, .. facetLabels]);
                    }
                    break;
                default:
                    yield return new SearchDocument("article", page.Lang, config.Url(page.RootUrl), page.Title, section, page.Header.Summary,
                        body, headings, page.Header.Tags);
                    break;
            }
        }
    }

    public static IEnumerable<(string Path, byte[] Content)> Files(SiteContent site, ModelBuilder models, ParallelOptions? parallel = null) =>
        Files(Documents(site, models), site.Config.Languages, parallel);

    public static IEnumerable<(string Path, byte[] Content)> Files(IEnumerable<SearchDocument> documents, IEnumerable<string> languages, ParallelOptions? parallel = null) =>
        SearchIndexWriter.Write(documents, languages, parallel)
            .Concat(SearchAssets.Files())
            .Select(f => ("/" + f.RelativePath, f.Content));
}
