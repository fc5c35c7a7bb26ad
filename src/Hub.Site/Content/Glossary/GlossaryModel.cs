using Hub.Site.Rendering;
using Scriban.Runtime;
using static Hub.Site.Rendering.ModelBuilder;

namespace Hub.Site.Content.Glossary;

/// <summary>What templates see of the glossary: a term's page (<c>page.term</c>) and the index's groups (<c>page.groups</c>).</summary>
public static class GlossaryModel
{
    public static ScriptObject Build(ModelBuilder models, GlossaryPage term)
    {
        var site = models.Site;
        var (initial, _) = GlossaryInitials.Of(term.IndexWord);
        return Obj(("term", term.Title), ("reading", term.Reading), ("definition", term.Definition),
            ("aliases", term.Aliases.Select(a => (object?)a.Value).ToList()),
            ("initial", initial),
            ("related", term.Related.Select(r => GlossaryChecks.Resolve(r.Reference, term.Lang, site)).OfType<ContentPage>()
                .Distinct().Select(p => (object?)models.Summary(p)).ToList()));
    }

    /// <summary>
    /// The index: one group per initial, in index order (kana rows, 가나다, A–Z, digits, other), each with its terms
    /// sorted by reading, then by term. <c>key</c> is the initial shown (<c>other</c> and <c>0-9</c> are named by the theme).
    /// </summary>
    public static List<object?> Groups(ModelBuilder models, IEnumerable<GlossaryPage> terms) =>
        terms.Select(t => (Term: t, Initial: GlossaryInitials.Of(t.IndexWord), Sort: GlossaryInitials.SortKey(t.IndexWord)))
            .GroupBy(t => t.Initial)
            .OrderBy(g => g.Key.Rank)
            .Select((g, i) => (object?)Obj(("key", g.Key.Key), ("id", "initial-" + (i + 1)),
                ("terms", g.OrderBy(t => t.Sort, StringComparer.Ordinal).ThenBy(t => t.Term.Title, StringComparer.Ordinal).ThenBy(t => t.Term.RootUrl, StringComparer.Ordinal)
                    .Select(t => (object?)models.Summary(t.Term)).ToList())))
            .ToList();
}
