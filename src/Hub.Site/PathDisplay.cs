namespace Hub.Site;

/// <summary>Shows paths as the user typed them: relative to the working directory when inside it, with '/'.</summary>
public static class PathDisplay
{
    public static string For(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
        return shown.Replace('\\', '/');
    }
}
