namespace Hub.Search.Tests;

internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Theme(string relative) => Path.Combine(Root, "theme", relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Hub.sln not found above " + AppContext.BaseDirectory);
    }
}
