using Hub.Core.Diagnostics;
using Hub.Site.Content;
using Hub.Site.Rendering;

namespace Hub.Site;

/// <summary>
/// The seams where content kinds with build-time work plug in: formulas are checked and examples evaluated
/// before rendering; search indexes and scripts are generated files written with the site.
/// </summary>
public sealed class ContentSteps(SiteContent site, ModelBuilder models, BuildOptions options, DiagnosticBag diagnostics)
{
    public SiteContent Site => site;

    public ModelBuilder Models => models;

    public BuildOptions Options => options;

    public DiagnosticBag Diagnostics => diagnostics;

    public void BeforeRender()
    {
    }

    /// <summary>Files written beside the pages, keyed by site-root path.</summary>
    public SortedDictionary<string, byte[]> GeneratedFiles() => new(StringComparer.Ordinal);
}
