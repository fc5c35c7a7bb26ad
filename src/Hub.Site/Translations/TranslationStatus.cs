using Hub.Core.Diagnostics;
using Hub.Site.Content;

namespace Hub.Site.Translations;

/// <summary>How a translated page stands against its source.</summary>
public enum TranslationState
{
    /// <summary>Its <c>translationOf</c> is the source's current version.</summary>
    Current,

    /// <summary>The source changed since the version its <c>translationOf</c> records.</summary>
    Stale,

    /// <summary>No <c>translationOf</c>: nobody recorded which version it translates.</summary>
    Untracked,
}

/// <summary>A translation, its source page, and whether the source changed since it was translated.</summary>
public sealed record Translation(ContentPage Page, ContentPage Source, TranslationState State);

/// <summary>
/// Translation status: the source of a group of translations (pages of a section sharing a <c>translationKey</c>) is
/// its page in the default language, else its page in the first of the site's languages; every other page of the
/// group is a translation of it, stale when the source's version (<see cref="TranslationHash"/>) is not the one its
/// <c>translationOf</c> records.
/// </summary>
public static class TranslationStatus
{
    /// <summary>The page's status, or null when it is no translation (it is its group's source).</summary>
    public static Translation? Of(SiteContent site, ContentPage page)
    {
        var group = site.TranslationsOf(page);
        var source = group.FirstOrDefault(p => p.Lang == site.Config.DefaultLanguage) ?? group[0];
        if (ReferenceEquals(source, page))
        {
            return null;
        }
        var state = page.Header.TranslationOf is not { } recorded ? TranslationState.Untracked
            : recorded == source.SourceHash ? TranslationState.Current
            : TranslationState.Stale;
        return new Translation(page, source, state);
    }

    /// <summary>Every stale translation is a warning at its <c>translationOf</c>.</summary>
    public static void Check(SiteContent site, DiagnosticBag diagnostics)
    {
        foreach (var page in site.Pages)
        {
            if (page.Header.TranslationOf is not null && Of(site, page) is { State: TranslationState.Stale } stale)
            {
                diagnostics.Warning(DiagnosticCodes.TranslationStale, page.Header.TranslationOfLocation!.Value,
                    $"this translation may be out of date: {stale.Source.DisplayPath} changed since the version it translates",
                    $"update it, then run 'hub translations --mark {page.DisplayPath}'");
            }
        }
    }
}
