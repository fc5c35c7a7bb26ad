using System.Globalization;

namespace Hub.Site.Content;

/// <summary>When a page last changed, and where that came from: <c>git</c> or the front matter's <c>updated</c>.</summary>
/// <param name="DateTime">The W3C date-time of <c>&lt;time datetime&gt;</c> and the sitemap's <c>lastmod</c>: the commit's author date with its offset, or the front matter's day.</param>
/// <param name="Day">The calendar day shown, in the commit's own offset.</param>
public sealed record PageDate(string DateTime, DateOnly Day, string Source);

/// <summary>
/// Each page's last change: the last commit that touched its file (when dates come from git and the file is as that
/// commit left it), else the front matter's <c>updated</c>, else nothing. Never the file's modification time, which a
/// fresh clone resets: the same commit always gives the same dates.
/// </summary>
public sealed class LastUpdated(GitDates? git)
{
    /// <summary>Front matter only: the library's default, and every site that is not in a git work tree.</summary>
    public static LastUpdated FrontMatterOnly { get; } = new(null);

    public GitDates? Git => git;

    public PageDate? Of(ContentPage page)
    {
        if (git?.Of(page.SourcePath) is { } committed)
        {
            return new PageDate(committed.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), DateOnly.FromDateTime(committed.DateTime), "git");
        }
        return page.Header.Updated is { } updated
            ? new PageDate(updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), updated, "front-matter")
            : null;
    }
}
