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
        var (folder, extension, text) = kind switch
        {
            "article" => ("articles", ".md", Article(lang)),
            "catalogue" => ("catalogues", ".yml", Catalogue(lang, slug)),
            "kpi" => ("kpis", ".md", Kpi(lang)),
            _ => (string.Empty, string.Empty, string.Empty),
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
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return new Result(PathDisplay.For(path), null);
    }

    private static string Article(string lang) => $"""
        ---
        title: {Text(lang, "新しい記事", "새 글", "New article")}
        summary: {Text(lang, "この記事の要約を一文で書きます。", "이 글의 요약을 한 문장으로 씁니다.", "One sentence that sums up the article.")}
        lang: {lang}
        tags: []
        draft: true
        ---

        ## {Text(lang, "はじめに", "소개", "Introduction")}

        {Text(lang, "本文を書きます。", "본문을 씁니다.", "Write the body here.")}

        """;

    private static string Catalogue(string lang, string slug) => $"""
        title: {Text(lang, "新しい質問集", "새 질문 모음", "New question catalogue")}
        lang: {lang}
        audience: interviewer
        summary: {Text(lang, "この質問集の目的を書きます。", "이 질문 모음의 목적을 씁니다.", "What this catalogue is for.")}
        translationKey: {slug}
        facets:
          category:
            - {"{"} id: general, label: {Text(lang, "一般", "일반", "General")} {"}"}
        questions:
          - id: q-01
            text: {Text(lang, "最初の質問を書きます。", "첫 질문을 씁니다.", "Write the first question.")}
            category: general
            intent: {Text(lang, "この質問で何が分かるか。", "이 질문으로 무엇을 알 수 있는지.", "What the question reveals.")}
            lookFor:
              - {Text(lang, "良い回答のサイン", "좋은 답변의 신호", "A sign of a strong answer")}

        """;

    private static string Kpi(string lang) => $"""
        ---
        title: {Text(lang, "新しいKPI", "새 KPI", "New KPI")}
        lang: {lang}
        formula: part / total
        result: {"{"} format: percent, decimals: 1, better: higher {"}"}
        inputs:
          - {"{"} name: part, label: {Text(lang, "該当数", "해당 수", "Part")}, unit: count, min: 0, default: 30 {"}"}
          - {"{"} name: total, label: {Text(lang, "全体数", "전체 수", "Total")}, unit: count, min: 1, default: 120 {"}"}
        cadence: monthly
        indicator: lagging
        examples:
          - {"{"} inputs: {"{"} part: 30, total: 120 {"}"}, result: 0.25 {"}"}
        ---

        {Text(lang, "このKPIの定義と使い方を書きます。", "이 KPI의 정의와 쓰임을 씁니다.", "Define the KPI and when to use it.")}

        """;

    private static string Text(string lang, string ja, string ko, string en) => lang switch { "ja" => ja, "ko" => ko, _ => en };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex Slug();
}
