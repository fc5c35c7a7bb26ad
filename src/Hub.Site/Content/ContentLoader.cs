using System.Collections.Concurrent;
using Hub.Core.Diagnostics;
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

    public static IReadOnlyList<string> Discover(string inputDir)
    {
        var files = new List<string>();
        foreach (var (folder, pattern, depth, _) in Kinds)
        {
            var dir = Path.Combine(inputDir, folder);
            if (Directory.Exists(dir))
            {
                files.AddRange(Directory.EnumerateFiles(dir, pattern, depth));
            }
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    public static SiteContent Load(string inputDir, SiteConfig config, bool drafts, DiagnosticBag diagnostics, IBuildProgress progress)
    {
        var files = Discover(inputDir);
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
