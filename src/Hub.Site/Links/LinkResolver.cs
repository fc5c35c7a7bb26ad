using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Hub.Core.Diagnostics;
using Hub.Site.Content;

namespace Hub.Site.Links;

/// <summary>
/// Resolves the links a page's Markdown contains into the URLs the page emits (<see cref="Map"/>, applied as the page
/// renders): a relative link to a source file becomes a link to its page,
/// a site-root link gets the base path, and a link to a missing file, page or anchor is an error at the link, as is
/// a URL outside the allow-list (<see cref="UrlSafety"/>).
/// </summary>
public sealed partial class LinkResolver(SiteContent site, HashSet<string> knownRootPaths, DiagnosticBag diagnostics, string? pendingUnder = null)
{
    private readonly ConcurrentQueue<(string RootPath, string Url, SourceLocation Location)> _pending = new();

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
    public IReadOnlyDictionary<string, string> Map(ContentPage page)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (page.Body is null)
        {
            return map;
        }
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
            if (Resolve(page, link.Url, page.BodyLocation(link.Line, link.Column)) is { } resolved)
            {
                map[link.Url] = resolved;
            }
        }
        return map;
    }

    /// <summary>The URL to emit for <paramref name="url"/> written in <paramref name="page"/>, or null to leave it.</summary>
    public string? Resolve(ContentPage page, string url, SourceLocation location)
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
            return site.Config.Url(rootPath) + query + (fragment is null ? string.Empty : "#" + fragment);
        }
        var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page.SourcePath)!, Uri.UnescapeDataString(path)));
        if (site.BySource(target) is { } targetPage)
        {
            CheckAnchor(page, targetPage, fragment, location);
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
