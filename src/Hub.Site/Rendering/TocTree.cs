using Hub.Markdown.Headings;
using Scriban.Runtime;
using static Hub.Site.Rendering.ModelBuilder;

namespace Hub.Site.Rendering;

/// <summary>
/// A page's table of contents as nested lists (<c>page.toc_tree</c>): each level-2 heading with the level-3 headings
/// under it as <c>children</c>, so a list numbers its own entries. A level-3 heading before any level-2 one stands alone.
/// </summary>
public static class TocTree
{
    public static List<object?> Build(IEnumerable<HeadingInfo> headings)
    {
        var top = new List<object?>();
        List<object?>? children = null;
        foreach (var h in headings.Where(h => h.Level is 2 or 3))
        {
            var below = new List<object?>();
            var entry = Obj(("level", h.Level), ("text", h.Text), ("id", h.Id), ("children", below));
            if (h.Level == 3 && children is not null)
            {
                children.Add(entry);
                continue;
            }
            top.Add(entry);
            children = h.Level == 2 ? below : null;
        }
        return top;
    }
}
