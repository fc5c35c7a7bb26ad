using System.Globalization;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Hub.Markdown.Tables;

/// <summary>
/// Turns a table's column alignment (<c>:--</c>, <c>--:</c>) and grid-table column widths into classes on its
/// cells (<c>align-right</c>, <c>w-25</c>; rules in the theme's main.css). Markdig writes them as <c>style</c>
/// attributes, which the pages' Content-Security-Policy (no <c>'unsafe-inline'</c>) would refuse.
/// </summary>
public static class TableClasses
{
    /// <summary>Widths are rounded to this step (in percent), so the theme needs one rule per step.</summary>
    public const int WidthStep = 5;

    public static void Apply(MarkdownDocument document)
    {
        foreach (var table in document.Descendants<Table>())
        {
            var columns = table.ColumnDefinitions;
            if (columns.Count == 0)
            {
                continue;
            }
            foreach (var row in table.OfType<TableRow>())
            {
                for (var i = 0; i < row.Count; i++)
                {
                    if (row[i] is not TableCell cell)
                    {
                        continue;
                    }
                    // Markdig aligns a cell by its column, or by its position when the column is unknown.
                    var column = columns[cell.ColumnIndex >= 0 && cell.ColumnIndex < columns.Count ? cell.ColumnIndex : Math.Min(i, columns.Count - 1)];
                    var attributes = cell.GetAttributes();
                    if (column.Alignment is { } alignment)
                    {
                        attributes.AddClass(alignment switch
                        {
                            TableColumnAlign.Center => "align-center",
                            TableColumnAlign.Right => "align-right",
                            _ => "align-left",
                        });
                    }
                    if (column.Width > 0)
                    {
                        attributes.AddClass("w-" + RoundWidth(column.Width).ToString(CultureInfo.InvariantCulture));
                    }
                }
            }
            foreach (var column in columns)
            {
                column.Alignment = null;
                column.Width = 0;
            }
        }
    }

    /// <summary>A column width in percent, to the nearest <see cref="WidthStep"/>, at least one step and at most 100.</summary>
    public static int RoundWidth(float percent) =>
        Math.Clamp((int)MathF.Round(percent / WidthStep, MidpointRounding.AwayFromZero) * WidthStep, WidthStep, 100);
}
