using System.Collections.Concurrent;
using Hub.Site.Content;
using Hub.Site.Content.Kpis;

namespace Hub.Site.Rendering;

/// <summary>
/// The order of each section's pages in one language, as its section page lists them (KPIs by category and
/// <c>order</c>, other kinds newest first, then by title), which the sidebar, breadcrumbs and previous/next links read.
/// Each (language, section) is ordered once and kept; <c>hub serve</c> forgets the ones an edit touches
/// (<see cref="Forget"/>). A section longer than <see cref="SidebarLimit"/> is not listed in the sidebar (it links to its
/// section page instead), so a page's size does not grow with its section's.
/// </summary>
public sealed class Navigation(SiteContent site)
{
    /// <summary>The most pages of one section the sidebar lists on every page of it.</summary>
    public const int SidebarLimit = 100;

    private readonly ConcurrentDictionary<(string Lang, string Section), Ordering> _sections = new();

    /// <summary>One section's pages in list order, and where each page is in it.</summary>
    public sealed class Ordering(List<ContentPage> pages)
    {
        private readonly Dictionary<ContentPage, int> _index = pages.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, (IEqualityComparer<ContentPage>)ReferenceEqualityComparer.Instance);

        public IReadOnlyList<ContentPage> Pages => pages;

        /// <summary>Whether the sidebar lists the section's pages (it is at most <see cref="SidebarLimit"/> long).</summary>
        public bool Listed => pages.Count <= SidebarLimit;

        public int IndexOf(ContentPage page) => _index.TryGetValue(page, out var i) ? i : -1;

        public ContentPage? Previous(ContentPage page) => IndexOf(page) is var i and > 0 ? pages[i - 1] : null;

        public ContentPage? Next(ContentPage page) => IndexOf(page) is var i and >= 0 && i + 1 < pages.Count ? pages[i + 1] : null;
    }

    /// <summary>A section's pages in list order: KPIs as <see cref="KpiCategories.Ordered"/>, others as <see cref="ListPages"/> lists them.</summary>
    public static List<ContentPage> Ordered(IReadOnlyList<ContentPage> pages) =>
        pages.Count > 0 && pages.All(p => p is KpiPage)
            ? KpiCategories.Ordered(pages.Cast<KpiPage>()).ToList<ContentPage>()
            : ListPages.Ordered(pages).ToList();

    public Ordering Of(string lang, string section) =>
        _sections.GetOrAdd((lang, section), key => new Ordering(Ordered(site.Pages.Where(p => p.Lang == key.Lang && p.Section == key.Section).ToList())));

    /// <summary><c>hub serve</c>'s incremental rebuild: a page of this section was added, removed or edited.</summary>
    public void Forget(string lang, string section) => _sections.TryRemove((lang, section), out _);
}
