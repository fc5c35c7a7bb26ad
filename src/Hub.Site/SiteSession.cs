using Hub.Core.Diagnostics;
using Hub.Site.Content;
using Hub.Site.Content.Articles;
using Hub.Site.Links;
using Hub.Site.Rendering;

namespace Hub.Site;

/// <summary>
/// What a successful full build loaded, kept by <c>hub serve</c> so that saving one article re-renders only that
/// page. Anything an edit could change elsewhere (its title, tags, date, anchors, another kind of file, the theme)
/// makes <see cref="TryRebuildPage"/> decline, and the server runs a full build instead.
/// </summary>
public sealed class SiteSession(BuildOptions options, SiteContent site, ModelBuilder models, SiteRenderer renderer, LinkResolver links, DiagnosticBag diagnostics)
{
    private readonly Lock _gate = new();

    /// <summary>The result of re-rendering the page of <paramref name="changedFile"/>, or null when a full build is needed.</summary>
    public BuildResult? TryRebuildPage(string changedFile)
    {
        lock (_gate)
        {
            var path = Path.GetFullPath(changedFile);
            if (site.BySource(path) is not ArticlePage old || !File.Exists(path))
            {
                return null;
            }
            diagnostics.Clear();
            var edited = ArticleLoader.Load(path, old.DisplayPath, site.Config, diagnostics);
            if (edited is null || diagnostics.HasErrors)
            {
                return new BuildResult(diagnostics.Sorted(options.Strict), 0, 0, null);
            }
            if (!SameIdentity(old.Header, edited.Header) || !old.Anchors.SequenceEqual(edited.Anchors))
            {
                return null;
            }
            site.Replace(old, edited);
            models.Replace(old, edited);
            var html = renderer.RenderContentPage(edited, links);
            var result = diagnostics.Sorted(options.Strict);
            if (html is null || result.Any(d => d.IsError))
            {
                site.Replace(edited, old);
                return new BuildResult(result, 0, 0, null);
            }
            WriteAtomically(Path.Combine(options.Output, edited.RootUrl.TrimStart('/'), "index.html"), html);
            return new BuildResult(result, 1, 1, Path.GetFullPath(options.Output));
        }
    }

    private static bool SameIdentity(PageHeader a, PageHeader b) =>
        a.Title == b.Title && a.Summary == b.Summary && a.Lang == b.Lang && a.Slug == b.Slug && a.TranslationKey == b.TranslationKey
        && a.Date == b.Date && a.Draft == b.Draft && a.Tags.SequenceEqual(b.Tags);

    private static void WriteAtomically(string path, string html)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, html);
        File.Move(temp, path, overwrite: true);
    }
}
