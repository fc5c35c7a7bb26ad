using Markdig;

namespace Hub.Markdown;

/// <summary>The one Markdig pipeline of a build: built once, shared by every page (pipelines are thread-safe).</summary>
public static class MarkdownPipelineFactory
{
    private static readonly Lazy<MarkdownPipeline> Shared = new(Create);

    public static MarkdownPipeline Pipeline => Shared.Value;

    /// <summary>
    /// Markdig's own nesting limit (parse and render), a backstop above <see cref="MarkdownDepthGuard.Limit"/>: Markdig
    /// counts a list level twice (list and item) and the inlines of its paragraph on top.
    /// </summary>
    private const int MarkdigDepthLimit = 1024;

    private static MarkdownPipeline Create() =>
        WikiLinks.WikiLinkExtension.Use(new MarkdownPipelineBuilder { MaximumNestingDepth = MarkdigDepthLimit })
            .UsePreciseSourceLocation()
            .UsePipeTables()
            .UseGridTables()
            .UseFootnotes()
            .UseTaskLists()
            .UseDefinitionLists()
            .UseAbbreviations()
            .UseAlertBlocks()
            .UseCustomContainers()
            .UseEmphasisExtras()
            .UseAutoLinks()
            .UseCjkFriendlyEmphasis()
            // Keep Japanese and Korean anchors readable in hrefs (#見出し, not #%E8%A6%8B…).
            .UseNonAsciiNoEscape()
            // Raw HTML is shown as text, as Hugo does by default: content never injects markup or script.
            .DisableHtml()
            .Build();
}
