using Hub.Core.Diagnostics;

namespace Hub.Site;

public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, int PageCount, int FileCount, string? OutputPath)
{
    /// <summary>Nothing changed since the last build, so the output was left as it was (its diagnostics are repeated).</summary>
    public bool UpToDate { get; init; }

    public bool Succeeded => !Diagnostics.Any(d => d.IsError);

    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    public int WarningCount => Diagnostics.Count(d => !d.IsError);
}

/// <summary>A full build, and the session <c>hub serve</c> keeps of it to re-render single pages (null unless it succeeded and wrote its output).</summary>
public sealed record SiteBuild(BuildResult Result, SiteSession? Session)
{
    /// <summary>The path the built site is served under (from its configuration); null without a session.</summary>
    public string? BasePath => Session?.BasePath;
}
