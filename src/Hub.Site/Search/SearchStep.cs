using Hub.Search;
using Hub.Site.Content;
using Hub.Site.Rendering;

namespace Hub.Site.Search;

/// <summary>
/// Turns the site's content into search documents (each kind says what its pages give: see
/// <see cref="ContentKind.SearchDocuments"/>) and writes the per-language lunr indexes plus lunr.js itself.
/// </summary>
public static class SearchStep
{
    /// <summary>The folder of the index and store files (<c>/search/{lang}/…</c>).</summary>
    public const string Folder = "/search/";

    public static IEnumerable<SearchDocument> Documents(SiteContent site, ModelBuilder models) =>
        site.Pages.SelectMany(page => page.Kind.SearchDocuments(page, models));

    /// <summary>The search files of <paramref name="site"/>'s pages (which may be a subset of the site <paramref name="models"/> describe).</summary>
    public static IEnumerable<(string Path, byte[] Content)> Files(SiteContent site, ModelBuilder models, ParallelOptions? parallel = null) =>
        Files(Documents(site, models), site.Config.Languages, models.Site.Kinds, parallel);

    public static IEnumerable<(string Path, byte[] Content)> Files(IEnumerable<SearchDocument> documents, IEnumerable<string> languages, ContentKinds kinds,
        ParallelOptions? parallel = null) =>
        SearchIndexWriter.Write(documents, languages, kinds.SearchKinds, parallel)
            .Concat(SearchAssets.Files())
            .Select(f => ("/" + f.RelativePath, f.Content));
}
