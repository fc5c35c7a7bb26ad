using System.Text.RegularExpressions;
using Hub.Core.Diagnostics;
using Hub.Site.Config;

namespace Hub.Site.Scaffolding;

/// <summary>Writes a new, valid content file of a kind, ready to edit (<c>hub new</c>).</summary>
public static partial class Scaffolder
{
    public static readonly IReadOnlyList<string> Kinds = ["article", "catalogue", "kpi"];

    public sealed record Result(string? Path, string? Error);

    public static Result Create(string inputDir, string kind, string slug, string? lang)
    {
        if (!Slug().IsMatch(slug))
        {
            return new Result(null, $"'{slug}' is not a valid slug: use lowercase letters, digits and hyphens");
        }
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(inputDir, null, PathDisplay.For, diagnostics);
        if (config is null)
        {
            return new Result(null, string.Join("; ", diagnostics.Sorted().Select(d => d.ToString())));
        }
        lang ??= config.DefaultLanguage;
        if (!config.Languages.Contains(lang))
        {
            return new Result(null, $"language '{lang}' is not one of the site's languages ({string.Join(", ", config.Languages)})");
        }
        var suffix = lang == config.DefaultLanguage ? string.Empty : "." + lang;
        var (folder, extension) = kind switch
        {
            "article" => ("articles", ".md"),
            "catalogue" => ("catalogues", ".yml"),
            "kpi" => ("kpis", ".md"),
            _ => (string.Empty, string.Empty),
        };
        if (folder.Length == 0)
        {
            return new Result(null, $"unknown kind '{kind}': use article, catalogue or kpi");
        }
        var path = System.IO.Path.Combine(inputDir, folder, slug + suffix + extension);
        if (File.Exists(path))
        {
            return new Result(null, $"{PathDisplay.For(path)} already exists");
        }
        var schema = SchemaLine(inputDir, path, kind);
        var text = kind switch
        {
            "article" => Article(schema, lang),
            "catalogue" => Catalogue(schema, lang, slug),
            _ => Kpi(schema, lang),
        };
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return new Result(PathDisplay.For(path), null);
    }

    /// <summary>
    /// The comment that tells YAML editors (yaml-language-server) which JSON Schema describes the file, so that they
    /// complete keys and flag wrong values as they are typed. The schemas live in <c>schemas/</c> beside the input
    /// folder (the repository root); the path is relative to the file, as the editor resolves it.
    /// </summary>
    public static string SchemaLine(string inputDir, string file, string kind)
    {
        var input = System.IO.Path.GetFullPath(inputDir);
        var root = System.IO.Path.GetDirectoryName(input) ?? input;
        var target = System.IO.Path.Combine(root, "schemas", kind + ".schema.json");
        var relative = System.IO.Path.GetRelativePath(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(file))!, target);
        return "# yaml-language-server: $schema=" + relative.Replace('\\', '/');
    }

    // The comments name each key's allowed values (docs/content-format.md has the full contract), so that a
    // scaffold can be filled in without the reference at hand.

    private static string Article(string schema, string lang) => $"""
        ---
        {schema}
        title: {Text(lang, "新しい記事", "새 글", "New article")}
        summary: {Text(lang, "この記事の要約を一文で書きます。", "이 글의 요약을 한 문장으로 씁니다.", "One sentence that sums up the article.")}
        # lang: one of hub.yml's languages (a file name suffix such as .en.md sets it too)
        lang: {lang}
        # date: YYYY-MM-DD, the day the article was last updated (orders the feed)
        # tags: a list of text, e.g. [onboarding, churn]; each tag gets a page
        tags: []
        # draft: true leaves the article out of build and serve; set false to publish (serve --drafts previews it)
        draft: true
        ---

        ## {Text(lang, "はじめに", "소개", "Introduction")}

        {Text(lang, "本文を書きます。", "본문을 씁니다.", "Write the body here.")}

        """;

    private static string Catalogue(string schema, string lang, string slug) => $"""
        {schema}
        title: {Text(lang, "新しい質問集", "새 질문 모음", "New question catalogue")}
        # lang: one of hub.yml's languages (a file name suffix such as .en.yml sets it too)
        lang: {lang}
        # audience: interviewer (questions to ask) or candidate (questions a candidate asks)
        audience: interviewer
        summary: {Text(lang, "この質問集の目的を書きます。", "이 질문 모음의 목적을 씁니다.", "What this catalogue is for.")}
        # translationKey: the same text in each language's file links the translations
        translationKey: {slug}
        # facets: the page's filters, in order; any name but q and kit; each value is an id and a label
        facets:
          category:
            - {"{"} id: general, label: {Text(lang, "一般", "일반", "General")} {"}"}
        # questions: id (a letter, then letters, digits, - and _) and text are required; every other key is optional
        questions:
          - id: q-01
            text: {Text(lang, "最初の質問を書きます。", "첫 질문을 씁니다.", "Write the first question.")}
            # one value id (or a list of them) per facet
            category: general
            intent: {Text(lang, "この質問で何が分かるか。", "이 질문으로 무엇을 알 수 있는지.", "What the question reveals.")}
            # lookFor, redFlags, followUps: lists of text; kpis: slugs of KPI pages; tags: a list of text
            lookFor:
              - {Text(lang, "良い回答のサイン", "좋은 답변의 신호", "A sign of a strong answer")}

        """;

    private static string Kpi(string schema, string lang) => $"""
        ---
        {schema}
        title: {Text(lang, "新しいKPI", "새 KPI", "New KPI")}
        # lang: one of hub.yml's languages (a file name suffix such as .en.md sets it too)
        lang: {lang}
        # formula: a C# expression of the inputs' names: arithmetic and Math functions only
        formula: part / total
        # format: percent, ratio, currency, number or months; decimals: 0 to 10; better: higher or lower
        result: {"{"} format: percent, decimals: 1, better: higher {"}"}
        # unit: count, currency, percent, ratio, number, days or months; min, max, step, default: numbers; help: text
        inputs:
          - {"{"} name: part, label: {Text(lang, "該当数", "해당 수", "Part")}, unit: count, min: 0, default: 30 {"}"}
          - {"{"} name: total, label: {Text(lang, "全体数", "전체 수", "Total")}, unit: count, min: 1, default: 120 {"}"}
        # cadence: weekly, monthly, quarterly or annual
        cadence: monthly
        # indicator: leading (predicts outcomes) or lagging (records them)
        indicator: lagging
        # examples: worked examples, checked against the formula by every build
        examples:
          - {"{"} inputs: {"{"} part: 30, total: 120 {"}"}, result: 0.25 {"}"}
        # related: slugs of other KPI pages, e.g. [churn-rate]
        ---

        {Text(lang, "このKPIの定義と使い方を書きます。", "이 KPI의 정의와 쓰임을 씁니다.", "Define the KPI and when to use it.")}

        """;

    private static string Text(string lang, string ja, string ko, string en) => lang switch { "ja" => ja, "ko" => ko, _ => en };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex Slug();
}
