using System.Globalization;
using System.Net;
using Hub.Markdown.Embeds;

namespace Hub.Markdown.Tests;

/// <summary>
/// The spec files pin what Hub.Markdown makes of a Markdown body: its HTML (headings and their ids in every script,
/// embeds, task lists, tables), the positions of its links (what link diagnostics point at) and where the depth
/// guard stops a body.
/// </summary>
public sealed class SpecTests
{
    public static TheoryData<string> Headings => SpecFile.Names("headings.md");

    public static TheoryData<string> Embeds => SpecFile.Names("embeds.md");

    public static TheoryData<string> TaskLists => SpecFile.Names("tasklists.md");

    public static TheoryData<string> Tables => SpecFile.Names("tables.md");

    public static TheoryData<string> Links => SpecFile.Names("links.md");

    public static TheoryData<string> Depth => SpecFile.Names("depth.md");

    [Theory]
    [MemberData(nameof(Headings))]
    public void Headings_in_every_script(string name) => AssertHtml("headings.md", name);

    [Theory]
    [MemberData(nameof(Embeds))]
    public void Embeds_named_by_the_site(string name) => AssertHtml("embeds.md", name);

    [Theory]
    [MemberData(nameof(TaskLists))]
    public void Task_lists(string name) => AssertHtml("tasklists.md", name);

    [Theory]
    [MemberData(nameof(Tables))]
    public void Tables_without_style_attributes(string name) => AssertHtml("tables.md", name);

    [Theory]
    [MemberData(nameof(Links))]
    public void Link_positions(string name)
    {
        var example = SpecFile.Get("links.md", name);
        var page = MarkdownPage.Parse(example.Markdown, example.Options);

        Assert.Equal(example.Expected, LinkLines(page));
    }

    [Theory]
    [MemberData(nameof(Depth))]
    public void Depth_guard(string name)
    {
        var example = SpecFile.Get("depth.md", name);
        var excess = example.Limit is { } limit ? MarkdownDepthGuard.Find(example.Markdown, limit) : MarkdownDepthGuard.Find(example.Markdown);

        Assert.Equal(example.Expected, excess is { } e ? $"{(e.Inline ? "inline" : "block")} {e.Line}:{e.Column}" : "none");
    }

    [Fact]
    public void Spec_files_have_examples()
    {
        Assert.True(Headings.Count >= 15);
        Assert.True(Embeds.Count >= 5);
        Assert.True(TaskLists.Count >= 3);
        Assert.True(Tables.Count >= 3);
        Assert.True(Links.Count >= 8);
        Assert.True(Depth.Count >= 6);
    }

    internal static string Html(SpecFile.Example example) =>
        MarkdownPage.Parse(example.Markdown, example.Options).ToHtml(new MarkerEmbeds()).TrimEnd('\n');

    internal static string LinkLines(MarkdownPage page) => string.Join("\n",
        page.Links.Select(l => $"{(l.IsImage ? "image" : "link")} {l.Line}:{l.Column} {l.Url}")
            .Concat(page.Urls.Select(u => $"url {u.Line}:{u.Column} {u.Url}")));

    private static void AssertHtml(string file, string name)
    {
        var example = SpecFile.Get(file, name);

        Assert.Equal(example.Expected, Html(example));
    }

    /// <summary>Shows which embed was found where; an embed whose arguments are "default" is left to Markdig.</summary>
    private sealed class MarkerEmbeds : IEmbedRenderer
    {
        public string? Render(EmbedReference embed) => embed.Arguments == "default"
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"<div data-embed=\"{WebUtility.HtmlEncode(embed.Kind)}\" data-arguments=\"{WebUtility.HtmlEncode(embed.Arguments)}\" data-at=\"{embed.Line}:{embed.Column}\"></div>");
    }
}
