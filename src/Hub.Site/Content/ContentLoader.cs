using System.Collections.Concurrent;
using Hub.Core.Diagnostics;
using Hub.Core.Files;
using Hub.Site.Config;
using Hub.Site.Content.Articles;
using Hub.Site.Content.Catalogues;
using Hub.Site.Content.Kpis;

namespace Hub.Site.Content;

/// <summary>Finds and loads every content file of <c>input/</c> in parallel; one folder per content kind.</summary>
public static class ContentLoader
{
    private delegate ContentPage? Loader(string path, string displayPath, SiteConfig config, DiagnosticBag diagnostics);

    private static readonly (string Folder, string Pattern, SearchOption Depth, Loader Load)[] Kinds =
    [
        (ArticlePage.SectionName, "*.md", SearchOption.AllDirectories, ArticleLoader.Load),
        (CataloguePage.SectionName, "*.yml", SearchOption.TopDirectoryOnly, CatalogueLoader.Load),
        (KpiPage.SectionName, "*.md", SearchOption.TopDirectoryOnly, KpiLoader.Load),
    ];

    /// <summary>Every content file, found through <see cref="RootedFiles"/>: links out of the input and unreadable entries are reported.</summary>
    public static IReadOnlyList<string> Discover(string inputDir, DiagnosticBag diagnostics)
    {
        var root = new FileRoot(inputDir, "input folder");
        var files = new List<string>();
        foreach (var (folder, pattern, depth, _) in Kinds)
        {
            files.AddRange(RootedFiles.Enumerate(root, Path.Combine(inputDir, folder), pattern, depth == SearchOption.AllDirectories, PathDisplay.For, diagnostics));
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    public static SiteContent Load(string inputDir, SiteConfig config, bool drafts, DiagnosticBag diagnostics, IBuildProgress progress)
    {
        var files = Discover(inputDir, diagnostics);
        progress.Stage("Loading content", files.Count);
        var pages = new ConcurrentBag<ContentPage>();
        Parallel.ForEach(files, file =>
        {
            var folder = Path.GetRelativePath(inputDir, file).Replace('\\', '/').Split('/')[0];
            var kind = Kinds.First(k => k.Folder == folder);
            if (kind.Load(file, PathDisplay.For(file), config, diagnostics) is { } page && (drafts || !page.Header.Draft))
            {
                pages.Add(page);
            }
            progress.Advance();
        });
        return new SiteContent(config, inputDir, SiteContent.CheckIdentities(pages, diagnostics));
    }
}
