using Hub.Site.Content;

namespace Hub.Site.Incremental;

/// <summary>
/// Who depends on whom, in the directions a rebuild needs: the pages that link to a file, that link to a
/// site-root path, that embed a page by slug (<see cref="ContentKind.EmbedName"/>). What a kind's own model reads
/// is the kind's to say (<see cref="ContentKind.ModelsReading"/>). Kept up to date as pages are added and removed.
/// </summary>
public sealed class DependencyIndex
{
    private readonly Dictionary<string, HashSet<ContentPage>> _linksToFile = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<ContentPage>> _linksToRoot = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<ContentPage>> _embeds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<ContentPage>> _wikiLinks = new(StringComparer.Ordinal);

    public DependencyIndex(IEnumerable<ContentPage> pages)
    {
        foreach (var page in pages)
        {
            Add(page);
        }
    }

    public void Add(ContentPage page) => Visit(page, (map, key) => Set(map, key).Add(page));

    public void Remove(ContentPage page) => Visit(page, (map, key) =>
    {
        if (map.TryGetValue(key, out var set) && set.Remove(page) && set.Count == 0)
        {
            map.Remove(key);
        }
    });

    /// <summary>Pages with a relative link to the source file <paramref name="fullPath"/>.</summary>
    public IEnumerable<ContentPage> LinkingTo(string fullPath) => Get(_linksToFile, fullPath);

    /// <summary>Pages with a site-root link to <paramref name="rootPath"/> (as <see cref="Links.LinkResolver"/> normalises it).</summary>
    public IEnumerable<ContentPage> LinkingToRoot(string rootPath) => Get(_linksToRoot, rootPath);

    /// <summary>Pages with a <c>:::{embed} {slug}</c> embed (<c>:::kpi churn-rate</c>).</summary>
    public IEnumerable<ContentPage> Embedding(string embed, string slug) => Get(_embeds, embed + ":" + slug);

    /// <summary>Pages with a wikilink to <paramref name="slug"/> (<c>[[churn-rate]]</c>, <c>[[kpis/churn-rate]]</c>), whichever page it finds.</summary>
    public IEnumerable<ContentPage> WikiLinking(string slug) => Get(_wikiLinks, slug);

    private void Visit(ContentPage page, Action<Dictionary<string, HashSet<ContentPage>>, string> visit)
    {
        if (page.Body is { } body)
        {
            var dir = Path.GetDirectoryName(page.SourcePath)!;
            foreach (var link in body.Links)
            {
                if (LinkTarget(dir, link.Url) is { } target)
                {
                    visit(target.Root ? _linksToRoot : _linksToFile, target.Key);
                }
            }
            foreach (var wikiLink in body.WikiLinks)
            {
                if (wikiLink.Inline.Slug.Length > 0)
                {
                    visit(_wikiLinks, wikiLink.Inline.Slug);
                }
            }
            foreach (var embed in body.Embeds)
            {
                var args = embed.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (args.Length > 0)
                {
                    visit(_embeds, embed.Kind + ":" + args[0]);
                }
            }
        }
    }

    /// <summary>What a link depends on, by the rules of <see cref="Links.LinkResolver.Resolve"/>: a source file or a site-root path.</summary>
    private static (bool Root, string Key)? LinkTarget(string dir, string url)
    {
        if (url.Length == 0 || url.StartsWith("//", StringComparison.Ordinal) || HasScheme(url))
        {
            return null;
        }
        var path = url;
        var cut = path.IndexOfAny(['#', '?']);
        if (cut >= 0)
        {
            path = path[..cut];
        }
        if (path.Length == 0)
        {
            return null;
        }
        if (path.StartsWith('/'))
        {
            return (true, path.EndsWith('/') || Path.HasExtension(path) ? path : path + "/");
        }
        try
        {
            return (false, Path.GetFullPath(Path.Combine(dir, Uri.UnescapeDataString(path))));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool HasScheme(string url)
    {
        if (url.Length == 0 || !char.IsAsciiLetter(url[0]))
        {
            return false;
        }
        foreach (var c in url.AsSpan(1))
        {
            if (c == ':')
            {
                return true;
            }
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '.' or '-'))
            {
                return false;
            }
        }
        return false;
    }

    private static HashSet<ContentPage> Set(Dictionary<string, HashSet<ContentPage>> map, string key)
    {
        if (!map.TryGetValue(key, out var set))
        {
            map[key] = set = new HashSet<ContentPage>(ReferenceEqualityComparer.Instance);
        }
        return set;
    }

    private static IEnumerable<ContentPage> Get(Dictionary<string, HashSet<ContentPage>> map, string key) =>
        map.TryGetValue(key, out var set) ? set : [];
}
