namespace Hub.Site.Content;

/// <summary>
/// The element ids the default theme's layouts and partials write around a page's body. A heading of the body never
/// gets one of them (it gets <c>main-1</c> …), so ids stay unique and <c>#main</c> or the search box's label keeps
/// pointing at its element. A test keeps this list equal to the theme's literal <c>id="…"</c> attributes.
/// </summary>
public static class ThemeIds
{
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "main", "site-search", "home-search", "toc-title",
        "search-page-q", "search-status", "search-results", "search-more",
        "formula", "calculator", "inputs", "examples", "related", "kpi-questions", "benchmarks", "sensitivity",
        "catalogue-filters", "catalogue-filters-panel", "catalogue-filters-title", "catalogue-q", "catalogue-q-hint",
        "catalogue-status", "catalogue-empty", "catalogue-kit", "catalogue-kit-title", "catalogue-kit-summary", "catalogue-kit-message",
        "catalogue-scorecard", "catalogue-scorecard-title", "catalogue-scorecard-saved", "catalogue-scorecard-form-title", "catalogue-scorecard-candidate",
        "catalogue-scorecard-interviewer", "catalogue-scorecard-date", "catalogue-scorecard-probe", "catalogue-scorecard-message",
        "catalogue-preparation", "catalogue-preparation-title", "catalogue-preparation-company", "catalogue-preparation-date",
        "debrief-files", "debrief-drop", "debrief-clear", "debrief-status", "debrief-errors", "debrief-result", "debrief-ratings", "debrief-gaps",
        "debrief-recommendations", "debrief-notes",
        "backlinks-title",
        "term-aliases", "term-related",
        "sidebar",
    };
}
