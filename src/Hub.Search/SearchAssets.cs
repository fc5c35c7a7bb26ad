namespace Hub.Search;

/// <summary>lunr.js 2.3.9 as installed from npm by the build and embedded in this assembly.</summary>
public static class SearchAssets
{
    /// <summary>Where the site serves lunr.js (the minified build from the npm package), relative to the site root.</summary>
    public const string LunrPath = "assets/js/lunr.min.js";

    /// <summary>The readable lunr.js from the npm package (used by tests).</summary>
    public static byte[] LunrJs() => Read("Hub.Search.lunr.js");

    /// <summary>lunr.min.js from the npm package: what the site serves.</summary>
    public static byte[] LunrMinJs() => Read("Hub.Search.lunr.min.js");

    /// <summary>Files the site writes besides the theme's own assets.</summary>
    public static IReadOnlyList<SearchFile> Files() => [new(LunrPath, LunrMinJs())];

    private static byte[] Read(string name)
    {
        using var stream = typeof(SearchAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
