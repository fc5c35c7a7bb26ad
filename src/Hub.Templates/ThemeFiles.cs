using Hub.Core.Diagnostics;
using Hub.Core.Files;

namespace Hub.Templates;

/// <summary>
/// The theme as a stack of folders: the site's own <c>input/_theme/</c> first, then the theme. A file of the
/// same relative path in an earlier folder overrides the later ones (Hugo's lookup order). Each folder is listed
/// once, through <see cref="RootedFiles"/>: a link out of its folder, a dangling link or a FIFO is reported and
/// never read, and nothing outside the stack can be resolved (an <c>include '../../x'</c> finds nothing).
/// </summary>
public sealed class ThemeFiles
{
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);

    /// <summary>A stack whose refused files are left out silently (tests of templates alone).</summary>
    public ThemeFiles(IReadOnlyList<string> roots)
        : this(roots, new DiagnosticBag(), p => p)
    {
    }

    public ThemeFiles(IReadOnlyList<string> roots, DiagnosticBag diagnostics, Func<string, string> displayPath)
    {
        Roots = roots.Where(Directory.Exists).Select(Path.GetFullPath).ToList();
        foreach (var root in Roots)
        {
            foreach (var file in RootedFiles.Enumerate(new FileRoot(root, "theme folder"), root, "*", recurse: true, displayPath, diagnostics))
            {
                _files.TryAdd(Path.GetRelativePath(root, file).Replace('\\', '/'), file);
                _paths.Add(file);
            }
        }
    }

    public IReadOnlyList<string> Roots { get; }

    /// <summary>The full path of the winning file for a relative path such as <c>layouts/article.scriban-html</c>.</summary>
    public string? Resolve(string relativePath) => _files.GetValueOrDefault(relativePath.Replace('\\', '/'));

    /// <summary>True for a full path that <see cref="Resolve"/> can return: a file of the stack, checked.</summary>
    public bool Contains(string path) => _paths.Contains(path);

    /// <summary>Every relative path under <paramref name="folder"/> across the stack, each once, sorted ordinally.</summary>
    public IReadOnlyList<string> List(string folder, string searchPattern = "*")
    {
        var prefix = folder.TrimEnd('/') + "/";
        return _files.Keys
            .Where(f => f.StartsWith(prefix, StringComparison.Ordinal)
                && System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(searchPattern, f.AsSpan(f.LastIndexOf('/') + 1), ignoreCase: OperatingSystem.IsWindows()))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
