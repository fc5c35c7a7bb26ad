using System.Text.Json.Nodes;
using Hub.Site.Content;
using Hub.Site.Content.Catalogues;
using Hub.Site.Content.Kpis;
using Hub.Site.Tests.Docs;
using Hub.Site.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;

namespace Hub.Site.Tests.Schemas;

/// <summary>
/// Keeps the editors' JSON Schemas under <c>schemas/</c> true to Hub: every file of <c>input/</c> and every example of
/// docs/content-format.md passes its schema, and files Hub rejects for their shape (an unknown key, a wrong type, a
/// value outside a closed set, a missing key) fail it, checked by an independent validator (JsonSchema.Net).
/// </summary>
public sealed class SchemaTests
{
    private static readonly string[] Kinds = ["hub.yml", "articles/", "catalogues/", "kpis/", "glossary/"];

    [Fact]
    public void EveryFileOfTheDefaultSitePassesItsSchema()
    {
        var input = Path.Combine(TestSite.RepoRoot, "input");
        var files = new[] { "hub.yml", "tags.yml" }
            .Concat(Directory.EnumerateFiles(Path.Combine(input, "catalogues"), "*.yml"))
            .Concat(Directory.EnumerateFiles(Path.Combine(input, "articles"), "*.md", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(input, "kpis"), "*.md"))
            .Concat(Directory.EnumerateFiles(Path.Combine(input, "glossary"), "*.yml"))
            .Select(f => Path.GetRelativePath(input, Path.Combine(input, f)).Replace('\\', '/'))
            .ToList();
        foreach (var kind in Kinds)
        {
            Assert.Contains(files, f => f.StartsWith(kind, StringComparison.Ordinal));
        }
        var failures = files.SelectMany(f => Failures(f, File.ReadAllText(Path.Combine(input, f)))).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void EveryExampleOfTheContentFormatPassesItsSchema()
    {
        var examples = DocFile.Load("content-format.md").Examples()
            .Select(e => (Path: e.Path["input/".Length..], e.Text))
            .Where(e => Kinds.Any(k => e.Path.StartsWith(k, StringComparison.Ordinal)))
            .ToList();
        foreach (var kind in Kinds)
        {
            Assert.Contains(examples, e => e.Path.StartsWith(kind, StringComparison.Ordinal));
        }
        var failures = examples.SelectMany(e => Failures(e.Path, e.Text)).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void TheSchemasClosedSetsAreTheCodes()
    {
        Assert.Equal(Sorted(KpiLoader.Units), Sorted(HubSchema.Kpi.Strings("/$defs/input/properties/unit/enum")));
        Assert.Equal(Sorted(KpiLoader.Formats), Sorted(HubSchema.Kpi.Strings("/properties/result/properties/format/enum")));
        Assert.Equal(Sorted(PageHeader.CommonKeys), Sorted(HubSchema.Article.Json["properties"]!.AsObject().Select(p => p.Key)));
        var notFacetNames = HubSchema.Catalogue.Strings("/properties/facets/propertyNames/not/enum");
        Assert.All(CatalogueLoader.ReservedQueryKeys, k => Assert.Contains(k, notFacetNames));
        // Input names become C# parameters: Roslyn's reserved keywords, and Math, which would hide the functions.
        var keywords = SyntaxFacts.GetReservedKeywordKinds().Select(SyntaxFacts.GetText).Append("Math");
        Assert.Equal(Sorted(keywords), Sorted(HubSchema.Kpi.Strings("/$defs/input/properties/name/not/enum")));
    }

    [Fact]
    public void TheSchemasClosedSetsAreTheDocumentedOnes()
    {
        var doc = DocFile.Load("content-format.md");
        IReadOnlyList<string> Allowed(string heading, string key) => Assert.Single(doc.Table(heading), r => r.Key == key).CodeIn("allowed values");

        Assert.Equal(Sorted(Allowed("Catalogue keys", "audience")), Sorted(HubSchema.Catalogue.Strings("/properties/audience/enum")));
        Assert.Equal(Sorted(Allowed("KPI keys", "indicator")), Sorted(HubSchema.Kpi.Strings("/properties/indicator/enum")));
        Assert.Equal(Sorted(Allowed("KPI result keys", "better")), Sorted(HubSchema.Kpi.Strings("/properties/result/properties/better/enum")));
        Assert.Equal(Sorted(Allowed("KPI result keys", "format")), Sorted(HubSchema.Kpi.Strings("/properties/result/properties/format/enum")));
        Assert.Equal(Sorted(Allowed("KPI input keys", "unit")), Sorted(HubSchema.Kpi.Strings("/$defs/input/properties/unit/enum")));
        // Hub shows any other cadence as written, so the schema suggests these values without restricting to them.
        Assert.Equal(Sorted(Allowed("KPI keys", "cadence")), Sorted(HubSchema.Kpi.Strings("/properties/cadence/examples")));
    }

    [Fact]
    public void EverySchemaIsDraft202012WithARelativeIdAndDescribesEveryKey()
    {
        foreach (var schema in new[] { HubSchema.Site, HubSchema.Article, HubSchema.Catalogue, HubSchema.Kpi, HubSchema.Term, HubSchema.Tags })
        {
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema.Json["$schema"]);
            Assert.Equal(Path.GetFileName(schema.Path), (string?)schema.Json["$id"]);
            var undescribed = new List<string>();
            FindUndescribed(schema.Json, "", undescribed);
            Assert.True(undescribed.Count == 0, $"{schema.Path}: keys without a description: {string.Join(", ", undescribed)}");
        }
        // The keys every page accepts read the same in the three page schemas.
        foreach (var key in PageHeader.CommonKeys)
        {
            var article = HubSchema.Article.At($"/properties/{key}");
            Assert.True(JsonNode.DeepEquals(article, HubSchema.Catalogue.At($"/properties/{key}")), $"catalogue.schema.json describes '{key}' differently");
            Assert.True(JsonNode.DeepEquals(article, HubSchema.Kpi.At($"/properties/{key}")), $"kpi.schema.json describes '{key}' differently");
            Assert.True(JsonNode.DeepEquals(article, HubSchema.Term.At($"/properties/{key}")), $"term.schema.json describes '{key}' differently");
        }
    }

    private static void FindUndescribed(JsonNode? node, string pointer, List<string> undescribed)
    {
        if (node is JsonObject obj)
        {
            if (obj["properties"] is JsonObject properties)
            {
                undescribed.AddRange(properties.Where(p => p.Value?["description"] is null).Select(p => $"{pointer}/properties/{p.Key}"));
            }
            foreach (var (key, child) in obj)
            {
                FindUndescribed(child, $"{pointer}/{key}", undescribed);
            }
        }
    }

    private static List<string> Sorted(IEnumerable<string> values) => values.Order(StringComparer.Ordinal).ToList();

    private const string ValidArticle = """
        ---
        title: 記事
        summary: 要約
        date: 2025-01-01
        tags: [retention]
        draft: false
        ---

        本文。
        """;

    private const string ValidCatalogue = """
        title: 質問
        audience: interviewer
        facets:
          category:
            - { id: product, label: 製品 }
        questions:
          - id: q-01
            text: 製品を説明してください。
            category: product
            lookFor: [顧客視点]
        """;

    private const string ValidKpi = """
        ---
        title: 継続率
        formula: 1 - churned / customersAtStart
        result: { format: percent, decimals: 1, better: higher }
        inputs:
          - { name: churned, label: 解約数, unit: count, min: 0, default: 12 }
          - { name: customersAtStart, label: 期首顧客数, unit: count, min: 1, default: 400 }
        cadence: monthly
        indicator: lagging
        examples:
          - { inputs: { churned: 12, customersAtStart: 400 }, result: 0.97 }
        ---

        本文。
        """;

    private const string ValidTerm = """
        title: 解約率
        reading: かいやくりつ
        aliases: [チャーンレート]
        definition: 一定期間に解約した顧客の割合。
        related: [glossary/sample]
        """;

    /// <summary>The valid file of each kind, at the path the invalid fixtures replace it at.</summary>
    private static readonly Dictionary<string, string> Valid = new(StringComparer.Ordinal)
    {
        ["hub.yml"] = TestSite.DefaultConfig,
        ["articles/sample.md"] = ValidArticle,
        ["catalogues/sample.yml"] = ValidCatalogue,
        ["kpis/sample.md"] = ValidKpi,
        ["glossary/sample.yml"] = ValidTerm,
    };

    /// <summary>
    /// One change to a valid file that Hub rejects for its shape: the JSON pointer where the schema must reject it, and
    /// Hub's diagnostics (paths relative to input/). An unknown key in an article is a warning, so articles build with
    /// --strict.
    /// </summary>
    public static readonly TheoryData<string, string, string, string, string> Invalid = new()
    {
        // hub.yml
        { "hub.yml", "currency: JPY", "currency: JPY\ntheme: dark", "/theme", "hub.yml(6,1): error HUB0104: unknown key 'theme' in hub.yml" },
        {
            "hub.yml", "languages: [ja, ko, en]", "languages: { ja: 日本語 }", "/languages",
            "hub.yml(1,1): error HUB0103: 'languages' is required (for example: languages: [ja, ko, en])\n" +
            "hub.yml(3,12): error HUB0105: 'languages' must be a list"
        },
        { "hub.yml", "currency: JPY", "currency: yen", "/currency", "hub.yml(5,11): error HUB0002: currency 'yen' must be an ISO 4217 code such as JPY, KRW or USD" },
        { "hub.yml", "languages: [ja, ko, en]\n", "", "", "hub.yml(1,1): error HUB0103: 'languages' is required (for example: languages: [ja, ko, en])" },
        {
            "hub.yml", "baseUrl: https://example.github.io/cs-hub/", "baseUrl: ftp://example.com/", "/baseUrl",
            "hub.yml(2,10): error HUB0403: baseUrl 'ftp://example.com/' has the scheme 'ftp:', which is not allowed in a page (only http, https, mailto, relative and fragment URLs are allowed)"
        },
        // articles
        { "articles/sample.md", "draft: false", "draft: false\nauthor: 佐藤", "/author", "articles/sample.md(7,1): error HUB0104: unknown key 'author' in an article's front matter" },
        { "articles/sample.md", "draft: false", "draft: yes", "/draft", "articles/sample.md(6,8): error HUB0105: 'draft' must be true or false" },
        { "articles/sample.md", "draft: false", "draft: True", "/draft", "articles/sample.md(6,8): error HUB0105: 'draft' must be true or false" },
        { "articles/sample.md", "tags: [retention]", "tags: { retention: true }", "/tags", "articles/sample.md(5,7): error HUB0105: 'tags' must be a list" },
        { "articles/sample.md", "date: 2025-01-01", "date: 2025-13-45", "/date", "articles/sample.md(4,7): error HUB0105: '2025-13-45' is not a date (write it as YYYY-MM-DD)" },
        { "articles/sample.md", "title: 記事\n", "", "", "articles/sample.md(2,1): error HUB0103: 'title' is required" },
        { "articles/sample.md", "summary: 要約", "slug: -bad slug", "/slug", "articles/sample.md(3,7): error HUB0105: '-bad slug' cannot be used in a URL (use letters, digits and hyphens)" },
        // catalogues
        { "catalogues/sample.yml", "audience: interviewer", "audience: interviewer\nowner: 採用チーム", "/owner", "catalogues/sample.yml(3,1): error HUB0104: unknown key 'owner' in a catalogue" },
        { "catalogues/sample.yml", "label: 製品 }", "label: 製品, color: red }", "/facets/category/0/color", "catalogues/sample.yml(5,33): error HUB0104: unknown key 'color' in a value of facet 'category'" },
        { "catalogues/sample.yml", "audience: interviewer", "audience: recruiter", "/audience", "catalogues/sample.yml(2,11): error HUB0105: audience 'recruiter' must be interviewer or candidate" },
        { "catalogues/sample.yml", "lookFor: [顧客視点]", "lookFor: { strong: 顧客視点 }", "/questions/0/lookFor", "catalogues/sample.yml(10,14): error HUB0105: 'lookFor' must be a list" },
        { "catalogues/sample.yml", "    text: 製品を説明してください。\n", "", "/questions/0", "catalogues/sample.yml(7,5): error HUB0103: 'text' is required" },
        {
            "catalogues/sample.yml", "  category:\n", "  q:\n", "/facets/q",
            "catalogues/sample.yml(4,3): error HUB0305: 'q' cannot be a facet name: the page's URL uses '?q=' for its own state (rename the facet)\n" +
            "catalogues/sample.yml(9,5): error HUB0104: unknown key 'category' in a question"
        },
        { "catalogues/sample.yml", "id: q-01", "id: 1st", "/questions/0/id", "catalogues/sample.yml(7,9): error HUB0303: question id '1st' must start with a letter and use only letters, digits, '-' and '_'" },
        {
            "catalogues/sample.yml", "id: q-01", "id: catalogue-filters", "/questions/0/id",
            "catalogues/sample.yml(7,9): error HUB0303: question id 'catalogue-filters' is already used by the page itself (choose another id (not 'catalogue-…'))"
        },
        {
            "catalogues/sample.yml", "audience: interviewer", "audience: interviewer\nscorecard:\n  scale: 3\n  attributes:\n    - { id: product, label: 製品 }", "/scorecard/scale",
            "catalogues/sample.yml(4,10): error HUB0308: scale '3' must be 4 or 5 points (leave it out for the default: 4 points with no neutral middle)\n" +
            "catalogues/sample.yml(11,9): error HUB0307: question 'q-01' names no scorecard attribute (add 'attributes: [product]')"
        },
        // glossary terms
        { "glossary/sample.yml", "reading: かいやくりつ", "reading: かいやくりつ\nsynonyms: [churn]", "/synonyms", "glossary/sample.yml(3,1): error HUB0104: unknown key 'synonyms' in a glossary term" },
        { "glossary/sample.yml", "definition: 一定期間に解約した顧客の割合。\n", "", "", "glossary/sample.yml(1,1): error HUB0103: 'definition' is required" },
        { "glossary/sample.yml", "aliases: [チャーンレート]", "aliases: { ja: チャーンレート }", "/aliases", "glossary/sample.yml(3,10): error HUB0105: 'aliases' must be a list" },
        { "glossary/sample.yml", "definition: 一定期間に解約した顧客の割合。", "definition: [解約, 割合]", "/definition", "glossary/sample.yml(4,13): error HUB0105: 'definition' must be a text value" },
        // KPI pages
        { "kpis/sample.md", "cadence: monthly", "cadence: monthly\nowner: CS", "/owner", "kpis/sample.md(9,1): error HUB0104: unknown key 'owner' in a KPI's front matter" },
        { "kpis/sample.md", "unit: count, min: 0", "unit: count, min: 0, max: 10, precision: 2", "/inputs/0/precision", "kpis/sample.md(6,64): error HUB0104: unknown key 'precision' in an input" },
        { "kpis/sample.md", "better: higher }", "better: higher, color: green }", "/result/color", "kpis/sample.md(4,57): error HUB0104: unknown key 'color' in result" },
        { "kpis/sample.md", "format: percent", "format: percentage", "/result/format", "kpis/sample.md(4,19): error HUB0105: result format 'percentage' is not one of percent, ratio, currency, number, months" },
        { "kpis/sample.md", "better: higher", "better: up", "/result/better", "kpis/sample.md(4,49): error HUB0105: better 'up' must be higher or lower" },
        {
            "kpis/sample.md", "name: churned, label: 解約数, unit: count", "name: churned, label: 解約数, unit: dollars", "/inputs/0/unit",
            "kpis/sample.md(6,40): error HUB0105: unit 'dollars' is not one of count, currency, percent, ratio, number, days, months"
        },
        { "kpis/sample.md", "indicator: lagging", "indicator: trailing", "/indicator", "kpis/sample.md(9,12): error HUB0105: indicator 'trailing' must be leading or lagging" },
        { "kpis/sample.md", "decimals: 1", "decimals: two", "/result/decimals", "kpis/sample.md(4,38): error HUB0105: 'decimals' must be a number" },
        { "kpis/sample.md", "decimals: 1", "decimals: 11", "/result/decimals", "kpis/sample.md(4,38): error HUB0105: decimals must be a whole number from 0 to 10" },
        { "kpis/sample.md", "min: 0, default: 12", "min: zero, default: 12", "/inputs/0/min", "kpis/sample.md(6,52): error HUB0105: 'min' must be a number" },
        { "kpis/sample.md", "result: 0.97 }", "result: .nan }", "/examples/0/result", "kpis/sample.md(11,63): error HUB0105: 'result' must be a finite number, not '.nan' (NaN and infinity are not allowed)" },
        { "kpis/sample.md", "cadence: monthly", "cadence: [monthly]", "/cadence", "kpis/sample.md(8,10): error HUB0105: 'cadence' must be a text value" },
        { "kpis/sample.md", "formula: 1 - churned / customersAtStart\n", "", "", "kpis/sample.md(2,1): error HUB0103: 'formula' is required" },
        {
            "kpis/sample.md", "result: { format: percent, decimals: 1, better: higher }\n", "", "",
            "kpis/sample.md(2,1): error HUB0103: 'result' is required (for example: result: { format: percent, decimals: 1, better: lower })"
        },
        { "kpis/sample.md", "{ format: percent, decimals: 1, better: higher }", "{ decimals: 1, better: higher }", "/result", "kpis/sample.md(4,9): error HUB0103: 'format' is required" },
        { "kpis/sample.md", "name: churned, label: 解約数", "name: churned", "/inputs/0", "kpis/sample.md(6,5): error HUB0103: 'label' is required" },
        {
            "kpis/sample.md", "- { inputs: { churned: 12, customersAtStart: 400 }, result: 0.97 }", "- { inputs: { churned: 12, customersAtStart: 400 } }", "/examples/0",
            "kpis/sample.md(11,5): error HUB0103: an example needs a numeric 'result'"
        },
        {
            "kpis/sample.md", "name: churned,", "name: class,", "/inputs/0/name",
            "kpis/sample.md(3,10): error HUB0206: input name 'class' is a C# keyword (use letters, digits and '_', starting with a letter, e.g. customersAtStart)\n" +
            "kpis/sample.md(11,15): error HUB0103: example gives no value for input 'class'\n" +
            "kpis/sample.md(11,17): error HUB0105: example names unknown input 'churned'"
        },
    };

    [Fact]
    public void TheValidFixturesPassHubAndTheirSchemas()
    {
        using var site = new TestSite(WithFixtures(Valid));
        var result = site.Build(strict: true);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.All(Valid, f => Assert.Empty(Failures(f.Key, f.Value)));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void WhatHubRejectsForItsShapeTheSchemaRejects(string path, string replace, string with, string at, string diagnostics)
    {
        var valid = Valid[path];
        Assert.Contains(replace, valid, StringComparison.Ordinal);
        var text = valid.Replace(replace, with, StringComparison.Ordinal);

        var strict = path.StartsWith("articles/", StringComparison.Ordinal);
        Assert.Equal(diagnostics.Split('\n'), HubDiagnostics(path, text, strict));
        var errors = HubSchema.For(path).Errors(YamlJson.FromFile(path, text));
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.StartsWith(at + " (", e, StringComparison.Ordinal));
    }

    private static List<string> HubDiagnostics(string path, string text, bool strict)
    {
        var files = WithFixtures(Valid);
        files[path] = text;
        using var site = new TestSite(files);
        var result = site.Build(strict: strict);
        Assert.False(result.Succeeded);
        var prefix = site.Input.Replace('\\', '/') + "/";
        return result.Diagnostics.Select(d => d.ToString().Replace(prefix, string.Empty, StringComparison.Ordinal)).ToList();
    }

    private static Dictionary<string, string> WithFixtures(IReadOnlyDictionary<string, string> files)
    {
        var all = Fixtures.Basic();
        foreach (var (path, text) in files)
        {
            all[path] = text;
        }
        return all;
    }

    private static IEnumerable<string> Failures(string relativePath, string text) =>
        HubSchema.For(relativePath).Errors(YamlJson.FromFile(relativePath, text)).Select(e => $"{relativePath}: {e}");
}
