using System.Collections.Concurrent;
using Hub.Core.Diagnostics;
using Hub.Core.Files;
using Hub.Site.Config;

namespace Hub.Site.Content;

/// <summary>Finds and loads every content file of <c>input/</c> in parallel; one folder per registered content kind.</summary>
public static class ContentLoader
{
    /// <summary>Every content file of <paramref name="kinds"/> (by default <see cref="ContentKinds.Default"/>), found through
    /// <see cref="RootedFiles"/>: links out of the input and unreadable entries are reported.</summary>
    public static IReadOnlyList<string> Discover(string inputDir, DiagnosticBag diagnostics, ContentKinds? kinds = null)
    {
        var root = new FileRoot(inputDir, "input folder");
        var files = new List<string>();
        foreach (var kind in kinds ?? ContentKinds.Default)
        {
            files.AddRange(RootedFiles.Enumerate(root, Path.Combine(inputDir, kind.Section), kind.Pattern, kind.Recursive, PathDisplay.For, diagnostics));
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    public static SiteContent Load(string inputDir, SiteConfig config, bool drafts, DiagnosticBag diagnostics, IBuildProgress progress, ContentKinds? kinds = null)
    {
        kinds ??= ContentKinds.Default;
        var files = Discover(inputDir, diagnostics, kinds);
        progress.Stage("Loading content", files.Count);
        var pages = new ConcurrentBag<ContentPage>();
        Parallel.ForEach(files, file =>
        {
            var folder = Path.GetRelativePath(inputDir, file).Replace('\\', '/').Split('/')[0];
            var kind = kinds.BySection(folder)!;
            if (kind.Load(file, PathDisplay.For(file), config, diagnostics) is { } page && (drafts || !page.Header.Draft))
            {
                pages.Add(page);
            }
            progress.Advance();
        });
        return new SiteContent(config, inputDir, SiteContent.CheckIdentities(pages, diagnostics), kinds);
    }
}
