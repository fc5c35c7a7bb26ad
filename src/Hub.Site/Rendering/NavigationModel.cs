using Hub.Site.Content;
using Scriban.Runtime;
using static Hub.Site.Rendering.ModelBuilder;

namespace Hub.Site.Rendering;

/// <summary>
/// What a content page's navigation shows (<c>page.nav</c>): its section's pages for the sidebar (<c>pages</c>, list
/// entries in list order; empty when the section is longer than <see cref="Navigation.SidebarLimit"/>) and the pages before and after it in that order (<c>prev</c>, <c>next</c>: list entries or null). The entries are
/// the shared list entries, so a page only adds a list of references.
/// </summary>
public static class NavigationModel
{
    public static ScriptObject Build(ContentPage page, Navigation navigation, ModelBuilder models)
    {
        var ordering = navigation.Of(page.Lang, page.Section);
        return Obj(
            ("pages", ordering.Listed ? ordering.Pages.Select(p => (object?)models.Summary(p)).ToList() : new List<object?>()),
            ("prev", ordering.Previous(page) is { } prev ? models.Summary(prev) : null),
            ("next", ordering.Next(page) is { } next ? models.Summary(next) : null));
    }

    /// <summary>The name of a heading's link to itself (<c>i18n.nav.heading_link</c>, <c>{heading}</c> standing for its text).</summary>
    public static Func<string, string> HeadingLinkLabel(ScriptObject strings)
    {
        var template = strings["nav"] is ScriptObject nav && nav["heading_link"] is string s ? s : "{heading}";
        return heading => template.Replace("{heading}", heading, StringComparison.Ordinal);
    }
}
