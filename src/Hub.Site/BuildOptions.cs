using Hub.Site.Content;

namespace Hub.Site;

/// <summary>What one build reads and writes. Paths may be relative to the current directory.</summary>
public sealed record BuildOptions
{
    public string Input { get; init; } = "input";

    public string Theme { get; init; } = "theme";

    public string Output { get; init; } = "_site";

    /// <summary>Overrides the path part of baseUrl, e.g. <c>/cs-hub/</c> for a GitHub Pages project site.</summary>
    public string? BasePath { get; init; }

    public bool Drafts { get; init; }

    /// <summary>Warnings fail the build.</summary>
    public bool Strict { get; init; }

    /// <summary>False for <c>hub check</c>: every validation runs, nothing is written.</summary>
    public bool WriteOutput { get; init; } = true;

    /// <summary>Pages load the live-reload script (<c>hub serve</c>).</summary>
    public bool LiveReload { get; init; }

    /// <summary>Where Hub keeps caches between builds (formula checks); null disables caching.</summary>
    public string? CacheDirectory { get; init; } = ".hub-cache";

    /// <summary>
    /// Whether the build records a fingerprint of its inputs in the cache folder, and whether it leaves the output
    /// alone when nothing changed since (<c>hub build</c> without <c>--force</c>). Needs <see cref="CacheDirectory"/>.
    /// </summary>
    public UpToDateCheck UpToDate { get; init; } = UpToDateCheck.Off;

    /// <summary>
    /// Pages show when they last changed from git (the last commit that touched their file, read in one pass), when
    /// the input folder is in a git work tree; off, only front matter <c>updated</c> gives a date. <c>hub build</c>,
    /// <c>check</c> and <c>serve</c> turn it on (<c>--no-git-dates</c> turns it off); the library leaves it off, so that
    /// sites inside a repository (tests' golden sites) do not change with every commit.
    /// </summary>
    public bool DatesFromGit { get; init; }

    /// <summary>The content kinds the site is made of (<see cref="ContentKindsBuilder"/>): articles, catalogues and KPIs by default.</summary>
    public ContentKinds Kinds { get; init; } = ContentKinds.Default;
}

public enum UpToDateCheck
{
    /// <summary>Always build; record nothing.</summary>
    Off,

    /// <summary>Always build; record the fingerprint so that the next build can skip.</summary>
    Record,

    /// <summary>
    /// When the fingerprint and the output are as the last build left them, build nothing (the result has
    /// <see cref="BuildResult.UpToDate"/> set, the last build's diagnostics, and no <see cref="SiteSession"/>);
    /// otherwise build and record.
    /// </summary>
    Skip,
}
