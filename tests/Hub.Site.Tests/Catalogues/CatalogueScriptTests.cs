using System.Text.Json;
using Hub.Site.Content.Catalogues;
using Hub.Site.Tests.Infrastructure;
using Jint;

namespace Hub.Site.Tests.Catalogues;

/// <summary>
/// The pure modules under <c>theme/assets/js/catalogue.js</c> (catalogue-state.js: text matching and filters;
/// catalogue-url.js: the query; catalogue-export.js: CSV and Markdown) run as ES modules in Jint, without a browser:
/// the exact bytes people paste into a spreadsheet or a document.
/// </summary>
public sealed class CatalogueScriptTests : IDisposable
{
    private static readonly string[] Modules = ["catalogue-state.js", "catalogue-url.js", "catalogue-export.js"];

    private readonly Engine _engine = new(options => options.Strict().EnableModules(Path.Combine(TestSite.Theme, "assets", "js")));

    public CatalogueScriptTests()
    {
        // One object with every export of the three modules, so a test names a function without its module.
        var api = new Jint.Native.JsObject(_engine);
        foreach (var module in Modules)
        {
            var exports = _engine.Modules.Import("./" + module);
            foreach (var key in exports.GetOwnPropertyKeys().Where(k => k.IsString()))
            {
                api.Set(key, exports.Get(key));
            }
        }

        _engine.SetValue("HubCatalogue", api);
    }

    private string Call(string function, params object?[] args) =>
        _engine.Evaluate($"JSON.stringify(HubCatalogue.{function}({string.Join(", ", args.Select(a => JsonSerializer.Serialize(a)))}))").AsString();

    private string Text(string function, params object?[] args) => JsonSerializer.Deserialize<string>(Call(function, args))!;

    public void Dispose() => _engine.Dispose();

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("解約率, 継続率", "\"解約率, 継続率\"")]
    public void CsvFieldsAreQuotedPerRfc4180AndDefusedForSpreadsheets(string value, string expected) =>
        Assert.Equal(expected, Text("csvField", value));

    [Theory]
    [InlineData(new[] { "cs" }, "cs", true)]
    [InlineData(new[] { "is" }, "cs", false)]
    [InlineData(new[] { "any" }, "cs", true)]
    [InlineData(new[] { "is", "any" }, "cs", true)]
    [InlineData(new[] { "any" }, "any", true)]
    [InlineData(new[] { "cs" }, "any", false)]
    [InlineData(new string[0], "cs", false)]
    public void FacetMatchingIsTheSameInTheBrowserAndTheBuild(string[] values, string wanted, bool expected)
    {
        var withAll = new Facet("role", [new FacetValue("is", "IS"), new FacetValue("cs", "CS"), new FacetValue("any", "Any", All: true)]);
        Assert.Equal(expected, withAll.Matches(values, wanted));
        Assert.Equal(JsonSerializer.Serialize(expected), Call("facetMatches", values, new[] { wanted }, "any"));

        // Without an all-value, "any" is an ordinary value.
        var plain = new Facet("role", [new FacetValue("is", "IS"), new FacetValue("cs", "CS"), new FacetValue("any", "Any")]);
        var exact = values.Contains(wanted);
        Assert.Equal(exact, plain.Matches(values, wanted));
        Assert.Equal(JsonSerializer.Serialize(exact), Call("facetMatches", values, new[] { wanted }, null));
    }

    [Fact]
    public void NoWantedValueIsNoFilterAndValuesAreAlternatives()
    {
        Assert.Equal("true", Call("facetMatches", Array.Empty<string>(), Array.Empty<string>(), null));
        Assert.Equal("true", Call("facetMatches", new[] { "cs" }, new[] { "is", "cs" }, null));
        Assert.Equal("false", Call("facetMatches", new[] { "fs" }, new[] { "is", "cs" }, "any"));
    }

    [Fact]
    public void CsvRecordsEndWithCrLf() =>
        Assert.Equal("\"a\",\"b\"\r\n\"1\",\"x\"\"y\"\r\n", Text("toCsv", (object)new[] { new[] { "a", "b" }, new[] { "1", "x\"y" } }));

    [Theory]
    [InlineData("当社の製品を説明してください。", "当社の製品を説明してください。")]
    [InlineData("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)\\>")]
    [InlineData("*bold* _it_ `code` [a](b) ~s~ a|b #h & x", "\\*bold\\* \\_it\\_ \\`code\\` \\[a\\](b) \\~s\\~ a\\|b \\#h \\& x")]
    [InlineData("- a list?", "\\- a list?")]
    [InlineData("+ also", "\\+ also")]
    [InlineData("1. ordered", "1\\. ordered")]
    [InlineData("12) ordered", "12\\) ordered")]
    [InlineData("# heading", "\\# heading")]
    [InlineData("> quote", "\\> quote")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("two\nlines\r\n  here", "two lines here")]
    [InlineData("q-01 (CSM)", "q-01 (CSM)")]
    public void MarkdownTextIsLiteral(string value, string expected) =>
        Assert.Equal(expected, Text("markdownText", value));

    [Fact]
    public void TheMarkdownSheetHasOneSectionPerQuestion()
    {
        var sheet = new
        {
            title = "面接 *キット*",
            url = "https://example.com/ja/catalogues/x/",
            labels = new { question = "質問", intent = "意図", lookFor = "良い", redFlags = "注意", followUps = "深掘り", kpis = "KPI", notes = "メモ" },
            questions = new object[]
            {
                new
                {
                    id = "q-01", url = "https://example.com/ja/catalogues/x/#q-01", text = "<b>一問目</b>",
                    facets = new object[] { new { label = "カテゴリ", values = new[] { "リスク" } }, new { label = "段階", values = Array.Empty<string>() } },
                    intent = "意図 [x](javascript:y)", lookFor = new[] { "- a", "b" }, redFlags = Array.Empty<string>(), followUps = new[] { "c" },
                    kpis = new object[] { new { title = "解約率", url = "https://example.com/ja/kpis/churn-rate/" } },
                },
                new
                {
                    id = "q-02", url = "https://example.com/ja/catalogues/x/#q-02", text = "二問目",
                    facets = Array.Empty<object>(), intent = "", lookFor = Array.Empty<string>(), redFlags = Array.Empty<string>(),
                    followUps = Array.Empty<string>(), kpis = Array.Empty<object>(),
                },
            },
        };
        Assert.Equal("""
            # 面接 \*キット\*

            <https://example.com/ja/catalogues/x/>

            ## 1. \<b\>一問目\</b\>

            [#q-01](https://example.com/ja/catalogues/x/#q-01) · カテゴリ: リスク

            **意図**

            意図 \[x\](javascript:y)

            **良い**

            - \- a
            - b

            **深掘り**

            - c

            **KPI**: [解約率](https://example.com/ja/kpis/churn-rate/)

            **メモ**



            ## 2. 二問目

            [#q-02](https://example.com/ja/catalogues/x/#q-02)

            **メモ**

            """.ReplaceLineEndings("\n"), Text("toMarkdown", sheet));
        var rows = JsonSerializer.Deserialize<string[][]>(Call("toCsvRows", sheet))!;
        Assert.Equal(["ID", "質問", "カテゴリ", "段階", "意図", "良い", "注意", "深掘り", "KPI", "URL", "メモ"], rows[0]);
        Assert.Equal(["q-01", "<b>一問目</b>", "リスク", "", "意図 [x](javascript:y)", "- a\nb", "", "c", "解約率", "https://example.com/ja/catalogues/x/#q-01", ""], rows[1]);
    }

    [Fact]
    public void TheQueryRoundTripsWithRepeatedFacetKeysAndACommaKit()
    {
        var state = Call("parseQuery", "?phase=final&category=risk&category=teamwork&q=%E8%A7%A3%E7%B4%84+KPI&kit=q-01,q-05&kit=q-02&utm=x&category=risk",
            new[] { "category", "phase" });
        Assert.Equal("""{"facets":{"category":["risk","teamwork"],"phase":["final"]},"q":"解約 KPI","kit":["q-01","q-05","q-02"]}""", state);
        Assert.Equal("?category=risk&category=teamwork&phase=final&q=%E8%A7%A3%E7%B4%84+KPI&kit=q-01,q-05,q-02",
            Text("buildQuery", JsonDocument.Parse(state).RootElement, new[] { "category", "phase" }));
        Assert.Equal("", Text("buildQuery", new { facets = new { category = Array.Empty<string>() }, q = "  ", kit = Array.Empty<string>() }, new[] { "category" }));
        Assert.Equal("""{"facets":{"__proto__":["a"],"constructor":["b"]},"q":"","kit":[]}""",
            Call("parseQuery", "?__proto__=a&constructor=b", new[] { "__proto__", "constructor" }));
        Assert.Equal("?a%26b=x%3Dy", Text("buildQuery", new { facets = new Dictionary<string, string[]> { ["a&b"] = ["x=y"] }, q = "", kit = Array.Empty<string>() }, new[] { "a&b" }));
    }

    [Theory]
    [InlineData("ＫＰＩをどう設計しますか", "kpi", true)]
    [InlineData("ｶｽﾀﾏｰサクセス", "カスタマー", true)]
    [InlineData("解約の兆候にどう気づきますか", "兆候 気づ", true)]
    [InlineData("解約の兆候にどう気づきますか", "兆候 継続", false)]
    [InlineData("최근에 읽은 책은 무엇인가요?", "읽은", true)]
    [InlineData("Customer Success", "SUCCESS", true)]
    [InlineData("anything", "   ", true)]
    public void TheTextFilterMatchesNormalizedSubstrings(string text, string query, bool expected) =>
        Assert.Equal(expected, _engine.Evaluate(
            $"HubCatalogue.matchesTerms(HubCatalogue.normalize({JsonSerializer.Serialize(text)}), HubCatalogue.terms({JsonSerializer.Serialize(query)}))").AsBoolean());

    /// <summary>What the filter marks is where it matched, in the text as written (full-width and half-width forms too).</summary>
    [Theory]
    [InlineData("ＫＰＩをどう設計しますか", "kpi", "[[0,3]]")]
    [InlineData("ｶｽﾀﾏｰサクセス", "カスタマー", "[[0,5]]")]
    [InlineData("解約の兆候にどう気づきますか", "兆候 気づ", "[[3,5],[8,10]]")]
    [InlineData("최근에 읽은 책은", "읽은", "[[4,6]]")]
    [InlineData("Net revenue retention", "RE", "[[4,6],[12,14]]")]
    [InlineData("anything", "   ", "[]")]
    public void TheTextFilterMarksWhereItMatched(string text, string query, string expected) =>
        Assert.Equal(expected, _engine.Evaluate(
            $"JSON.stringify(HubCatalogue.matchRanges({JsonSerializer.Serialize(text)}, HubCatalogue.terms({JsonSerializer.Serialize(query)})))").AsString());

    [Fact]
    public void FiltersCombineFacetsAndTextAndLeaveOutTheCountedFacet()
    {
        var questions = """
            [{ "id": "a", "facets": { "stage": ["first"], "role": ["cs"] }, "haystack": "解約の理由" },
             { "id": "b", "facets": { "stage": ["final"], "role": ["all"] }, "haystack": "renewal plan" },
             { "id": "c", "facets": { "stage": ["first"], "role": ["sales"] }, "haystack": "renewal risk" }]
            """;
        var state = """{ "facets": { "stage": ["first"], "role": ["cs"] }, "q": "", "kit": [] }""";
        const string allValues = """{ "stage": null, "role": "all" }""";
        string Passing(string words) => _engine.Evaluate(
            $"JSON.stringify(({questions}).filter(function (q) {{ return HubCatalogue.passes(q, {state}, {words}, {allValues}, null); }}).map(function (q) {{ return q.id; }}))").AsString();

        Assert.Equal("[\"a\"]", Passing("[]"));
        Assert.Equal("[]", Passing("[\"renewal\"]"));
        // The count next to stage=final leaves the stage filter out: b carries the role's all-value.
        Assert.Equal(1, _engine.Evaluate($"HubCatalogue.valueCount({questions}, {state}, [], {allValues}, 'stage', 'final')").AsNumber());
        Assert.Equal(3, _engine.Evaluate($"HubCatalogue.activeFilters({state}, ['x'])").AsNumber());
    }

    [Fact]
    public void KitKeepsPageOrderAndDropsUnknownIds() =>
        Assert.Equal("[\"q-01\",\"q-03\"]", Call("kitInPageOrder", new[] { new { id = "q-01" }, new { id = "q-02" }, new { id = "q-03" } }, new[] { "q-03", "gone", "q-01" }));

    [Fact]
    public void QueryKeepsForeignPairsAfterTheCataloguesOwn()
    {
        var state = new { facets = new Dictionary<string, string[]> { ["stage"] = ["first"] }, q = "解約 理由", kit = new[] { "q-02" } };
        Assert.Equal("?stage=first&q=%E8%A7%A3%E7%B4%84+%E7%90%86%E7%94%B1&kit=q-02&utm_source=mail&x",
            Text("queryFor", state, new[] { "stage" }, "?stage=final&utm_source=mail&q=old&x&kit=q-01"));
        Assert.Equal("?utm_source=mail", Text("queryFor", new { facets = new Dictionary<string, string[]> { ["stage"] = [] }, q = "", kit = Array.Empty<string>() }, new[] { "stage" }, "?utm_source=mail"));
    }

    [Fact]
    public void MessagesFillKnownPlaceholdersOnly() =>
        Assert.Equal("3 of 10 {unknown}", Text("fill", "{shown} of {total} {unknown}", new { shown = 3, total = 10 }));
}
