using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Hub.Core.Diagnostics;
using Hub.Markdown.WikiLinks;
using Hub.Site.Content;

namespace Hub.Site.Links;

/// <summary>
/// Resolves the links a page's Markdown contains into the URLs the page emits (<see cref="Map"/>, applied as the page
/// renders): a relative link to a source file becomes a link to its page,
/// a site-root link gets the base path, a wikilink (<c>[[slug]]</c>) leads to the page of that slug, and a link to a
/// missing file, page or anchor is an error at the link, as is a URL outside the allow-list (<see cref="UrlSafety"/>).
/// Every link it resolves to another page goes into <see cref="Graph"/>, so backlinks are exactly the checked links.
/// </summary>
public sealed partial class LinkResolver(SiteContent site, HashSet<string> knownRootPaths, DiagnosticBag diagnostics, string? pendingUnder = null)
{
    private readonly ConcurrentQueue<(string RootPath, string Url, SourceLocation Location)> _pending = new();
    private readonly ConcurrentDictionary<ContentPage, PageLinks> _resolved = new(ReferenceEqualityComparer.Instance);

    /// <summary>The links between pages resolved so far: what each page links to and what links to it.</summary>
    public LinkGraph Graph { get; } = new();

    /// <summary>
    /// A folder of files still being generated while pages render: a site-root link under it that is not known
    /// yet is held until <see cref="FilesGenerated"/> says which files it holds.
    /// </summary>
    private string? _pendingUnder = pendingUnder;

    /// <summary>
    /// The generated files are known now (see the constructor's <c>pendingUnder</c>): they become link targets, and
    /// the held links that lead to none of them are reported.
    /// </summary>
    public void FilesGenerated(IEnumerable<string> rootPaths)
    {
        knownRootPaths.UnionWith(rootPaths);
        _pendingUnder = null;
        while (_pending.TryDequeue(out var link))
        {
            if (!knownRootPaths.Contains(link.RootPath))
            {
                ReportMissing(link.Url, link.Location);
            }
        }
    }

    /// <summary>Whether a site-root link to <paramref name="rootPath"/> leads to a page or file of the site.</summary>
    public bool IsTarget(string rootPath) => knownRootPaths.Contains(rootPath);

    /// <summary>A page or generated page at <paramref name="rootPath"/> came into the site (serve's incremental rebuild).</summary>
    public void TargetAdded(string rootPath) => knownRootPaths.Add(rootPath);

    /// <summary>The page at <paramref name="rootPath"/> left the site (serve's incremental rebuild).</summary>
    public void TargetRemoved(string rootPath) => knownRootPaths.Remove(rootPath);

    /// <summary>
    /// Checks the URLs and links of <paramref name="page"/> (each error located at its link) and returns what each
    /// link's URL as written becomes in the page: its target page's URL, or a site-root path under the base path. A
    /// URL resolves the same way wherever it is in one page, so the map is keyed by the URL as written; links left
    /// as written are not in it.
    /// </summary>
    public IReadOnlyDictionary<string, string> Map(ContentPage page) => Resolve(page).Urls;

    /// <summary>Resolves every page's links, in parallel, before any page renders: a page's backlinks are then known.</summary>
    public void ResolveAll(IEnumerable<ContentPage> pages) => Parallel.ForEach(pages, page => Resolve(page));

    /// <summary>The page's links as last resolved (<see cref="Resolve(ContentPage)"/>), resolving them now if they never were.</summary>
    public PageLinks LinksOf(ContentPage page) => _resolved.TryGetValue(page, out var links) ? links : Resolve(page);

    /// <summary>The page left the site or is being replaced (serve's incremental rebuild): its links are no longer links.</summary>
    public void Forget(ContentPage page)
    {
        _resolved.TryRemove(page, out _);
        Graph.Set(Key(page), null);
    }

    /// <summary>The links to <paramref name="page"/> from other pages, as checked.</summary>
    public IReadOnlyList<LinkEdge> Backlinks(ContentPage page) => Graph.To(Key(page));

    /// <summary>The graph's name of a page: its source file's full path.</summary>
    public static string Key(ContentPage page) => Path.GetFullPath(page.SourcePath);

    /// <summary>
    /// Checks the URLs, links and wikilinks of <paramref name="page"/> (each error located at its link), records its
    /// links to other pages in <see cref="Graph"/>, and returns what each link and wikilink becomes in the page.
    /// </summary>
    public PageLinks Resolve(ContentPage page)
    {
        if (page.Body is null)
        {
            _resolved[page] = PageLinks.None;
            Graph.Set(Key(page), null);
            return PageLinks.None;
        }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var wikiLinks = new Dictionary<string, WikiLinkResolution>(StringComparer.Ordinal);
        var edges = new List<LinkEdge>();
        foreach (var url in page.Body.Urls)
        {
            if (UrlSafety.DisallowedScheme(url.Url) is { } scheme)
            {
                diagnostics.Error(DiagnosticCodes.UnsafeUrl, page.BodyLocation(url.Line, url.Column),
                    UrlSafety.Message("URL", url.Url, scheme), UrlSafety.AllowedHint);
            }
        }
        foreach (var link in page.Body.Links)
        {
            if (UrlSafety.DisallowedScheme(link.Url) is not null)
            {
                continue;
            }
            if (Resolve(page, link.Url, page.BodyLocation(link.Line, link.Column), edges) is { } resolved)
            {
                map[link.Url] = resolved;
            }
        }
        foreach (var wikiLink in page.Body.WikiLinks)
        {
            if (ResolveWikiLink(page, wikiLink.Inline, page.BodyLocation(wikiLink.Line, wikiLink.Column), edges) is { } resolved)
            {
                wikiLinks[wikiLink.Raw] = resolved;
            }
        }
        var links = new PageLinks(map, wikiLinks, edges.Distinct().ToList());
        _resolved[page] = links;
        Graph.Set(Key(page), links.Edges);
        return links;
    }

    /// <summary>The URL to emit for <paramref name="url"/> written in <paramref name="page"/>, or null to leave it; a
    /// link to another page is added to <paramref name="edges"/>.</summary>
    public string? Resolve(ContentPage page, string url, SourceLocation location, List<LinkEdge>? edges = null)
    {
        if (url.Length == 0 || Scheme().IsMatch(url) || url.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }
        var (path, fragment) = SplitFragment(url);
        if (path.Length == 0)
        {
            CheckAnchor(page, page, fragment, location);
            return null;
        }
        var query = string.Empty;
        var q = path.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            query = path[q..];
            path = path[..q];
        }
        if (path.StartsWith('/'))
        {
            var rootPath = path.EndsWith('/') || Path.HasExtension(path) ? path : path + "/";
            if (!knownRootPaths.Contains(rootPath))
            {
                if (_pendingUnder is { } pending && rootPath.StartsWith(pending, StringComparison.Ordinal))
                {
                    _pending.Enqueue((rootPath, url, location));
                }
                else
                {
                    ReportMissing(url, location);
                }
            }
            else if (site.ByRootUrl(rootPath) is { } rootTarget && !ReferenceEquals(rootTarget, page))
            {
                edges?.Add(new LinkEdge(Key(page), Key(rootTarget), fragment is null ? null : Uri.UnescapeDataString(fragment)));
            }
            return site.Config.Url(rootPath) + query + (fragment is null ? string.Empty : "#" + fragment);
        }
        var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page.SourcePath)!, Uri.UnescapeDataString(path)));
        if (site.BySource(target) is { } targetPage)
        {
            CheckAnchor(page, targetPage, fragment, location);
            if (!ReferenceEquals(targetPage, page))
            {
                edges?.Add(new LinkEdge(Key(page), Key(targetPage), fragment is null ? null : Uri.UnescapeDataString(fragment)));
            }
            return site.Config.Url(targetPage.RootUrl) + query + (fragment is null ? string.Empty : "#" + fragment);
        }
        var staticDir = Path.GetFullPath(Path.Combine(site.InputDir, "static")) + Path.DirectorySeparatorChar;
        if (target.StartsWith(staticDir, StringComparison.Ordinal) && File.Exists(target))
        {
            return site.Config.Url(target[staticDir.Length..].Replace('\\', '/')) + query + (fragment is null ? string.Empty : "#" + fragment);
        }
        var shown = PathDisplay.For(target);
        var hint = File.Exists(target) ? "only pages and files under input/static/ are published" : SuggestFile(target);
        diagnostics.Error(DiagnosticCodes.BrokenLink, location, $"link to '{url}' points to a missing file ({shown})", hint);
        return null;
    }

    /// <summary>
    /// What a wikilink becomes: the page of its slug (in its section when qualified) in the page's language, else the
    /// default language's, else the first language's that has one (shown with a marker); null after an error.
    /// </summary>
    private WikiLinkResolution? ResolveWikiLink(ContentPage page, WikiLinkInline link, SourceLocation location, List<LinkEdge> edges)
    {
        var written = $"[[{link.Raw}]]";
        ContentPage target;
        if (link.Slug.Length == 0 && link.Qualifier is null)
        {
            target = page;
        }
        else
        {
            var sections = site.Kinds.Sections;
            if (link.Qualifier is { } qualifier && !sections.Contains(qualifier, StringComparer.Ordinal))
            {
                diagnostics.Error(DiagnosticCodes.WikiLinkUnknown, location, $"wikilink '{written}' names '{qualifier}', which is not a section of the site",
                    DidYouMean.Hint(qualifier, sections) ?? $"the sections are {string.Join(", ", sections)}");
                return null;
            }
            var candidates = site.WithSlug(link.Slug).Where(p => link.Qualifier is null || p.Section == link.Qualifier).ToList();
            if (candidates.Count == 0)
            {
                var slugs = site.Pages.Where(p => link.Qualifier is null || p.Section == link.Qualifier).Select(p => p.Slug);
                diagnostics.Error(DiagnosticCodes.WikiLinkUnknown, location,
                    $"wikilink '{written}' leads to no page: no {(link.Qualifier is null ? "page" : "page of " + link.Qualifier)} has the slug '{link.Slug}'",
                    DidYouMean.Hint(link.Slug, slugs));
                return null;
            }
            if (link.Qualifier is null && candidates.Any(p => !p.Kind.YieldsBareSlug) && candidates.Any(p => p.Kind.YieldsBareSlug))
            {
                candidates = candidates.Where(p => !p.Kind.YieldsBareSlug).ToList();
            }
            var inSections = candidates.Select(p => p.Section).Distinct().Order(StringComparer.Ordinal).ToList();
            if (inSections.Count > 1)
            {
                diagnostics.Error(DiagnosticCodes.WikiLinkAmbiguous, location,
                    $"wikilink '{written}' is ambiguous: pages of {string.Join(" and ", inSections)} have the slug '{link.Slug}'",
                    "name the section: " + string.Join(" or ", inSections.Select(s => $"[[{s}/{link.Raw.TrimStart()}]]")));
                return null;
            }
            var languages = site.Config.Languages.ToList();
            target = candidates.FirstOrDefault(p => p.Lang == page.Lang)
                ?? candidates.FirstOrDefault(p => p.Lang == site.Config.DefaultLanguage)
                ?? candidates.OrderBy(p => languages.IndexOf(p.Lang)).ThenBy(p => p.RootUrl, StringComparer.Ordinal).First();
        }
        if (link.Anchor is { } anchor && !target.Anchors.Contains(anchor, StringComparer.Ordinal))
        {
            var hint = DidYouMean.Closest(anchor, target.Anchors);
            diagnostics.Error(DiagnosticCodes.BrokenAnchor, location,
                $"anchor '#{anchor}' of wikilink '{written}' does not exist in {(ReferenceEquals(target, page) ? "this page" : target.DisplayPath)}",
                hint is null ? null : $"did you mean '#{hint}'?");
            return null;
        }
        if (!ReferenceEquals(target, page))
        {
            edges.Add(new LinkEdge(Key(page), Key(target), link.Anchor));
        }
        var text = link.Label
            ?? (ReferenceEquals(target, page) ? page.Body?.Headings.FirstOrDefault(h => h.Id == link.Anchor)?.Text ?? link.Anchor! : target.Title);
        var url = ReferenceEquals(target, page) ? string.Empty : site.Config.Url(target.RootUrl);
        return new WikiLinkResolution(url + (link.Anchor is null ? string.Empty : "#" + link.Anchor), text, target.Lang == page.Lang ? null : target.Lang);
    }

    private void ReportMissing(string url, SourceLocation location) =>
        diagnostics.Error(DiagnosticCodes.BrokenLink, location, $"link to '{url}' leads to no page of the site");

    private void CheckAnchor(ContentPage from, ContentPage target, string? fragment, SourceLocation location)
    {
        if (string.IsNullOrEmpty(fragment))
        {
            return;
        }
        var anchor = Uri.UnescapeDataString(fragment);
        if (target.Anchors.Contains(anchor, StringComparer.Ordinal))
        {
            return;
        }
        var hint = DidYouMean.Closest(anchor, target.Anchors);
        var where = ReferenceEquals(from, target) ? "this page" : target.DisplayPath;
        diagnostics.Error(DiagnosticCodes.BrokenAnchor, location, $"anchor '#{anchor}' does not exist in {where}",
            hint is null ? null : $"did you mean '#{hint}'?");
    }

    private static (string Path, string? Fragment) SplitFragment(string url)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (url, null) : (url[..hash], url[(hash + 1)..]);
    }

    private static string? SuggestFile(string target)
    {
        var dir = Path.GetDirectoryName(target);
        if (dir is null || !Directory.Exists(dir))
        {
            return null;
        }
        var names = Directory.EnumerateFiles(dir).Select(Path.GetFileName).OfType<string>();
        var best = DidYouMean.Closest(Path.GetFileName(target), names);
        return best is null ? null : $"did you mean '{best}'?";
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();
}
