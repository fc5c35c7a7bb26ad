namespace Hub.Core.Files;

/// <summary>
/// A folder Hub reads files from (the input folder, a theme folder), and how a diagnostic names it. Files are read
/// only from inside it: see <see cref="RootedFiles"/>.
/// </summary>
public sealed class FileRoot
{
    public FileRoot(string path, string name)
    {
        Path = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(path));
        Name = name;
        // The root itself may lie below a linked folder (a checkout under a linked home, /tmp on macOS): paths are
        // compared once every link is resolved.
        RealPath = RootedFiles.Resolve(Path).Real ?? Path;
    }

    /// <summary>The full path as given.</summary>
    public string Path { get; }

    /// <summary>How messages name it: "input folder", "theme folder".</summary>
    public string Name { get; }

    internal string RealPath { get; }

    /// <summary>True when a fully resolved path is the root or lies below it.</summary>
    internal bool Contains(string realPath) =>
        string.Equals(realPath, RealPath, Comparison)
        || (realPath.Length > RealPath.Length && realPath.StartsWith(RealPath, Comparison)
            && (realPath[RealPath.Length] == System.IO.Path.DirectorySeparatorChar || RealPath.EndsWith(System.IO.Path.DirectorySeparatorChar)));

    private static StringComparison Comparison => OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
}
