using Hub.Core.Diagnostics;
using Hub.Site.Content;
using Hub.Site.Content.Kpis;
using Hub.Site.Search;

namespace Hub.Site;

/// <summary>
/// The seams where content kinds with build-time work plug in: formulas are checked and examples evaluated
/// before rendering (what pages show of them, <see cref="FormulaStep.DisplayHtml"/>, is given to the models when
/// they are made); scripts and search indexes are generated files written with the site.
/// </summary>
public sealed class ContentSteps(SiteContent site, FormulaStep formulas, BuildOptions options, DiagnosticBag diagnostics)
{
    /// <summary>
    /// What pages need before they render (the formulas as shown); returns what may go on while they render (Roslyn's
    /// check of the formulas and their worked examples), to be awaited before the build is judged or
    /// <see cref="FormulaScript"/> is called.
    /// </summary>
    public Task BeforeRender()
    {
        var cache = options.CacheDirectory is null ? null : Path.GetFullPath(options.CacheDirectory);
        return formulas.Run(site, options.WriteOutput ? cache : null, diagnostics);
    }

    /// <summary>
    /// The search index and store files from search documents taken beforehand (<see cref="SearchStep.Documents"/>),
    /// so they can be built while pages render: they read nothing rendering changes.
    /// </summary>
    public SortedDictionary<string, byte[]> SearchFiles(IEnumerable<Hub.Search.SearchDocument> searchDocuments)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (path, content) in SearchStep.Files(searchDocuments, site.Config.Languages, site.Kinds))
        {
            files[path] = content;
        }
        return files;
    }

    /// <summary>The calculators' script (<see cref="FormulaStep.ScriptPath"/>), once the task <see cref="BeforeRender"/> returned has completed.</summary>
    public byte[] FormulaScript() => formulas.Script();
}
