using Hub.Core.Diagnostics;
using Hub.Site.Config;
using Hub.Site.Scaffolding;
using static Hub.Site.Scaffolding.Scaffolder;

namespace Hub.Site.Content.Articles;

/// <summary><c>input/articles/**/*.md</c>: Markdown pages, in sub-folders too; plain pages in every respect.</summary>
public sealed class ArticleKind : ContentKind
{
    public override string Name => "article";

    public override string Section => "articles";

    public override string Layout => "article";

    public override string Pattern => "*.md";

    public override bool Recursive => true;

    public override ContentPage? Load(string path, string displayPath, SiteConfig config, DiagnosticBag diagnostics) =>
        ArticleLoader.Load(this, path, displayPath, config, diagnostics);

    public override string? ScaffoldNote =>
        // A draft is left out of hub build: without this line the new article seems to have vanished from the site.
        "It is a draft (draft: true): hub build leaves it out and hub serve shows it under a draft banner. Set draft: false to publish it.";

    // The comments name each key's allowed values (docs/content-format.md has the full contract), so that a
    // scaffold can be filled in without the reference at hand.
    public override string Scaffold(string schemaLine, string lang, string slug) => $"""
        ---
        {schemaLine}
        title: {Localized(lang, "新しい記事", "새 글", "New article")}
        summary: {Localized(lang, "この記事の要約を一文で書きます。", "이 글의 요약을 한 문장으로 씁니다.", "One sentence that sums up the article.")}
        # lang: one of hub.yml's languages (a file name suffix such as .en.md sets it too)
        lang: {lang}
        {ScaffoldComments.Date}
        {ScaffoldComments.Tags}
        tags: []
        {ScaffoldComments.Draft}
        draft: true
        ---

        ## {Localized(lang, "はじめに", "소개", "Introduction")}

        {Localized(lang, "本文を書きます。", "본문을 씁니다.", "Write the body here.")}

        """;
}

public static class ArticleKindExtensions
{
    /// <summary>Registers articles (<see cref="ArticleKind"/>).</summary>
    public static ContentKindsBuilder UseArticles(this ContentKindsBuilder builder) => builder.Use(new ArticleKind());
}
