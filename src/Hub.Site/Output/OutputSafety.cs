using Hub.Core.Diagnostics;

namespace Hub.Site.Output;

/// <summary>
/// Refuses output folders a build could damage: one that is or contains the input, the theme or the repository
/// root, one inside the input or theme, the file system root or the home folder, and an existing folder that
/// Hub did not write.
/// </summary>
public static class OutputSafety
{
    public const string MarkerFile = ".hub-output";

    public static bool Check(string output, string input, string theme, DiagnosticBag diagnostics)
    {
        var outFull = Normalize(output);
        var location = SourceLocation.FileOnly(PathDisplay.For(output));
        var guarded = new List<(string Path, string What)> { (Normalize(input), "the input folder"), (Normalize(theme), "the theme folder") };
        if (FindRepositoryRoot(input) is { } repo)
        {
            guarded.Add((Normalize(repo), "the repository root"));
        }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (!string.IsNullOrEmpty(home))
        {
            guarded.Add((Normalize(home), "your home folder"));
        }
        foreach (var (path, what) in guarded)
        {
            if (IsSameOrInside(path, outFull))
            {
                diagnostics.Error(DiagnosticCodes.OutputUnsafe, location, $"refusing to write to '{PathDisplay.For(output)}': it is or contains {what}",
                    "choose a folder of its own, such as _site");
                return false;
            }
        }
        foreach (var (path, what) in guarded.Take(2))
        {
            if (IsSameOrInside(outFull, path))
            {
                diagnostics.Error(DiagnosticCodes.OutputUnsafe, location, $"refusing to write to '{PathDisplay.For(output)}': it is inside {what}",
                    "choose a folder outside the input and the theme, such as _site");
                return false;
            }
        }
        if (Path.GetPathRoot(outFull) == outFull)
        {
            diagnostics.Error(DiagnosticCodes.OutputUnsafe, location, "refusing to write to the root of the file system");
            return false;
        }
        if (Directory.Exists(outFull) && Directory.EnumerateFileSystemEntries(outFull).Any() && !File.Exists(Path.Combine(outFull, MarkerFile)))
        {
            diagnostics.Error(DiagnosticCodes.OutputUnsafe, location, $"refusing to replace '{PathDisplay.For(output)}': it holds files Hub did not write",
                $"empty it, or choose another folder; Hub marks its own output with {MarkerFile}");
            return false;
        }
        return true;
    }

    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    private static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    /// <summary>True when <paramref name="inner"/> is <paramref name="outer"/> or lies below it.</summary>
    private static bool IsSameOrInside(string inner, string outer) =>
        inner == outer || inner.StartsWith(outer + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
