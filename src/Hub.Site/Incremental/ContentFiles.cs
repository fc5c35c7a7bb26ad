using Hub.Site.Content;

namespace Hub.Site.Incremental;

/// <summary>
/// Which changed paths an incremental rebuild can take: content files of the site's kinds, found by the same rules
/// as <see cref="ContentLoader.Discover"/> (<see cref="ContentKind.Claims"/>). Anything else that a full build reads
/// (hub.yml, the theme, <c>input/_theme/</c>, <c>input/static/</c>, a renamed or deleted folder of pages) needs a
/// full build.
/// </summary>
public static class ContentFiles
{
    public enum Verdict
    {
        /// <summary>A content file: reload it.</summary>
        Content,

        /// <summary>Nothing a build reads (an editor's swap file beside an article): ignore it.</summary>
        Ignored,

        /// <summary>Something only a full build handles.</summary>
        FullBuild,
    }

    /// <summary>What <paramref name="path"/> is to <paramref name="site"/>, and for a content file the kind that loads it.</summary>
    public static (Verdict Verdict, ContentKind? Kind) Classify(string path, string inputDir, SiteContent site)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(inputDir, full).Replace('\\', '/');
        if (relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative))
        {
            return (Verdict.FullBuild, null); // the theme
        }
        if (site.Kinds.Claiming(relative) is { } kind)
        {
            return Directory.Exists(full) ? (Verdict.FullBuild, null) : (Verdict.Content, kind);
        }
        var slash = relative.IndexOf('/', StringComparison.Ordinal);
        var inContentFolder = slash > 0 && site.Kinds.BySection(relative[..slash]) is not null;
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
