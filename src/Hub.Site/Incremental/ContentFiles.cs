using Hub.Core.Diagnostics;
using Hub.Site.Config;
using Hub.Site.Content;
using Hub.Site.Content.Articles;
using Hub.Site.Content.Catalogues;
using Hub.Site.Content.Kpis;

namespace Hub.Site.Incremental;

/// <summary>
/// Which changed paths an incremental rebuild can take: content files of the kinds it tracks, found by the same
/// rules as <see cref="ContentLoader.Discover"/>. Anything else that a full build reads (hub.yml, the theme,
/// <c>input/_theme/</c>, <c>input/static/</c>, a renamed or deleted folder of pages) needs a full build.
/// </summary>
public static class ContentFiles
{
    public delegate ContentPage? Loader(string path, string displayPath, SiteConfig config, DiagnosticBag diagnostics);

    public enum Verdict
    {
        /// <summary>A content file: reload it.</summary>
        Content,

        /// <summary>Nothing a build reads (an editor's swap file beside an article): ignore it.</summary>
        Ignored,

        /// <summary>Something only a full build handles.</summary>
        FullBuild,
    }

    public static (Verdict Verdict, Loader? Load) Classify(string path, string inputDir, SiteContent site)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(inputDir, full).Replace('\\', '/');
        if (relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative))
        {
            return (Verdict.FullBuild, null); // the theme
        }
        var parts = relative.Split('/');
        var kind = parts.Length < 2 ? null : parts[0] switch
        {
            ArticlePage.SectionName when full.EndsWith(".md", StringComparison.Ordinal) => (Loader)ArticleLoader.Load,
            CataloguePage.SectionName when parts.Length == 2 && full.EndsWith(".yml", StringComparison.Ordinal) => CatalogueLoader.Load,
            KpiPage.SectionName when parts.Length == 2 && full.EndsWith(".md", StringComparison.Ordinal) => KpiLoader.Load,
            _ => null,
        };
        if (kind is not null)
        {
            return Directory.Exists(full) ? (Verdict.FullBuild, null) : (Verdict.Content, kind);
        }
        var inContentFolder = parts.Length >= 2 && parts[0] is ArticlePage.SectionName or CataloguePage.SectionName or KpiPage.SectionName;
        if (!inContentFolder)
        {
            return (Verdict.FullBuild, null);
        }
        // A folder that held pages was deleted or renamed: its files may not have been reported one by one.
        var prefix = full + Path.DirectorySeparatorChar;
        return Directory.Exists(full) || site.Pages.Any(p => p.SourcePath.StartsWith(prefix, StringComparison.Ordinal))
            ? (Verdict.FullBuild, null)
            : (Verdict.Ignored, null);
    }
}
