using Hub.Markdown.Embeds;

namespace Hub.Markdown.Tests;

/// <summary>What a parsed page tells the site besides its HTML: headings, embeds and plain text.</summary>
public sealed class MarkdownPageTests
{
    private const string Body = """
        # 解約率

        ## 고객 이탈 *rate*

        :::kpi churn-rate
        :::

        :::questions csm-hiring category=risk
        :::

        ### Notes
        """;

    [Fact]
    public void Headings_carry_level_plain_text_and_id()
    {
        var page = MarkdownPage.Parse(Body);

        Assert.Equal(
            [new(1, "解約率", "解約率"), new(2, "고객 이탈 rate", "고객-이탈-rate"), new(3, "Notes", "notes")],
            page.Headings);
    }

    [Fact]
    public void Embeds_are_the_containers_the_options_name()
    {
        var page = MarkdownPage.Parse(Body, new MarkdownOptions { EmbedKinds = new HashSet<string>(StringComparer.Ordinal) { "kpi", "questions" } });

        Assert.Equal(
            [("kpi", "churn-rate", 4, 0), ("questions", "csm-hiring category=risk", 7, 0)],
            page.Embeds.Select(e => (e.Kind, e.Arguments, e.Line, e.Column)));
    }

    [Fact]
    public void The_library_knows_no_embed_names_of_its_own()
    {
        Assert.Empty(MarkdownPage.Parse(Body).Embeds);
        Assert.Equal(["questions"], MarkdownPage.Parse(Body, new MarkdownOptions { EmbedKinds = new HashSet<string>(StringComparer.Ordinal) { "questions" } }).Embeds.Select(e => e.Kind));
    }

    [Fact]
    public void Embed_names_match_exactly()
    {
        var page = MarkdownPage.Parse(":::KPI churn-rate\n:::", new MarkdownOptions { EmbedKinds = new HashSet<string>(StringComparer.Ordinal) { "kpi" } });

        Assert.Empty(page.Embeds);
    }

    [Fact]
    public void Plain_text_keeps_the_words_of_every_block()
    {
        var text = MarkdownPage.Parse("# 見出し\n\nA [link](x.md) and `code`.\n\n- 항목").PlainText();

        Assert.Contains("見出し", text, StringComparison.Ordinal);
        Assert.Contains("A link and code.", text, StringComparison.Ordinal);
        Assert.Contains("항목", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_keeps_abbreviations_and_puts_every_cell_and_item_on_its_own_line()
    {
        var page = MarkdownPage.Parse("## MRR の見方\n\n期首の MRR から縮小した分。\n\n| 指標 | 意味 |\n|---|---|\n| 縮小額 | 減った金額 |\n\n- 一つ目\n- 二つ目\n\n*[MRR]: Monthly Recurring Revenue\n");
        var lines = page.PlainText().Split('\n');

        Assert.Contains("期首の MRR から縮小した分。", lines);
        Assert.Contains("MRR の見方", lines);
        Assert.Equal(["縮小額", "減った金額"], lines.SkipWhile(l => l != "縮小額").Take(2));
        Assert.Equal(["一つ目", "二つ目"], lines.SkipWhile(l => l != "一つ目").Take(2));
    }

    [Fact]
    public void Rendering_twice_gives_the_same_html()
    {
        var page = MarkdownPage.Parse(Body, new MarkdownOptions { EmbedKinds = new HashSet<string>(StringComparer.Ordinal) { "kpi" } });
        var embeds = new CountingEmbeds();

        Assert.Equal(page.ToHtml(embeds), page.ToHtml(embeds));
        Assert.Equal(2, embeds.Calls);
    }

    [Fact]
    public void Links_emit_the_url_the_site_maps_them_to_without_changing_the_page()
    {
        var page = MarkdownPage.Parse("[解約率](churn-rate.md#読み方) と ![図](chart.png) と [外部](https://example.com/)");
        var embeds = new CountingEmbeds();
        var map = new Dictionary<string, string>(StringComparer.Ordinal) { ["churn-rate.md#読み方"] = "/cs-hub/ja/kpis/churn-rate/#読み方" };

        var mapped = page.ToHtml(embeds, url => map.GetValueOrDefault(url, url));
        var asWritten = page.ToHtml(embeds);

        Assert.Contains("href=\"/cs-hub/ja/kpis/churn-rate/#読み方\"", mapped, StringComparison.Ordinal);
        Assert.Contains("src=\"chart.png\"", mapped, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.com/\"", mapped, StringComparison.Ordinal);
        // The syntax tree still holds the URL as written: a later render maps again from it.
        Assert.Contains("href=\"churn-rate.md#読み方\"", asWritten, StringComparison.Ordinal);
        Assert.Equal("churn-rate.md#読み方", page.Links[0].Url);
    }

    private sealed class CountingEmbeds : IEmbedRenderer
    {
        public int Calls { get; private set; }

        public string? Render(EmbedReference embed)
        {
            Calls++;
            return "<div></div>";
        }
    }
}
