using Hub.Site.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Site.Tests;

/// <summary>
/// <c>hub serve</c>'s incremental rebuild against the truth: after each edit, the whole output folder (pages,
/// lists, tags, feeds, sitemap, and the search index once its background refresh is done) must be byte for byte
/// what a fresh full build of the edited input writes, and the diagnostics must be the same. An edit with errors
/// must leave the output as it was, as a failed full build does.
/// </summary>
public sealed class IncrementalOutputTests
{
    private static Dictionary<string, string> Site()
    {
        var files = Fixtures.Basic();
        files["articles/guide/onboarding.md"] = """
            ---
            title: オンボーディングの進め方
            summary: 最初の90日
            date: 2025-08-01
            tags: [onboarding, オンボーディング]
            ---

            ## 準備

            [継続率の見出し](../retention.md#見出し-1)と[CRM](../crm.ko.md)。[[crm]]と[[hiring#q-01|質問]]。

            ## 実行

            本文。
            """;
        files["articles/health.md"] = """
            ---
            title: ヘルススコア
            summary: 顧客の健康状態
            date: 2025-07-01
            tags: [retention, health]
            ---

            ## 指標

            [タグ一覧](/ja/tags/onboarding/)を見る。

            :::questions hiring category=product
            :::
            """;
        files["articles/draft-notes.md"] = """
            ---
            title: 下書き
            date: 2025-06-01
            tags: [draft-only]
            draft: true
            ---

            まだ。
            """;
        // A translation that records its source's version: an edit of the source makes it stale.
        files["articles/retention.en.md"] = files["articles/retention.en.md"].Replace("title: Raising retention",
            "title: Raising retention\ntranslationOf: " + Hub.Site.Translations.TranslationHash.Of(files["articles/retention.md"]), StringComparison.Ordinal);
        return files;
    }

    public static TheoryData<string> Edits() => [.. EditsByName.Keys];

    /// <summary>Each edit: files to write (null deletes), as a writer saves them.</summary>
    private static readonly Dictionary<string, Dictionary<string, string?>> EditsByName = new()
    {
        ["title"] = new() { ["articles/health.md"] = Replace("articles/health.md", "title: ヘルススコア", "title: ヘルススコアの設計") },
        ["summary"] = new() { ["articles/health.md"] = Replace("articles/health.md", "summary: 顧客の健康状態", "summary: 解約の予兆をつかむ") },
        ["date reorders the lists"] = new() { ["articles/health.md"] = Replace("articles/health.md", "date: 2025-07-01", "date: 2025-12-24") },
        ["updated added (the sitemap's lastmod)"] = new() { ["articles/health.md"] = Replace("articles/health.md", "date: 2025-07-01", "date: 2025-07-01\nupdated: 2025-09-09") },
        ["date removed"] = new() { ["articles/health.md"] = Replace("articles/health.md", "date: 2025-07-01\n", "") },
        ["tag added (a new tag page)"] = new() { ["articles/crm.ko.md"] = Replace("articles/crm.ko.md", "title: CRM 기초", "title: CRM 기초\ntags: [crm, 도입]") },
        ["tag removed (its page goes)"] = new() { ["articles/health.md"] = Replace("articles/health.md", "tags: [retention, health]", "tags: [retention]") },
        ["tag removed (still on another page)"] = new() { ["articles/health.md"] = Replace("articles/health.md", "tags: [retention, health]", "tags: [health]") },
        ["tag respelled (shares a tag page with another spelling)"] = new() { ["articles/health.md"] = Replace("articles/health.md", "tags: [retention, health]", "tags: [Retention, health]") },
        ["tag removed that a site-root link targets"] = new() { ["articles/guide/onboarding.md"] = Replace("articles/guide/onboarding.md", "tags: [onboarding, オンボーディング]", "tags: [オンボーディング]") },
        ["heading renamed, nobody links to it"] = new() { ["articles/guide/onboarding.md"] = Replace("articles/guide/onboarding.md", "## 実行", "## 実行と振り返り") },
        ["heading renamed that another page links to"] = new() { ["articles/retention.md"] = Replace("articles/retention.md", "## 見出し\n\n同じ", "## 別の見出し\n\n同じ") },
        ["body only"] = new() { ["articles/retention.en.md"] = Replace("articles/retention.en.md", "Back to", "A new sentence. Back to") },
        ["broken link introduced"] = new() { ["articles/health.md"] = Replace("articles/health.md", "を見る。", "を見る。[消えた](gone.md)") },
        ["page added (a translation, new tags)"] = new()
        {
            ["articles/crm.md"] = "---\ntitle: CRM の基本\nsummary: 顧客管理\ndate: 2025-11-11\ntags: [crm, retention]\n---\n\n## 顧客の旅\n\n[韓国語版](crm.ko.md)\n",
        },
        ["link added (its target lists it)"] = new() { ["articles/health.md"] = Replace("articles/health.md", "を見る。", "を見る。[解約率](../kpis/churn-rate.md)と[質問](../catalogues/hiring.yml#q-02)。") },
        ["link removed (its target no longer lists it)"] = new() { ["articles/guide/onboarding.md"] = Replace("articles/guide/onboarding.md", "[継続率の見出し](../retention.md#見出し-1)と", "") },
        ["wikilink added and one removed"] = new()
        {
            ["articles/guide/onboarding.md"] = Replace("articles/guide/onboarding.md", "[[hiring#q-01|質問]]", "[[churn-rate#定義]]"),
        },
        ["title of a linking page changed (backlinks show it)"] = new() { ["articles/guide/onboarding.md"] = Replace("articles/guide/onboarding.md", "title: オンボーディングの進め方", "title: 導入の進め方") },
        ["source edited (its translation goes stale)"] = new() { ["articles/retention.md"] = Replace("articles/retention.md", "本文です。", "本文を書き直しました。") },
        ["page deleted"] = new() { ["articles/health.md"] = null },
        ["page deleted that another page links to"] = new() { ["articles/crm.ko.md"] = null },
        ["draft published"] = new() { ["articles/draft-notes.md"] = Replace("articles/draft-notes.md", "draft: true", "draft: false") },
        ["page turned into a draft"] = new() { ["articles/health.md"] = Replace("articles/health.md", "tags: [retention, health]", "tags: [retention, health]\ndraft: true") },
        ["slug changed (links to it change)"] = new() { ["articles/crm.ko.md"] = Replace("articles/crm.ko.md", "title: CRM 기초", "title: CRM 기초\nslug: crm-basics") },
        ["language changed"] = new() { ["articles/health.md"] = Replace("articles/health.md", "title: ヘルススコア", "title: ヘルススコア\nlang: en") },
        ["translation key joins a group"] = new() { ["articles/health.md"] = Replace("articles/health.md", "title: ヘルススコア", "title: ヘルススコア\ntranslationKey: crm") },
        ["unknown front matter key (a warning)"] = new() { ["articles/health.md"] = Replace("articles/health.md", "title: ヘルススコア", "title: ヘルススコア\nauthor: 誰か") },
        ["front matter broken"] = new() { ["articles/health.md"] = "---\ntitle: [unclosed\n---\n\n本文\n" },
        ["two files at once"] = new()
        {
            ["articles/health.md"] = Replace("articles/health.md", "title: ヘルススコア", "title: 健康スコア"),
            ["articles/retention.en.md"] = Replace("articles/retention.en.md", "tags: [retention]", "tags: [retention, health]"),
        },
        ["catalogue question edited (embeds and KPI page)"] = new()
        {
            ["catalogues/hiring.yml"] = Replace("catalogues/hiring.yml", "当社の製品を一分で説明してください。", "当社の製品を三十秒で説明してください。")
                .Replace("同僚と意見が対立したときは?", "チームで意見が割れたときは?", StringComparison.Ordinal),
        },
        ["catalogue title and a question's KPI"] = new()
        {
            ["catalogues/hiring.yml"] = Replace("catalogues/hiring.yml", "title: 採用面接の質問", "title: CSM 採用面接").Replace("redFlags: [他責]", "redFlags: [他責]\n    kpis: [churn-rate]", StringComparison.Ordinal),
        },
        ["catalogue question removed that a link targets"] = new()
        {
            ["catalogues/hiring.yml"] = Replace("catalogues/hiring.yml", "  - id: q-02", "  - id: q-03"),
        },
        ["catalogue names an unknown KPI"] = new() { ["catalogues/hiring.yml"] = Replace("catalogues/hiring.yml", "kpis: [churn-rate]", "kpis: [churn]") },
        ["catalogue added"] = new()
        {
            ["catalogues/onboarding.yml"] = "title: オンボーディング面談\nsummary: 最初の面談\nfacets:\n  phase:\n    - { id: first, label: 初回 }\nquestions:\n  - id: q-01\n    text: 導入の目的は?\n    phase: first\n    kpis: [churn-rate]\n",
        },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task AnEditGivesWhatAFullBuildGives(string name)
    {
        using var site = new TestSite(Site());
        var (first, session) = SiteBuilder.BuildSession(site.Options());
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        var before = Snapshot(site.Output);

        var edit = EditsByName[name];
        var changed = Apply(site, edit);
        var result = session!.TryUpdate(changed);
        Assert.NotNull(result);
        await session.RefreshSearchInBackground();

        var fresh = SiteBuilder.Build(site.Options() with { Output = Path.Combine(site.Root, "fresh") });
        Assert.Equal(Lines(fresh.Diagnostics), Lines(result.Diagnostics));
        Assert.Equal(fresh.Succeeded, result.Succeeded);
        if (fresh.Succeeded)
        {
            AssertSameFiles(Snapshot(Path.Combine(site.Root, "fresh")), Snapshot(site.Output));
        }
        else
        {
            AssertSameFiles(before, Snapshot(site.Output));
        }
    }

    [Fact]
    public async Task ASequenceOfEditsWithAnErrorInBetweenStaysExact()
    {
        using var site = new TestSite(Site());
        var (_, session) = SiteBuilder.BuildSession(site.Options());
        var steps = new (string File, string? Text)[]
        {
            ("articles/health.md", Replace("articles/health.md", "title: ヘルススコア", "title: 健康")),
            // a broken link: nothing is written, and the file stays pending
            ("articles/guide/onboarding.md", Replace("articles/guide/onboarding.md", "本文。", "本文。[x](nowhere.md)")),
            // another file changes while the first is still broken: still an error, still exact
            ("articles/crm.ko.md", Replace("articles/crm.ko.md", "본문.", "본문이 바뀌었다.")),
            // fixed: both pending edits land
            ("articles/guide/onboarding.md", Replace("articles/guide/onboarding.md", "本文。", "本文が直った。")),
            ("articles/retention.en.md", null),
            ("articles/retention.en.md", Fixtures.Basic()["articles/retention.en.md"]),
            ("catalogues/hiring.yml", Replace("catalogues/hiring.yml", "title: 採用面接の質問", "title: 面接")),
        };
        foreach (var (file, text) in steps)
        {
            var result = session!.TryUpdate(Apply(site, new() { [file] = text }));
            Assert.NotNull(result);
            await session.RefreshSearchInBackground();
            var freshDir = Path.Combine(site.Root, "fresh");
            var fresh = SiteBuilder.Build(site.Options() with { Output = freshDir });
            Assert.Equal(Lines(fresh.Diagnostics), Lines(result.Diagnostics));
            if (fresh.Succeeded)
            {
                AssertSameFiles(Snapshot(freshDir), Snapshot(site.Output));
            }
        }
    }

    [Fact]
    public async Task TheSearchIndexWaitsForEditsToPauseAndFollowsTheLastOne()
    {
        using var site = new TestSite(Site());
        // The session's clock moves only when the test says so: no edit here can outlast the pause by being slow.
        var time = new FakeTimeProvider();
        var pause = TimeSpan.FromMilliseconds(400);
        var (_, session) = SiteBuilder.BuildSession(site.Options(), time: time);
        var index = Path.Combine(site.Output, "search", "ja", "docs.json");
        var original = File.ReadAllText(index);

        Assert.NotNull(session!.TryUpdate(Apply(site, new() { ["articles/health.md"] = Replace("articles/health.md", "title: ヘルススコア", "title: 一度目") })));
        var refresh = session.RefreshSearchInBackground(pause);
        time.Advance(pause / 2);
        Assert.False(refresh.IsCompleted); // edits have not paused yet
        Assert.Equal(original, File.ReadAllText(index));

        // A second edit half-way through the pause: the pause starts again from it.
        Assert.NotNull(session.TryUpdate(Apply(site, new() { ["articles/health.md"] = Replace("articles/health.md", "title: ヘルススコア", "title: 二度目") })));
        Assert.Same(refresh, session.RefreshSearchInBackground(pause));
        time.Advance(pause / 2);
        Assert.False(refresh.IsCompleted); // a pause since the first edit, but not since the second
        Assert.Equal(original, File.ReadAllText(index));

        time.Advance(pause / 2);
        await refresh;
        var fresh = SiteBuilder.Build(site.Options() with { Output = Path.Combine(site.Root, "fresh") });
        Assert.True(fresh.Succeeded);
        Assert.Contains("二度目", File.ReadAllText(index), StringComparison.Ordinal);
        AssertSameFiles(Snapshot(Path.Combine(site.Root, "fresh")), Snapshot(site.Output));
    }

    [Fact]
    public void WhatItDoesNotTrackNeedsAFullBuild()
    {
        using var site = new TestSite(Site());
        var (_, session) = SiteBuilder.BuildSession(site.Options());
        Assert.Null(session!.TryUpdate([Path.Combine(site.Input, "kpis", "churn-rate.md")]));
        Assert.Null(session.TryUpdate([Path.Combine(site.Input, "hub.yml")]));
        Assert.Null(session.TryUpdate([Path.Combine(site.Input, "static", "logo.svg")]));
        Assert.Null(session.TryUpdate([Path.Combine(TestSite.Theme, "layouts", "article.scriban-html")]));
        // a second page at an existing URL: the full build reports it and decides which stays
        site.Write("articles/sub/health.md", "---\ntitle: 重複\n---\n");
        Assert.Null(session.TryUpdate([Path.Combine(site.Input, "articles", "sub", "health.md")]));
        File.Delete(Path.Combine(site.Input, "articles", "sub", "health.md"));
        // an editor's swap file beside an article is not content
        var ignored = session.TryUpdate([Path.Combine(site.Input, "articles", ".health.md.swp")]);
        Assert.NotNull(ignored);
        Assert.Equal(0, ignored.PageCount);
    }

    private static string Replace(string file, string from, string to)
    {
        var text = Site()[file].ReplaceLineEndings("\n");
        Assert.Contains(from, text, StringComparison.Ordinal);
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    private static List<string> Apply(TestSite site, Dictionary<string, string?> edit)
    {
        var changed = new List<string>();
        foreach (var (file, text) in edit)
        {
            var path = Path.Combine(site.Input, file);
            if (text is null)
            {
                File.Delete(path);
            }
            else
            {
                site.Write(file, text);
            }
            changed.Add(path);
        }
        return changed;
    }

    private static List<string> Lines(IEnumerable<Core.Diagnostics.Diagnostic> diagnostics) => diagnostics.Select(d => d.ToString()).ToList();

    private static SortedDictionary<string, byte[]> Snapshot(string dir) =>
        new(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);

    private static void AssertSameFiles(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        var differing = expected.Where(e => !e.Value.AsSpan().SequenceEqual(actual[e.Key])).Select(e => e.Key).ToList();
        Assert.True(differing.Count == 0, "files that differ from a full build: " + string.Join(", ", differing));
    }
}
