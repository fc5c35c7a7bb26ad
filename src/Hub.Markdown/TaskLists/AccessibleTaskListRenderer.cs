using Markdig.Extensions.TaskLists;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Hub.Markdown.TaskLists;

/// <summary>
/// Renders <c>- [x]</c> as a checkbox hidden from assistive technology plus a ☑/☐ they read out: a disabled
/// checkbox without a label is an accessibility error, and the item's text already says what is checked.
/// </summary>
internal sealed class AccessibleTaskListRenderer : HtmlObjectRenderer<TaskList>
{
    protected override void Write(HtmlRenderer renderer, TaskList obj)
    {
        if (!renderer.EnableHtmlForInline)
        {
            renderer.Write(obj.Checked ? "[x]" : "[ ]");
            return;
        }
        renderer.Write(obj.Checked
            ? "<input disabled=\"disabled\" type=\"checkbox\" checked=\"checked\" aria-hidden=\"true\"><span class=\"visually-hidden\">☑ </span>"
            : "<input disabled=\"disabled\" type=\"checkbox\" aria-hidden=\"true\"><span class=\"visually-hidden\">☐ </span>");
    }
}
