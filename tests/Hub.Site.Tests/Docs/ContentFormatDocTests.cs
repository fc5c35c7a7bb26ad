using Hub.Site.Content;
using Hub.Site.Content.Catalogues;
using Hub.Site.Content.Kpis;
using Hub.Site.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Hub.Site.Tests.Docs;

/// <summary>
/// Keeps docs/content-format.md true: its examples form one site that builds cleanly under --strict, every key its
/// tables document is used by an example of its kind, and its lists of allowed values are the code's.
/// </summary>
public sealed class ContentFormatDocTests
{
    private static readonly DocFile Doc = DocFile.Load("content-format.md");

    /// <summary>The tables of keys and the folder whose examples must use every key they list.</summary>
    private static readonly (string Heading, string ExamplesUnder)[] KeyTables =
    [
        ("hub.yml keys", "input/hub.yml"),
        ("Common keys", "input/"),
        ("Catalogue keys", "input/catalogues/"),
        ("Facet value keys", "input/catalogues/"),
        ("Question keys", "input/catalogues/"),
        ("Scorecard keys", "input/catalogues/"),
        ("Scorecard attribute keys", "input/catalogues/"),
        ("KPI keys", "input/kpis/"),
        ("KPI input keys", "input/kpis/"),
        ("KPI result keys", "input/kpis/"),
        ("KPI example keys", "input/kpis/"),
        ("Glossary term keys", "input/glossary/"),
    ];

    [Fact]
    public void ExamplesBuildIntoOneSiteWithoutAnyDiagnosticUnderStrict()
    {
        var examples = Doc.Examples();
        Assert.All(examples, e => Assert.StartsWith("input/", e.Path, StringComparison.Ordinal));
        Assert.Equal(examples.Count, examples.Select(e => e.Path).Distinct(StringComparer.Ordinal).Count());
        foreach (var kind in new[] { "input/hub.yml", "input/articles/", "input/catalogues/", "input/kpis/", "input/glossary/", "input/static/" })
        {
            Assert.Contains(examples, e => e.Path.StartsWith(kind, StringComparison.Ordinal));
        }

        using var site = new TestSite(examples.ToDictionary(e => e.Path["input/".Length..], e => e.Text), withConfig: false);
        var result = site.Build(strict: true);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        // The pages the doc's prose promises: translations, embeds, the published static file, and a draft left out.
        var article = site.Html("/ja/articles/retention-playbook/");
        Assert.NotNull(article.QuerySelector("form.kpi-calculator[data-kpi='churn-rate']"));
        Assert.Contains(article.QuerySelectorAll("a[href]"), a => a.Target() == "/cs-hub/ja/catalogues/csm-hiring/#q-02");
        Assert.NotNull(article.QuerySelector("link[rel='alternate'][hreflang='en'][href$='/en/articles/retention-playbook/']"));
        Assert.True(site.OutputExists("/files/renewal-checklist.csv"));
        Assert.False(site.OutputExists("/ja/articles/pricing-faq/index.html"));
        Assert.NotNull(site.Html("/ja/catalogues/csm-hiring/").QuerySelector("#q-01"));
    }

    [Fact]
    public void EveryDocumentedKeyIsUsedByAnExampleOfItsKind()
    {
        var examples = Doc.Examples();
        foreach (var (heading, under) in KeyTables)
        {
            var used = examples.Where(e => e.Path.StartsWith(under, StringComparison.Ordinal)).SelectMany(e => YamlKeys(e.Path, e.Text)).ToHashSet(StringComparer.Ordinal);
            var missing = Doc.Table(heading).Select(r => r.Key).Where(k => !used.Contains(k)).ToList();
            Assert.True(missing.Count == 0, $"keys under '{heading}' that no example under {under} uses: {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void AllowedValuesAreTheCodesClosedSets()
    {
        Assert.Equal(Sorted(KpiLoader.Units), Sorted(Allowed("KPI input keys", "unit")));
        Assert.Equal(Sorted(KpiLoader.Formats), Sorted(Allowed("KPI result keys", "format")));
        Assert.Equal(Sorted(PageHeader.CommonKeys), Sorted(Doc.Table("Common keys").Select(r => r.Key)));
        Assert.Equal(Sorted(CatalogueLoader.ReservedQueryKeys), Sorted(Allowed("Catalogue keys", "facets")));
        // The cadences the theme translates are the documented ones, in every language of the theme.
        var cadences = Sorted(Allowed("KPI keys", "cadence"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestSite.Theme, "i18n"), "*.yml"))
        {
            Assert.Equal(cadences, Sorted(ThemeCadences(file)));
        }
    }

    [Fact]
    public void DocumentedMathFunctionsAreTheFormulaLanguages()
    {
        // The formula checker names the functions it allows when it refuses another one; that list is the code's.
        var documented = Doc.CodeUnder("The formula language")
            .Where(c => c.StartsWith("Math.", StringComparison.Ordinal) && c.Skip("Math.".Length).All(char.IsAsciiLetter))
            .Distinct(StringComparer.Ordinal).ToList();
        using var site = new TestSite(new Dictionary<string, string>
        {
            ["kpis/k.md"] = "---\ntitle: K\nformula: Math.Sign(a)\nresult: { format: number }\ninputs:\n  - { name: a, label: A }\nexamples:\n  - { inputs: { a: 1 }, result: 1 }\n---\n",
        });
        var refusal = Assert.Single(site.Build().Diagnostics, d => d.Code == "HUB0202");
        Assert.Equal("a call to 'Math.Sign' is not allowed in a formula", refusal.Message);
        const string Prefix = "only ", Suffix = " can be called";
        Assert.StartsWith(Prefix, refusal.Hint, StringComparison.Ordinal);
        Assert.EndsWith(Suffix, refusal.Hint, StringComparison.Ordinal);
        var allowed = refusal.Hint![Prefix.Length..^Suffix.Length].Split(", ");
        Assert.Equal(Sorted(allowed), Sorted(documented));
    }

    [Fact]
    public void DocumentedValuesOfUncheckedListsAreAcceptedAndOthersRejected()
    {
        // better, indicator and audience are literals in the loaders: build every documented value, and one more.
        var better = Allowed("KPI result keys", "better");
        var indicator = Allowed("KPI keys", "indicator");
        var audience = Allowed("Catalogue keys", "audience");
        Assert.NotEmpty(better);
        Assert.NotEmpty(indicator);
        Assert.NotEmpty(audience);

        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in better)
        {
            files[$"kpis/better-{value}.md"] = Kpi(better: value, indicator: indicator[0]);
        }
        foreach (var value in indicator)
        {
            files[$"kpis/indicator-{value}.md"] = Kpi(better: better[0], indicator: value);
        }
        foreach (var value in audience)
        {
            files[$"catalogues/audience-{value}.yml"] = Catalogue(value);
        }
        using (var site = new TestSite(files))
        {
            var result = site.Build(strict: true);
            Assert.Empty(result.Diagnostics);
        }

        using var bad = new TestSite(new Dictionary<string, string>
        {
            ["kpis/bad.md"] = Kpi(better: "sideways", indicator: "coincident"),
            ["catalogues/bad.yml"] = Catalogue("everyone"),
        });
        var diagnostics = bad.Build(strict: true).Diagnostics.Select(d => d.ToString()).ToList();
        Assert.Contains("input/kpis/bad.md(4,34): error HUB0105: better 'sideways' must be higher or lower", diagnostics.Select(Tail));
        Assert.Contains("input/kpis/bad.md(8,12): error HUB0105: indicator 'coincident' must be leading or lagging", diagnostics.Select(Tail));
        Assert.Contains("input/catalogues/bad.yml(2,11): error HUB0105: audience 'everyone' must be interviewer or candidate", diagnostics.Select(Tail));
    }

    private static string Kpi(string better, string indicator) => $$"""
        ---
        title: K
        formula: a / b
        result: { format: ratio, better: {{better}} }
        inputs:
          - { name: a, label: A }
          - { name: b, label: B }
        indicator: {{indicator}}
        examples:
          - { inputs: { a: 1, b: 4 }, result: 0.25 }
        ---
        """;

    private static string Catalogue(string audience) => $$"""
        title: C
        audience: {{audience}}
        questions:
          - { id: q-01, text: Q }
        """;

    /// <summary>The path from the site's input folder on, as diagnostics show it relative to the temp folder.</summary>
    private static string Tail(string diagnostic)
    {
        var at = diagnostic.IndexOf("input/", StringComparison.Ordinal);
        return at < 0 ? diagnostic : diagnostic[at..];
    }

    private static IReadOnlyList<string> Allowed(string heading, string key)
    {
        var row = Assert.Single(Doc.Table(heading), r => r.Key == key);
        return row.CodeIn("allowed values");
    }

    private static List<string> Sorted(IEnumerable<string> values) => values.Order(StringComparer.Ordinal).ToList();

    /// <summary>Every mapping key in a YAML example (a Markdown example's front matter).</summary>
    private static IEnumerable<string> YamlKeys(string path, string text)
    {
        var yaml = path.EndsWith(".md", StringComparison.Ordinal) ? FrontMatter.Split(text).Yaml : path.EndsWith(".yml", StringComparison.Ordinal) ? text : null;
        if (yaml is null)
        {
            return [];
        }
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.SelectMany(d => d.AllNodes).OfType<YamlMappingNode>()
            .SelectMany(m => m.Children.Keys).OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty);
    }

    private static IEnumerable<string> ThemeCadences(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(file)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var kpi = (YamlMappingNode)root[new YamlScalarNode("kpi")];
        var cadences = (YamlMappingNode)kpi[new YamlScalarNode("cadences")];
        return cadences.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty);
    }
}
