using System.Text;

namespace Hub.Search;

/// <summary>lunr.js 2.3.9 as installed from npm by the build and embedded in this assembly.</summary>
public static class SearchAssets
{
    /// <summary>
    /// Where the site serves lunr as an ES module, relative to the site root: the minified build wrapped at build time
    /// so that its default export is lunr, which the search engine imports (in a module worker or on the page).
    /// </summary>
    public const string LunrModulePath = "assets/js/lunr.module.js";

    /// <summary>The readable lunr.js from the npm package (used by tests).</summary>
    public static byte[] LunrJs() => Read("Hub.Search.lunr.js");

    /// <summary>lunr.min.js from the npm package: the source of the module the site serves (<see cref="LunrModulePath"/>).</summary>
    public static byte[] LunrMinJs() => Read("Hub.Search.lunr.min.js");

    /// <summary>
    /// lunr.min.js as an ES module. The minified build is one <c>!function(){…}()</c> whose UMD footer, finding neither
    /// AMD nor CommonJS, sets <c>lunr</c> on that function's <c>this</c>. Module code is strict, where a plain call has
    /// no <c>this</c>: the function is called with an object of the module's own instead, and its lunr exported.
    /// </summary>
    public static byte[] LunrModuleJs() => LunrModule.Value;

    private static readonly Lazy<byte[]> LunrModule = new(() =>
    {
        var source = Encoding.UTF8.GetString(LunrMinJs()).TrimEnd();
        const string Start = "!function(){";
        const string End = "}();";
        var start = source.IndexOf(Start, StringComparison.Ordinal);
        if (start < 0 || !source.EndsWith(End, StringComparison.Ordinal) || source.IndexOf(Start, start + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException("lunr.min.js is not the single immediately invoked function of lunr 2.3.9: see package-lock.json.");
        }

        var body = source[(start + Start.Length)..^End.Length];
        return Encoding.UTF8.GetBytes(
            source[..start] + "\n// Wrapped by Hub.Search as an ES module.\nconst scope = {};\n(function(){" + body + "}).call(scope);\nexport default scope.lunr;\n");
    });

    /// <summary>Files the site writes besides the theme's own assets: lunr and the tables shared with the C# side.</summary>
    public static IReadOnlyList<SearchFile> Files() =>
        [new(LunrModulePath, LunrModuleJs()), new(SearchScriptTables.Path, SearchScriptTables.Content())];

    /// <summary>The paths of <see cref="Files"/>, relative to the site root: links to them are links to the site.</summary>
    public static IReadOnlyList<string> Paths => [LunrModulePath, SearchScriptTables.Path];

    private static byte[] Read(string name)
    {
        using var stream = typeof(SearchAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
