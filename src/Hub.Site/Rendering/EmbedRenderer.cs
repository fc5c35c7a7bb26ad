using Hub.Core.Diagnostics;
using Hub.Markdown.Embeds;
using Hub.Site.Content;
using Hub.Site.Content.Catalogues;
using Hub.Site.Content.Kpis;
using Hub.Templates;
using Scriban.Runtime;

namespace Hub.Site.Rendering;

/// <summary>
/// Renders <c>:::kpi slug</c> (the KPI's calculator) and <c>:::questions catalogue [facet=value …]</c> (a subset
/// of a catalogue with links back) inside a page, through the theme's <c>layouts/embeds/*</c> templates.
/// </summary>
public sealed class EmbedRenderer(ContentPage host, ModelBuilder models, ThemeRenderer theme, DiagnosticBag diagnostics) : IEmbedRenderer
{
    public const string KpiEmbed = "kpi";
    public const string QuestionsEmbed = "questions";

    public string? Render(EmbedReference embed)
    {
        var location = host.BodyLocation(embed.Line, embed.Column);
        var args = embed.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (args.Length == 0)
        {
            diagnostics.Error(DiagnosticCodes.UnknownEmbed, location, $"':::{embed.Kind}' needs the slug of what to embed");
            return string.Empty;
        }
        var globals = models.Globals(host.Lang, models.ContentPageModel(host, string.Empty));
        switch (embed.Kind)
        {
            case KpiEmbed:
                if (models.Site.Find<KpiPage>(args[0], host.Lang) is not { } kpi)
                {
                    diagnostics.Error(DiagnosticCodes.UnknownEmbed, location, $"no KPI page has the slug '{args[0]}'", Suggest(args[0], models.Site.Kpis));
                    return string.Empty;
                }
                globals["kpi"] = models.Kpi(kpi);
                return theme.Render("embeds/kpi", globals, diagnostics) ?? string.Empty;
            case QuestionsEmbed:
                if (models.Site.Find<CataloguePage>(args[0], host.Lang) is not { } catalogue)
                {
                    diagnostics.Error(DiagnosticCodes.UnknownEmbed, location, $"no catalogue has the slug '{args[0]}'", Suggest(args[0], models.Site.Catalogues));
                    return string.Empty;
                }
                var questions = Filter(catalogue, args[1..], location);
                if (questions is null)
                {
                    return string.Empty;
                }
                var model = models.Catalogue(catalogue);
                var all = model["questions"] as List<object?> ?? [];
                var ids = questions.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
                globals["catalogue"] = model;
                globals["filters"] = args[1..].Select(a => a.Split('=', 2))
                    .Select(p => ModelBuilder.Obj(("name", p[0]), ("value", p.Length > 1 ? p[1] : string.Empty))).ToList<object?>();
                globals["questions"] = all.OfType<ScriptObject>().Where(q => q["id"] is string id && ids.Contains(id)).ToList<object?>();
                return theme.Render("embeds/questions", globals, diagnostics) ?? string.Empty;
            default:
                return null;
        }
    }

    private List<CatalogueQuestion>? Filter(CataloguePage catalogue, string[] filters, SourceLocation location)
    {
        IEnumerable<CatalogueQuestion> questions = catalogue.Questions;
        foreach (var filter in filters)
        {
            var eq = filter.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? filter : filter[..eq];
            var value = eq < 0 ? string.Empty : filter[(eq + 1)..];
            var facet = catalogue.Facets.FirstOrDefault(f => f.Name == name);
            if (facet is null)
            {
                diagnostics.Error(DiagnosticCodes.UnknownEmbed, location, $"catalogue '{catalogue.Slug}' has no facet '{name}'",
                    DidYouMean.Closest(name, catalogue.Facets.Select(f => f.Name)) is { } s ? $"did you mean '{s}'?" : $"facets: {string.Join(", ", catalogue.Facets.Select(f => f.Name))}");
                return null;
            }
            if (facet.Values.All(v => v.Id != value))
            {
                diagnostics.Error(DiagnosticCodes.UnknownEmbed, location, $"'{value}' is not a value of facet '{name}' in catalogue '{catalogue.Slug}'",
                    $"values: {string.Join(", ", facet.Values.Select(v => v.Id))}");
                return null;
            }
            questions = questions.Where(q => facet.Matches(q.Facets[name], value));
        }
        return questions.ToList();
    }

    private static string? Suggest(string slug, IEnumerable<ContentPage> pages) =>
        DidYouMean.Hint(slug, pages.Select(p => p.Slug));
}
