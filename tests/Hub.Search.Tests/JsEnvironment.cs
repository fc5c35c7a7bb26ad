using Hub.Search;
using Jint;

namespace Hub.Search.Tests;

/// <summary>
/// The browser's search scripts as ES modules, next to each other as the site serves them: the theme's own
/// (search-tokenizer.js, search-engine.js) and those Hub.Search writes at build time (lunr.module.js, search-tables.js).
/// </summary>
internal static class JsEnvironment
{
    private static readonly Lazy<string> Directory = new(CreateModuleDirectory);

    /// <summary>A folder holding every module, with a package.json that makes Node.js read them as ES modules.</summary>
    public static string Modules => Directory.Value;

    /// <summary>
    /// A Jint engine with the tokenizer's exports as the global <c>HubSearchTokenizer</c>; with lunr, also lunr as
    /// <c>lunr</c> and the search engine's exports as <c>HubSearchEngine</c>.
    /// </summary>
    public static Engine Create(bool withLunr = true)
    {
        var engine = new Engine(options => options.Strict(false).EnableModules(Modules));
        engine.SetValue("HubSearchTokenizer", engine.Modules.Import("./search-tokenizer.js"));
        if (withLunr)
        {
            engine.SetValue("lunr", engine.Modules.Import("./lunr.module.js").Get("default"));
            engine.SetValue("HubSearchEngine", engine.Modules.Import("./search-engine.js"));
        }

        return engine;
    }

    private static string CreateModuleDirectory()
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("hub-search-modules-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                System.IO.Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
        };
        foreach (var file in System.IO.Directory.GetFiles(RepoPaths.Theme("assets/js"), "*.js"))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }

        foreach (var file in SearchAssets.Files())
        {
            File.WriteAllBytes(Path.Combine(dir, Path.GetFileName(file.RelativePath)), file.Content);
        }

        File.WriteAllText(Path.Combine(dir, "package.json"), """{ "type": "module" }""");
        return dir;
    }
}
