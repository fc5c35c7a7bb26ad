namespace Hub.Templates;

/// <summary>
/// The theme as a stack of folders: the site's own <c>input/_theme/</c> first, then the theme. A file of the
/// same relative path in an earlier folder overrides the later ones (Hugo's lookup order).
/// </summary>
public sealed class ThemeFiles(IReadOnlyList<string> roots)
{
    public IReadOnlyList<string> Roots { get; } = roots.Where(Directory.Exists).Select(Path.GetFullPath).ToList();

    /// <summary>The full path of the winning file for a relative path such as <c>layouts/article.scriban-html</c>.</summary>
    public string? Resolve(string relativePath)
    {
        foreach (var root in Roots)
        {
            var candidate = Path.Combine(root, relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>Every relative path under <paramref name="folder"/> across the stack, each once, sorted ordinally.</summary>
    public IReadOnlyList<string> List(string folder, string searchPattern = "*")
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var root in Roots)
        {
            var dir = Path.Combine(root, folder);
            if (!Directory.Exists(dir))
            {
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(dir, searchPattern, SearchOption.AllDirectories))
            {
                found.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
            }
        }
        return found.ToList();
    }
}
