using Hub.Core.Diagnostics;
using Hub.Site.Config;
using Hub.Site.Content;

namespace Hub.Site.Translations;

/// <summary>One language's translation work: the groups without a page in it (by their source), and its stale and untracked translations.</summary>
public sealed record LanguageReport(string Lang, IReadOnlyList<ContentPage> Missing, IReadOnlyList<Translation> Stale, IReadOnlyList<Translation> Untracked);

/// <summary>What <c>hub translations</c> reads and writes: the site's translation status per language, and <c>--mark</c>.</summary>
public static class TranslationReport
{
    /// <summary>Loads the site's content as a build does (hub.yml, every page), without rendering; null when it cannot be loaded.</summary>
    public static SiteContent? Load(BuildOptions options, DiagnosticBag diagnostics)
    {
        var input = Path.GetFullPath(options.Input);
        if (!Directory.Exists(input))
        {
            diagnostics.Error(DiagnosticCodes.InputMissing, SourceLocation.FileOnly(PathDisplay.For(input)), "the input folder does not exist");
            return null;
        }
        var config = SiteConfigLoader.Load(input, options.BasePath, PathDisplay.For, diagnostics);
        if (config is null)
        {
            return null;
        }
        var site = ContentLoader.Load(input, config, options.Drafts, diagnostics, NoProgress.Instance, options.Kinds);
        return diagnostics.HasErrors ? null : site;
    }

    /// <summary>Per language, in the site's order: missing pages (by their group's source), stale and untracked translations, each by source path.</summary>
    public static IReadOnlyList<LanguageReport> For(SiteContent site)
    {
        var groups = site.Pages.Select(site.TranslationsOf).DistinctBy(g => (g[0].Section, g[0].Header.TranslationKey)).ToList();
        return [.. site.Config.Languages.Select(lang =>
        {
            var missing = groups.Where(g => g.All(p => p.Lang != lang))
                .Select(g => g.FirstOrDefault(p => p.Lang == site.Config.DefaultLanguage) ?? g[0]);
            var translations = site.Pages.Where(p => p.Lang == lang).Select(p => TranslationStatus.Of(site, p)).OfType<Translation>().ToList();
            return new LanguageReport(lang,
                [.. missing.OrderBy(p => p.DisplayPath, StringComparer.Ordinal)],
                [.. translations.Where(t => t.State == TranslationState.Stale).OrderBy(t => t.Page.DisplayPath, StringComparer.Ordinal)],
                [.. translations.Where(t => t.State == TranslationState.Untracked).OrderBy(t => t.Page.DisplayPath, StringComparer.Ordinal)]);
        })];
    }

    /// <summary>
    /// Records in the translation at <paramref name="path"/> the current version of its source (<c>translationOf</c>,
    /// replaced or added at the top level of its front matter or YAML); returns the translation, or null with an
    /// error message when the file is no translation of the site.
    /// </summary>
    public static (Translation? Marked, string? Error) Mark(SiteContent site, string path)
    {
        if (site.BySource(Path.GetFullPath(path)) is not { } page)
        {
            return (null, $"{path} is not a page of the site");
        }
        if (TranslationStatus.Of(site, page) is not { } translation)
        {
            return (null, $"{path} is the source of its translations ({page.Lang}), not a translation");
        }
        var text = TextFile.Read(page.SourcePath);
        File.WriteAllText(page.SourcePath, WithTranslationOf(text, translation.Source.SourceHash), new System.Text.UTF8Encoding(false));
        return (translation, null);
    }

    /// <summary>The text with <c>translationOf: {hash}</c> set: the line replaced if there is one, else added after the front matter's (or YAML's) first key.</summary>
    public static string WithTranslationOf(string text, string hash)
    {
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Split(newline).ToList();
        var entry = "translationOf: " + hash;
        var existing = lines.FindIndex(l => l.StartsWith("translationOf:", StringComparison.Ordinal));
        if (existing >= 0)
        {
            lines[existing] = entry;
            return string.Join(newline, lines);
        }
        var start = lines.Count > 0 && lines[0].TrimEnd() == "---" ? 1 : 0;
        var firstKey = lines.FindIndex(start, l => l.Length > 0 && char.IsAsciiLetter(l[0]) && l.Contains(':', StringComparison.Ordinal));
        // A multi-line value goes on below its key: insert after the key's own lines.
        var at = firstKey < 0 ? start : firstKey + 1;
        while (at < lines.Count && lines[at].Length > 0 && (lines[at][0] == ' ' || lines[at][0] == '\t'))
        {
            at++;
        }
        lines.Insert(at, entry);
        return string.Join(newline, lines);
    }
}
