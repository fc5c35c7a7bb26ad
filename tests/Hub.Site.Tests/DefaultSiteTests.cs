using AngleSharp.Html.Parser;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests;

/// <summary>The hub's own content (input/): builds under --strict and cannot silently shrink.</summary>
public sealed class DefaultSiteTests
{
    // The run's one build of input/ (BuiltSites.Default), shared with the other classes that read it. Strictness only
    // decides whether diagnostics stop a build, so no diagnostic at all is what building under --strict needs.
    private readonly string _output = BuiltSites.Default.Output;
    private readonly BuildResult _result = BuiltSites.Default.Result;

    [Fact]
    public void BuildsWithZeroWarningsUnderStrict() => Assert.Empty(_result.Diagnostics);

    [Theory]
    [InlineData("ja/catalogues/csm-hiring/", 33, 33)]
    [InlineData("en/catalogues/csm-hiring/", 33, 33)]
    [InlineData("ja/catalogues/reverse-questions/", 62, 200)]
    [InlineData("en/catalogues/reverse-questions/", 62, 200)]
    [InlineData("ko/catalogues/crm-interview/", 12, 200)]
    [InlineData("ko/catalogues/customer-conversations/", 20, 200)]
    [InlineData("en/catalogues/customer-conversations/", 106, 400)]
    [InlineData("ja/catalogues/customer-conversations/", 105, 400)]
    public void CataloguesKeepTheirQuestions(string page, int min, int max)
    {
        var doc = Html(page);
        var questions = doc.QuerySelectorAll("li.question[id]").Length;
        Assert.InRange(questions, min, max);
    }

    [Fact]
    public void ContentCounts()
    {
        int Count(string lang, string section) =>
            Directory.Exists(Path.Combine(_output, lang, section)) ? Directory.GetDirectories(Path.Combine(_output, lang, section)).Length : 0;
        Assert.True(Count("ja", "kpis") >= 34, $"ja KPIs: {Count("ja", "kpis")}");
        Assert.True(Count("en", "kpis") >= 34, $"en KPIs: {Count("en", "kpis")}");
        var articles = Count("ja", "articles") + Count("ko", "articles") + Count("en", "articles");
        // The glossary article became the glossary: a term per page, in each language.
        Assert.True(articles >= 29, $"articles: {articles}");
        Assert.All(new[] { "ja", "ko", "en" }, lang => Assert.True(Count(lang, "glossary") >= 20, $"{lang} glossary terms: {Count(lang, "glossary")}"));
        Assert.True(Count("ko", "kpis") >= 16, $"ko KPIs: {Count("ko", "kpis")}");
        Assert.True(Count("ko", "articles") >= 4, $"ko articles: {Count("ko", "articles")}");
        Assert.True(Count("ko", "catalogues") >= 2, $"ko catalogues: {Count("ko", "catalogues")}");
        foreach (var slug in new[] { "churn-rate", "revenue-churn-rate", "grr", "nrr", "nps", "ltv" })
        {
            Assert.True(Directory.Exists(Path.Combine(_output, "en", "kpis", slug)), $"en/kpis/{slug}");
        }
    }

    [Fact]
    public void EveryKpiPageHasACalculatorForItsFormula()
    {
        foreach (var dir in Directory.GetDirectories(Path.Combine(_output, "ja", "kpis")))
        {
            var slug = Path.GetFileName(dir);
            var form = Html($"ja/kpis/{slug}/").QuerySelector($"form.kpi-calculator[data-kpi='{slug}']");
            Assert.True(form is not null, $"{slug} has no calculator");
            Assert.NotNull(form!.QuerySelector("output"));
            Assert.NotEmpty(form.QuerySelectorAll("input[name]"));
        }
    }

    private AngleSharp.Html.Dom.IHtmlDocument Html(string page) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_output, page, "index.html")));
}
