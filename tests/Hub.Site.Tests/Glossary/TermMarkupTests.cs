using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Glossary;

/// <summary>
/// The first occurrence of each glossary term (its title or an alias) on a content page becomes a button described
/// by the term's definition; headings, links, code and later occurrences are left alone.
/// </summary>
public sealed class TermMarkupTests
{
    public static Dictionary<string, string> Files() => Fixtures.BasicWith(
        ("glossary/mrr.yml", "title: MRR\naliases: [月次経常収益]\ndefinition: 毎月繰り返し発生する売上の合計。\n"),
        ("glossary/sql.yml", "title: SQL\ndefinition: 営業が認定した見込み客。\n"),
        ("glossary/csql.yml", "title: CSQL\ndefinition: CS起点の見込み案件。\n"),
        ("glossary/nrr.yml", "title: NRR\naliases: [ネット売上維持率]\ndefinition: 既存顧客からの売上が残り、伸びた割合 <100%> & more.\n"),
        ("glossary/cs.yml", "title: カスタマーサクセス\naliases: [CS]\ndefinition: 顧客の成果を支援する取り組み。\n"),
        ("glossary/mrr.en.yml", "title: MRR\ndefinition: Monthly recurring revenue.\n"),
        ("articles/terms.md", """
            ---
            title: 用語の記事
            ---

            ## MRR の話

            MRR は大事です。MRR をもう一度。CSQL と SQL と `NRR` と [NRR](../kpis/churn-rate.md)、ネット売上維持率。

            - リストの中の MySQL と English CS here.

            月次経常収益 も MRR の別名です。
            """),
        ("articles/terms.en.md", "---\ntitle: Terms\n---\n\nOur MRR and SQL.\n"));

    [Fact]
    public void TheFirstOccurrenceOfEachTermIsExplainedOutsideHeadingsLinksAndCode()
    {
        using var site = new TestSite(Files());
        site.BuildOk();
        var page = site.Html("/ja/articles/terms/");
        var buttons = page.QuerySelectorAll(".prose .term > button.term-ref[type=button]").ToList();
        Assert.Equal(["MRR", "CSQL", "SQL", "ネット売上維持率", "CS"], buttons.Select(b => b.TextContent));
        Assert.Equal("MRR", page.QuerySelector(".prose h2")!.TextContent.Split(' ')[0]);
        Assert.Empty(page.QuerySelectorAll("h2 .term, a .term, code .term"));
        Assert.Contains("MySQL", page.QuerySelector(".prose li")!.TextContent, StringComparison.Ordinal);

        // Each button is described by its term's definition, escaped, in an element of its own.
        foreach (var button in buttons)
        {
            var definition = page.GetElementById(button.GetAttribute("aria-describedby")!);
            Assert.NotNull(definition);
            Assert.Equal("tooltip", definition!.GetAttribute("role"));
            Assert.Same(button.ParentElement, definition.ParentElement);
        }
        Assert.Equal("既存顧客からの売上が残り、伸びた割合 <100%> & more.", page.GetElementById("term-nrr")!.TextContent);
        Assert.Single(page.QuerySelectorAll("[id='term-mrr']"));

        // A page explains its own language's terms only.
        var en = site.Html("/en/articles/terms/");
        Assert.Equal(["MRR"], en.QuerySelectorAll(".term-ref").Select(b => b.TextContent));
        Assert.Equal("Monthly recurring revenue.", en.GetElementById("term-mrr")!.TextContent);
        // The page loads the script that opens a definition on tap, as a module of the theme.
        Assert.NotNull(page.QuerySelector("script[src$='assets/js/boot.js'][data-module$='assets/js/glossary.js']"));
    }
}
