using Hub.Core.Diagnostics;
using Hub.Site.Content;
using Hub.Site.Content.Kpis;
using Hub.Site.Rendering;
using Hub.Site.Search;

namespace Hub.Site;

/// <summary>
/// The seams where content kinds with build-time work plug in: formulas are checked and examples evaluated
/// before rendering; scripts and search indexes are generated files written with the site.
/// </summary>
public sealed class ContentSteps(SiteContent site, ModelBuilder models, BuildOptions options, DiagnosticBag diagnostics)
{
    private readonly FormulaStep _formulas = new();

    public void BeforeRender()
    {
        var cache = options.CacheDirectory is null ? null : Path.GetFullPath(options.CacheDirectory);
        _formulas.Run(site, options.WriteOutput ? cache : null, diagnostics);
        models.FormulaHtml = _formulas.DisplayHtml;
    }

    /// <summary>Files written beside the pages, keyed by site-root path.</summary>
    public SortedDictionary<string, byte[]> GeneratedFiles()
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal) { [FormulaStep.ScriptPath] = _formulas.Script() };
        foreach (var (path, content) in SearchStep.Files(site, models))
        {
            files[path] = content;
        }
        return files;
    }
}
