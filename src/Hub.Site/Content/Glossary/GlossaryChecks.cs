using System.Text;
using Hub.Core.Diagnostics;

namespace Hub.Site.Content.Glossary;

/// <summary>What a term says about other pages, checked against the whole site: its related pages exist, and no other term of its language claims one of its words.</summary>
public static class GlossaryChecks
{
    public static void Check(GlossaryPage term, SiteContent site, DiagnosticBag diagnostics)
    {
        foreach (var (reference, location) in term.Related)
        {
            if (Split(reference) is not { } target || site.Kinds.BySection(target.Section) is null)
            {
                diagnostics.Error(DiagnosticCodes.BrokenLink, location, $"related page '{reference}' must be a section and a slug",
                    $"write it as section/slug, e.g. kpis/churn-rate (sections: {string.Join(", ", site.Kinds.Sections)})");
            }
            else if (Resolve(reference, term.Lang, site) is null)
            {
                var known = site.Pages.Select(p => p.Section + "/" + p.Slug).Distinct(StringComparer.Ordinal).ToList();
                diagnostics.Error(DiagnosticCodes.BrokenLink, location, $"related page '{reference}' does not exist", DidYouMean.Hint(reference, known));
            }
        }
        var earlier = site.Pages.OfType<GlossaryPage>()
            .Where(t => t.Lang == term.Lang && string.CompareOrdinal(t.DisplayPath, term.DisplayPath) < 0)
            .SelectMany(t => t.Words.Select(w => (Key: Fold(w.Word), Term: t)))
            .GroupBy(w => w.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Term, StringComparer.Ordinal);
        if (earlier.Count == 0)
        {
            return;
        }
        foreach (var (word, location) in term.Words.DistinctBy(w => Fold(w.Word), StringComparer.Ordinal))
        {
            if (earlier.TryGetValue(Fold(word), out var owner))
            {
                diagnostics.Error(DiagnosticCodes.GlossaryWordTaken, location, $"'{word}' is already a word of the term '{owner.Title}' ({owner.DisplayPath})",
                    "a word explains one term per language: remove it here or merge the two terms");
            }
        }
    }

    /// <summary>The page a related reference (<c>kpis/churn-rate</c>) names: in <paramref name="lang"/>, else the default language, else any.</summary>
    public static ContentPage? Resolve(string reference, string lang, SiteContent site)
    {
        if (Split(reference) is not { } target)
        {
            return null;
        }
        var candidates = site.Pages.Where(p => p.Section == target.Section && p.Slug == target.Slug).ToList();
        return candidates.FirstOrDefault(p => p.Lang == lang)
            ?? candidates.FirstOrDefault(p => p.Lang == site.Config.DefaultLanguage)
            ?? candidates.FirstOrDefault();
    }

    /// <summary>Whether <paramref name="reference"/> names <paramref name="page"/> (in some language).</summary>
    public static bool Names(string reference, ContentPage page) =>
        Split(reference) is { } target && target.Section == page.Section && target.Slug == page.Slug;

    /// <summary>A word as terms are compared and found in text: compatibility forms folded (ＮＲＲ, ｶ), lower case.</summary>
    public static string Fold(string word) => word.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    private static (string Section, string Slug)? Split(string reference)
    {
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < reference.Length - 1 && reference.IndexOf('/', slash + 1) < 0
            ? (reference[..slash], reference[(slash + 1)..])
            : null;
    }
}
