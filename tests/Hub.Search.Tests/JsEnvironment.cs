using System.Text;
using Hub.Search;
using Jint;

namespace Hub.Search.Tests;

/// <summary>A Jint engine with lunr.js (the npm file embedded in Hub.Search) and the theme's search tokenizer.</summary>
internal static class JsEnvironment
{
    public static Engine Create(bool withLunr = true)
    {
        var engine = new Engine(options => options.Strict(false));
        if (withLunr)
        {
            engine.Execute(Encoding.UTF8.GetString(SearchAssets.LunrJs()));
        }

        engine.Execute(File.ReadAllText(RepoPaths.Theme("assets/js/search-tokenizer.js")));
        return engine;
    }
}
