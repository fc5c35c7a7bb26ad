using Hub.Core.Diagnostics;
using Hub.Core.Files;
using Hub.Site.Content;
using Hub.Site.Links;
using Hub.Site.Output;
using Hub.Site.Rendering;
using Hub.Templates;

namespace Hub.Site.Incremental;

/// <summary>
/// Brings the output of a successful build up to date with edited, added and deleted pages of the kinds that rebuild
/// incrementally (<see cref="ContentKind.RebuildsIncrementally"/>) by re-rendering exactly the pages whose bytes
/// depend on them: the page; the home, section, tag and tags pages that list it; its translations (language switcher,
/// hreflang); pages linking to it when its URL changed; pages embedding it (<see cref="ContentKind.EmbedName"/>);
/// pages whose kind model reads it (<see cref="ContentKind.ModelsReading"/>: KPI pages listing a catalogue's
/// questions); the feed and, when URLs changed, the sitemap. List pages are rendered by <see cref="ListPages"/>, as in
/// a full build. Links into it are checked again when its anchors changed. The result (files and diagnostics) is a
/// full build's.
/// <para>
/// An edit with errors changes nothing on disk (as a failed full build) and nothing in memory: its files stay
/// pending and are read again with the next change, so the state always matches the last good output.
/// Anything it does not track returns null: the caller runs a full build.
/// </para>
/// </summary>
public sealed class IncrementalRebuild
{
    private readonly BuildOptions _options;
    private readonly SiteContent _site;
    private readonly ModelBuilder _models;
    private readonly SiteRenderer _renderer;
    private readonly LinkResolver _links;
    private readonly DiagnosticBag _diagnostics;
    private readonly ListPages _lists;
    private readonly DependencyIndex _index;
    private readonly string _output;
    private readonly Dictionary<string, IReadOnlyList<Diagnostic>> _fileDiagnostics;
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Lang, string Tag), int> _tagCounts = new();
    private HashSet<string> _untranslated;

    public IncrementalRebuild(BuiltSite built)
    {
        var (options, site, models, diagnostics) = (built.Options, built.Site, built.Models, built.Diagnostics);
        _options = options;
        _site = site;
        _models = models;
        _renderer = built.Renderer;
        _links = built.Links;
        _diagnostics = diagnostics;
        _lists = new ListPages(site, models, built.Theme, diagnostics);
        _index = new DependencyIndex(site.Pages);
        _untranslated = _lists.Untranslated().Select(p => p.OutputPath).ToHashSet(StringComparer.Ordinal);
        foreach (var page in site.Pages)
        {
            CountTags(page, +1);
        }
        _output = Path.GetFullPath(options.Output);
        // A successful build's diagnostics are warnings from loading files and checking formulas, each in its file.
        _fileDiagnostics = diagnostics.Sorted().GroupBy(d => d.Location.File, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Diagnostic>)g.ToList(), StringComparer.Ordinal);
    }

    /// <summary>Languages whose search index no longer matches their pages.</summary>
    public HashSet<string> StaleSearchLanguages { get; } = new(StringComparer.Ordinal);

    /// <summary>Set when an update failed half-way: only a full build can be trusted now.</summary>
    public bool Broken { get; private set; }

    public BuildResult? Update(IEnumerable<string> changedFiles)
    {
        if (Broken)
        {
            return null;
        }
        var paths = _pending.Concat(changedFiles.Select(Path.GetFullPath)).ToHashSet(StringComparer.Ordinal);
        var changes = Load(paths);
        if (changes is null)
        {
            return null;
        }
        if (changes.Count == 0 && _pending.Count == 0)
        {
            return new BuildResult(AllDiagnostics(), 0, 0, _output);
        }
        // An edited file is no longer as its last commit left it (or is again): git says which, unless the work tree
        // moved to another commit, which changes the dates of pages nobody edited.
        // tags.yml warns of labelled tags no page has: a change to a page's tags is a full build's to judge.
        if (_models.Tags.Any && changes.Any(c => !(c.Old?.Header.Tags ?? []).SequenceEqual(c.New?.Header.Tags ?? [])))
        {
            return null;
        }
        var datesBefore = changes.Select(c => c.Old is { } o ? _models.Dates.Of(o) : null).ToList();
        if (_models.Dates.Git is { } git && !git.Refresh())
        {
            return null;
        }
        var previous = changes.Select(c => _fileDiagnostics.GetValueOrDefault(c.DisplayPath) ?? []).ToList();
        var linksBefore = changes.Select(c => _links.Graph.From(c.SourcePath)).ToList();
        _diagnostics.Clear();
        var plan = Apply(changes);
        if (changes.Where((c, i) => datesBefore[i] != (c.New is { } n ? _models.Dates.Of(n) : null)).Any())
        {
            plan = plan with { Sitemap = true }; // the sitemap's lastmod
        }

        ReferenceChecks.Check(_site, _diagnostics);
        Translations.TranslationStatus.Check(_site, _diagnostics);
        // Links are resolved again (and checked) before anything renders: a page's backlinks come from them.
        var resolved = plan.OwnPages.Concat(plan.Dependents).Concat(plan.LinkChecks).ToList();
        foreach (var page in resolved)
        {
            _links.Resolve(page);
        }
        var rendered = new List<(string Path, string Html)>();
        foreach (var page in plan.OwnPages.Concat(plan.Dependents).Concat(BacklinkTargets(changes, linksBefore, plan)))
        {
            if (_renderer.RenderContentPage(page, _links) is { } html)
            {
                rendered.Add((page.RootUrl + "index.html", html));
            }
        }
        var diagnostics = AllDiagnostics();
        if (diagnostics.Any(d => d.IsError))
        {
            Apply(changes.Select((c, i) => c.Inverse(previous[i])).ToList());
            // The pages back in place get their links (and the graph its edges) as they were.
            foreach (var page in resolved.Concat(changes.Select(c => c.Old).OfType<ContentPage>()).Where(IsLive).Distinct())
            {
                _links.Resolve(page);
            }
            _pending.UnionWith(paths);
            return new BuildResult(diagnostics, 0, 0, null);
        }
        _pending.Clear();
        try
        {
            var written = Write(plan, rendered);
            var after = AllDiagnostics();
            if (after.Any(d => d.IsError))
            {
                Broken = true; // pages are written already; a list page failed to render
            }
            return new BuildResult(after, written, written, _output);
        }
        catch (IOException ex)
        {
            Broken = true;
            _diagnostics.Error(DiagnosticCodes.OutputWriteFailed, SourceLocation.FileOnly(PathDisplay.For(_output)), $"could not update the output folder: {ex.Message}");
            return new BuildResult(AllDiagnostics(), 0, 0, null);
        }
    }

    /// <summary>Reads every changed content file; null when one needs a full build.</summary>
    private List<PageChange>? Load(IEnumerable<string> paths)
    {
        var changes = new List<PageChange>();
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            var (verdict, kind) = ContentFiles.Classify(path, _site.InputDir, _site);
            if (verdict == ContentFiles.Verdict.FullBuild || kind is { RebuildsIncrementally: false })
            {
                return null;
            }
            if (verdict == ContentFiles.Verdict.Ignored)
            {
                continue;
            }
            var old = _site.BySource(path);
            var display = PathDisplay.For(path);
            var bag = new DiagnosticBag();
            // The same checks as the full build's: a link out of the input or a FIFO is reported, never read.
            var page = RootedFiles.CheckFile(new FileRoot(_site.InputDir, "input folder"), path, PathDisplay.For, bag) == FileCheck.Ok
                ? kind!.Load(path, display, _site.Config, bag)
                : null;
            if (page is not null && page.Header.Draft && !_options.Drafts)
            {
                page = null;
            }
            changes.Add(new PageChange(path, display, old, page, bag.Sorted()));
        }
        // A scored catalogue also writes its debrief page, which the full build lists and renders.
        if (changes.SelectMany(c => c.Pages).Any(p => p is Content.Catalogues.CataloguePage { Scorecard: not null }))
        {
            return null;
        }
        // Two pages at one URL (or URLs differing only by case), or sharing a translation key in one language: the
        // full build reports it and decides which one stays.
        var leaving = changes.Select(c => c.Old).OfType<ContentPage>().ToHashSet(ReferenceEqualityComparer.Instance);
        var arriving = changes.Select(c => c.New).OfType<ContentPage>().ToList();
        if (arriving.Select(p => p.RootUrl).Distinct(StringComparer.OrdinalIgnoreCase).Count() != arriving.Count
            || arriving.Select(p => (p.Section, p.Lang, p.Header.TranslationKey)).Distinct().Count() != arriving.Count
            || arriving.Any(p => _site.Conflicts(p, leaving.Contains)))
        {
            return null;
        }
        return changes;
    }

    private sealed record Plan(
        List<ContentPage> OwnPages, List<ContentPage> Dependents, List<ContentPage> LinkChecks,
        HashSet<string> ListLanguages, HashSet<(string Lang, string Section)> Sections, HashSet<(string Lang, string Path)> TagPages,
        bool Sitemap, List<string> Deleted);

    /// <summary>Puts the changes into the site's indexes and models, and works out what must be rendered again.</summary>
    private Plan Apply(List<PageChange> changes)
    {
        var touchedTags = changes.SelectMany(c => c.Pages).SelectMany(p => p.Header.Tags.Select(t => (p.Lang, t))).ToHashSet();
        var tagPathsBefore = TagPaths(touchedTags);
        var (navigationBefore, navigationListed) = NavigationShowing(changes);
        foreach (var change in changes)
        {
            if (change.Old is { } old)
            {
                _site.Remove(old);
                _index.Remove(old);
                _models.Forget(old);
                CountTags(old, -1);
                _links.TargetRemoved(old.RootUrl);
                _links.Forget(old);
            }
            _fileDiagnostics.Remove(change.DisplayPath);
            if (change.LoadDiagnostics.Count > 0)
            {
                _fileDiagnostics[change.DisplayPath] = change.LoadDiagnostics;
            }
        }
        foreach (var page in changes.Select(c => c.New).OfType<ContentPage>())
        {
            _site.Add(page);
            _index.Add(page);
            _models.RefreshSummary(page);
            CountTags(page, +1);
            _links.TargetAdded(page.RootUrl);
        }
        foreach (var page in changes.SelectMany(c => c.Pages))
        {
            _models.Navigation.Forget(page.Lang, page.Section);
        }
        var tagPathsAfter = TagPaths(touchedTags);
        foreach (var path in tagPathsBefore.Except(tagPathsAfter))
        {
            _links.TargetRemoved(path.Path);
        }
        foreach (var path in tagPathsAfter)
        {
            _links.TargetAdded(path.Path);
        }

        var own = changes.Select(c => c.New).OfType<ContentPage>().ToList();
        var dependents = new HashSet<ContentPage>(ReferenceEqualityComparer.Instance);
        var checks = new HashSet<ContentPage>(ReferenceEqualityComparer.Instance);
        var kindModels = new HashSet<ContentPage>(ReferenceEqualityComparer.Instance);
        var sitemap = !tagPathsBefore.SetEquals(tagPathsAfter);
        foreach (var change in changes)
        {
            if (!change.SameIdentity)
            {
                sitemap = true;
                foreach (var page in change.Pages)
                {
                    dependents.UnionWith(_site.TranslationsOf(page).Where(IsLive));
                }
                dependents.UnionWith(_index.LinkingTo(change.SourcePath));
            }
            else if (change.AnchorsChanged)
            {
                checks.UnionWith(_index.LinkingTo(change.SourcePath));
            }
            if (change.Old is { } old && (change.New is null || change.New.RootUrl != old.RootUrl))
            {
                checks.UnionWith(_index.LinkingToRoot(old.RootUrl));
            }
            foreach (var page in change.Pages)
            {
                if (page.Kind.EmbedName is { } embed)
                {
                    dependents.UnionWith(_index.Embedding(embed, page.Slug));
                }
                kindModels.UnionWith(page.Kind.ModelsReading(page, _site));
                // Its translations say whether they are out of date against it.
                dependents.UnionWith(_site.TranslationsOf(page).Where(IsLive));
                // A wikilink shows its target's title and finds it by slug: any change to a page of that slug may change it.
                dependents.UnionWith(_index.WikiLinking(page.Slug));
                foreach (var kind in _site.Kinds)
                {
                    kindModels.UnionWith(kind.PagesReading(page, _site));
                }
            }
        }
        dependents.UnionWith(navigationBefore);
        dependents.UnionWith(NavigationShowingAfter(changes, navigationListed));
        kindModels.UnionWith(own.Where(p => p.Kind.ModelName is not null));
        foreach (var page in kindModels)
        {
            _models.RefreshKindModel(page);
            dependents.Add(page);
            if (page.Kind.EmbedName is { } embed)
            {
                dependents.UnionWith(_index.Embedding(embed, page.Slug));
            }
        }
        foreach (var path in tagPathsBefore.Except(tagPathsAfter))
        {
            checks.UnionWith(_index.LinkingToRoot(path.Path));
        }

        var listed = changes.Where(c => c.ListEntryChanged).SelectMany(c => c.Pages).ToList();
        var tagPages = listed.SelectMany(p => p.Header.Tags.Select(t => (p.Lang, SiteUrls.Tag(p.Lang, t)))).ToHashSet();
        var deleted = changes.Select(c => c.Old).OfType<ContentPage>().Select(p => p.RootUrl)
            .Where(url => _site.ByRootUrl(url) is null).ToList();
        deleted.AddRange(tagPathsBefore.Except(tagPathsAfter).Select(t => t.Path));
        dependents.ExceptWith(own);
        dependents.RemoveWhere(p => !IsLive(p));
        checks.ExceptWith(own);
        checks.ExceptWith(dependents);
        checks.RemoveWhere(p => !IsLive(p));
        return new Plan(own, [.. dependents.OrderBy(p => p.RootUrl, StringComparer.Ordinal)], [.. checks],
            listed.Select(p => p.Lang).ToHashSet(StringComparer.Ordinal),
            listed.Select(p => (p.Lang, p.Section)).ToHashSet(), tagPages, sitemap, deleted);
    }

    /// <summary>
    /// Before the changes apply: the pages whose previous/next links show a changed page, and the sections whose sidebar
    /// lists it on every page (<see cref="Navigation.SidebarLimit"/>); only for changes to what the navigation shows.
    /// </summary>
    private (List<ContentPage> Neighbours, HashSet<(string Lang, string Section)> Listed) NavigationShowing(List<PageChange> changes)
    {
        var neighbours = new List<ContentPage>();
        var listed = new HashSet<(string Lang, string Section)>();
        foreach (var change in changes.Where(c => c.NavigationEntryChanged))
        {
            // The section a page arrives in counts too: it may be listed now and not once the page is in it.
            foreach (var page in change.Pages)
            {
                if (_models.Navigation.Of(page.Lang, page.Section).Listed)
                {
                    listed.Add((page.Lang, page.Section));
                }
            }
            if (change.Old is { } old)
            {
                var ordering = _models.Navigation.Of(old.Lang, old.Section);
                neighbours.AddRange(new[] { ordering.Previous(old), ordering.Next(old) }.OfType<ContentPage>());
            }
        }
        return (neighbours, listed);
    }

    /// <summary>After the changes apply: the pages of each section whose sidebar lists a changed page (before or now),
    /// and the neighbours of each changed page in its section's new order.</summary>
    private IEnumerable<ContentPage> NavigationShowingAfter(List<PageChange> changes, HashSet<(string Lang, string Section)> listedBefore)
    {
        var pages = new List<ContentPage>();
        foreach (var change in changes.Where(c => c.NavigationEntryChanged))
        {
            foreach (var page in change.Pages)
            {
                var ordering = _models.Navigation.Of(page.Lang, page.Section);
                if (ordering.Listed || listedBefore.Contains((page.Lang, page.Section)))
                {
                    pages.AddRange(ordering.Pages);
                }
            }
            if (change.New is { } now)
            {
                var ordering = _models.Navigation.Of(now.Lang, now.Section);
                pages.AddRange(new[] { ordering.Previous(now), ordering.Next(now) }.OfType<ContentPage>());
            }
        }
        return pages;
    }

    /// <summary>
    /// The pages whose backlinks changed: those a changed page links to now and did not before, or did and does not
    /// now; all of them, before and after, when the changed page's title, URL or language (what a backlink shows) changed.
    /// </summary>
    private List<ContentPage> BacklinkTargets(List<PageChange> changes, List<IReadOnlyList<LinkEdge>> before, Plan plan)
    {
        var targets = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            var after = _links.Graph.From(change.SourcePath);
            var shown = change.Old is null || change.New is null || change.Old.Title != change.New.Title
                || change.Old.RootUrl != change.New.RootUrl || change.Old.Lang != change.New.Lang;
            var edges = before[i].ToHashSet();
            if (shown)
            {
                edges.UnionWith(after);
            }
            else
            {
                edges.SymmetricExceptWith(after);
            }
            targets.UnionWith(edges.Select(e => e.To));
        }
        var rendering = plan.OwnPages.Concat(plan.Dependents).ToHashSet(ReferenceEqualityComparer.Instance);
        return [.. targets.Select(_site.BySource).OfType<ContentPage>().Where(p => IsLive(p) && !rendering.Contains(p))
            .OrderBy(p => p.RootUrl, StringComparer.Ordinal)];
    }

    private bool IsLive(ContentPage page) => ReferenceEquals(_site.BySource(page.SourcePath), page);

    /// <summary>The tag pages that exist now among those of <paramref name="tags"/> (tags with one slug share a page).</summary>
    private HashSet<(string Lang, string Path)> TagPaths(IEnumerable<(string Lang, string Tag)> tags)
    {
        var paths = tags.Select(t => (t.Lang, Path: SiteUrls.Tag(t.Lang, t.Tag))).ToHashSet();
        var present = _tagCounts.Keys.Where(k => paths.Contains((k.Lang, SiteUrls.Tag(k.Lang, k.Tag))));
        return present.Select(k => (k.Lang, SiteUrls.Tag(k.Lang, k.Tag))).ToHashSet();
    }

    private void CountTags(ContentPage page, int delta)
    {
        foreach (var tag in page.Header.Tags)
        {
            var key = (page.Lang, tag);
            var count = _tagCounts.GetValueOrDefault(key) + delta;
            if (count == 0)
            {
                _tagCounts.Remove(key);
            }
            else
            {
                _tagCounts[key] = count;
            }
        }
    }

    /// <summary>Writes the edited pages first (what the writer looks at), then everything that lists or links to them.</summary>
    private int Write(Plan plan, List<(string Path, string Html)> rendered)
    {
        var written = 0;
        foreach (var (path, html) in rendered)
        {
            WriteAtomically(path, html);
            written++;
        }
        foreach (var lang in plan.ListLanguages)
        {
            StaleSearchLanguages.Add(lang);
        }
        foreach (var page in plan.OwnPages)
        {
            StaleSearchLanguages.Add(page.Lang);
        }
        foreach (var path in plan.Deleted)
        {
            Delete(path + "index.html");
        }
        foreach (var lang in plan.ListLanguages.Order(StringComparer.Ordinal))
        {
            var language = _lists.For(lang);
            written += Emit(_lists.Home(language));
            foreach (var (_, section) in plan.Sections.Where(s => s.Lang == lang))
            {
                written += Emit(_lists.Section(language, section));
            }
            written += Emit(_lists.TagsIndex(language));
            foreach (var (_, path) in plan.TagPages.Where(t => t.Lang == lang))
            {
                if (_links.IsTarget(path))
                {
                    written += Emit(_lists.TagAt(language, path));
                }
            }
            WriteAtomically(SiteUrls.Feed(lang), FeedWriter.Feed(_site.Config, lang, _site.Pages));
        }
        // The "not translated yet" pages of the edited pages' translations name their titles; a page added, removed or
        // moved adds some and makes others stale. An edit that leaves every list entry as it was leaves them too.
        if (plan.Sitemap || plan.ListLanguages.Count > 0)
        {
            foreach (var page in _lists.UntranslatedOf(plan.OwnPages.Concat(plan.Dependents)))
            {
                written += Emit(page);
            }
        }
        if (plan.Sitemap)
        {
            var now = _lists.Untranslated().Select(p => p.OutputPath).ToHashSet(StringComparer.Ordinal);
            foreach (var stale in _untranslated.Except(now).Order(StringComparer.Ordinal))
            {
                Delete(stale);
            }
            _untranslated = now;
        }
        if (plan.Sitemap)
        {
            WriteAtomically(SiteUrls.Sitemap, FeedWriter.Sitemap(_site.Config, _lists.SitemapEntries(), _models.LastModified()));
        }
        return written;
    }

    private int Emit(ListPage? page)
    {
        if (page is null || _lists.Render(page) is not { } html)
        {
            return 0;
        }
        WriteAtomically(page.OutputPath, html);
        return 1;
    }

    private IReadOnlyList<Diagnostic> AllDiagnostics()
    {
        var all = new DiagnosticBag();
        foreach (var diagnostic in _fileDiagnostics.Values.SelectMany(d => d).Concat(_diagnostics.Sorted()))
        {
            all.Add(diagnostic);
        }
        return all.Sorted(_options.Strict);
    }

    private string Resolve(string rootPath) => Path.Combine(_output, rootPath.TrimStart('/'));

    /// <summary>Writes a file so that the server never sends half of it: a temporary file beside it, then a rename.</summary>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        OutputFolder.WriteNewFile(temp, content);
        File.Move(temp, path, overwrite: true);
    }

    private void WriteAtomically(string rootPath, string text) => WriteAtomically(Resolve(rootPath), Utf8.GetBytes(text));

    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Removes a page that a full build would not write, and its folder when that is left empty.</summary>
    private void Delete(string rootPath)
    {
        var path = Resolve(rootPath);
        File.Delete(path);
        for (var dir = Path.GetDirectoryName(path); dir is not null && dir.Length > _output.Length && Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any(); dir = Path.GetDirectoryName(dir))
        {
            Directory.Delete(dir);
        }
    }
}
