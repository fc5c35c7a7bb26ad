using Hub.Markdown.WikiLinks;
using Hub.Site.Content;
using Hub.Site.Content.Catalogues;
using Hub.Site.Links;
using Scriban.Runtime;

namespace Hub.Site.Rendering;

/// <summary>
/// What templates see of the link graph: a page's backlinks (<c>page.backlinks</c>; on a catalogue page also
/// <c>page.question_backlinks</c>, by question id), and the marker of a wikilink that leads to another language.
/// </summary>
public sealed class LinkModels(SiteContent site, ModelBuilder models)
{
    /// <summary>Adds the backlinks of <paramref name="page"/> to its model.</summary>
    public void AddBacklinks(ScriptObject model, ContentPage page, LinkResolver links)
    {
        var edges = links.Backlinks(page);
        model["backlinks"] = Entries(page, edges);
        if (page is CataloguePage catalogue)
        {
            var byQuestion = new ScriptObject();
            foreach (var question in catalogue.Questions)
            {
                var linking = edges.Where(e => e.Anchor == question.Id).ToList();
                if (linking.Count > 0)
                {
                    byQuestion[question.Id] = Entries(page, linking);
                }
            }
            model["question_backlinks"] = byQuestion;
        }
    }

    /// <summary>A translation whose source changed since it was translated gets <c>page.translation_outdated</c>: its source's title, URL and language.</summary>
    public void AddTranslationStatus(ScriptObject model, ContentPage page)
    {
        if (Translations.TranslationStatus.Of(site, page) is { State: Translations.TranslationState.Stale } stale)
        {
            var source = stale.Source;
            model["translation_outdated"] = ModelBuilder.Obj(("title", source.Title), ("url", site.Config.Url(source.RootUrl)), ("lang", source.Lang),
                ("language", models.Strings(source.Lang)["language_name"] as string ?? source.Lang));
        }
    }

    /// <summary>The wikilink as the page shows it: a link to another language says which.</summary>
    public WikiLinkResolution WithMarker(WikiLinkResolution link, string pageLang) =>
        link.OtherLang is { } lang ? link with { Marker = OtherLanguage(pageLang, lang) } : link;

    /// <summary>The pages behind <paramref name="edges"/>, each once: the page's language first, then the site's order, then by title.</summary>
    private List<object?> Entries(ContentPage page, IEnumerable<LinkEdge> edges)
    {
        var languages = site.Config.Languages.ToList();
        return edges.Select(e => site.BySource(e.From)).OfType<ContentPage>().Distinct()
            .OrderBy(p => p.Lang == page.Lang ? -1 : languages.IndexOf(p.Lang))
            .ThenBy(p => p.Title, StringComparer.Ordinal).ThenBy(p => p.RootUrl, StringComparer.Ordinal)
            .Select(p => (object?)ModelBuilder.Obj(("title", p.Title), ("url", site.Config.Url(p.RootUrl)), ("lang", p.Lang),
                ("section_title", models.SectionTitle(page.Lang, p.Section)),
                ("other_language", p.Lang == page.Lang ? null : OtherLanguage(page.Lang, p.Lang))))
            .ToList();
    }

    /// <summary>"(English)" in the page's language: the other language's own name in the page's brackets.</summary>
    private string OtherLanguage(string pageLang, string lang)
    {
        var name = models.Strings(lang)["language_name"] as string ?? lang;
        var format = (models.Strings(pageLang)["wiki"] as ScriptObject)?["other_language"] as string ?? "({language})";
        return format.Replace("{language}", name, StringComparison.Ordinal);
    }
}
