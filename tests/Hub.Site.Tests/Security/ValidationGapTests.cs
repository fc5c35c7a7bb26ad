using System.Text.RegularExpressions;
using Hub.Cli.Commands;
using Hub.Site.Content;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Security;

/// <summary>
/// Input that used to slip through validation (issue 17, part 7): each invalid fixture site is pinned by code, file,
/// line and column, and <c>hub check</c> and <c>hub build</c> give it the same verdict and diagnostics, without a stack
/// trace.
/// </summary>
public sealed partial class ValidationGapTests
{
    /// <summary>
    /// Runs <c>hub check</c> and <c>hub build</c> on the fixture through the command line and returns the diagnostics
    /// they printed (paths relative to the input folder), after checking that both exit with
    /// <paramref name="exit"/>, print the same diagnostics and no stack trace.
    /// </summary>
    private static List<string> Diagnostics(Dictionary<string, string> files, int exit = 1, bool strict = false)
    {
        using var site = new TestSite(files);
        string[] options = strict ? ["--input", site.Input, "--theme", TestSite.Theme, "--strict"] : ["--input", site.Input, "--theme", TestSite.Theme];
        var check = Run(["check", .. options]);
        var build = Run(["build", .. options, "--output", site.Output]);
        foreach (var (name, run) in new[] { ("check", check), ("build", build) })
        {
            Assert.True(exit == run.Exit, $"hub {name} exited with {run.Exit}:\n{run.Out}\n{run.Err}");
            foreach (var text in new[] { run.Out, run.Err })
            {
                Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
                Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
            }
        }
        var checkLines = Lines(check.Err, site.Input);
        Assert.Equal(checkLines, Lines(build.Err, site.Input));
        return checkLines;
    }

    private static (int Exit, string Out, string Err) Run(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = HubCommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static List<string> Lines(string stderr, string input)
    {
        var prefix = Path.GetFullPath(input).Replace('\\', '/') + "/";
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), input).Replace('\\', '/') + "/";
        return stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => DiagnosticLine().IsMatch(l))
            .Select(l => l.Replace(prefix, string.Empty, StringComparison.Ordinal).Replace(relative, string.Empty, StringComparison.Ordinal))
            .ToList();
    }

    [GeneratedRegex(@": (error|warning) HUB\d{4}: ")]
    private static partial Regex DiagnosticLine();

    private static Dictionary<string, string> With(params (string Path, string Text)[] files) => Fixtures.BasicWith(files);

    private const string Kpi = """
        ---
        title: 継続率
        formula: 1 - churned / customersAtStart
        result: { format: percent, decimals: 1 }
        inputs:
          - { name: churned, label: 解約数, default: 12 }
          - { name: customersAtStart, label: 期首顧客数, default: 400 }
        examples:
          - { inputs: { churned: 12, customersAtStart: 400 }, result: 0.97 }
        ---
        本文。
        """;

    [Fact]
    public void A_null_title_is_a_missing_title()
    {
        var errors = Diagnostics(With(
            ("articles/null-title.md", "---\ntitle: null\n---\nbody\n"),
            ("articles/tilde-title.md", "---\nsummary: s\ntitle: ~\n---\nbody\n"),
            ("articles/quoted-null.md", "---\ntitle: \"null\"\n---\nbody\n"),
            ("catalogues/null.yml", "title: Null\nquestions:\n  - { id: q-1, text: Q }\n")));
        Assert.Equal(
        [
            "articles/null-title.md(2,8): error HUB0103: 'title' is required ('null' means no value) (write the title; quote it (\"null\") if it is the word itself)",
            "articles/tilde-title.md(3,8): error HUB0103: 'title' is required ('~' means no value) (write the title; quote it (\"~\") if it is the word itself)",
            "catalogues/null.yml(1,8): error HUB0103: 'title' is required ('Null' means no value) (write the title; quote it (\"Null\") if it is the word itself)",
        ], errors);
    }

    [Fact]
    public void A_null_site_title_is_a_missing_title()
    {
        var errors = Diagnostics(With(("hub.yml", "title: ~\nbaseUrl: https://example.org/\nlanguages: [ja, ko, en]\n")));
        Assert.Equal(["hub.yml(1,8): error HUB0103: 'title' is required"], errors);

        errors = Diagnostics(With(("hub.yml", "title: { ja: ハブ, ko: null, en: Hub }\nbaseUrl: https://example.org/\nlanguages: [ja, ko, en]\n")));
        Assert.Equal(["hub.yml(1,22): error HUB0103: the 'ko' title is empty"], errors);
    }

    [Fact]
    public void A_language_listed_twice_is_an_error_at_the_second()
    {
        var errors = Diagnostics(With(("hub.yml", "title: Hub\nbaseUrl: https://example.org/\nlanguages:\n  - ja\n  - ko\n  - en\n  - ko\n")));
        Assert.Equal(["hub.yml(7,5): error HUB0105: language 'ko' is listed twice in 'languages' (list each language once)"], errors);

        errors = Diagnostics(With(("hub.yml", "title: Hub\nbaseUrl: https://example.org/\nlanguages: [ja, ko, en, en-us, en-US]\n")));
        Assert.Equal(
            ["hub.yml(3,32): error HUB0105: language 'en-US' is listed twice in 'languages' (as 'en-us': language folders collide on case-insensitive file systems) (list each language once)"],
            errors);
    }

    [Fact]
    public void NaN_and_infinity_are_not_numbers_of_a_kpi()
    {
        var errors = Diagnostics(With(("kpis/retention.md", """
            ---
            title: 継続率
            formula: 1 - churned / customersAtStart
            result: { format: percent, decimals: .nan }
            inputs:
              - { name: churned, label: 解約数, min: -.inf, default: NaN }
              - { name: customersAtStart, label: 期首顧客数, max: Infinity, step: 1e400 }
            examples:
              - { inputs: { churned: .NaN, customersAtStart: 400 }, result: 1 }
              - { inputs: { churned: 12, customersAtStart: 400 }, result: -Infinity }
            ---
            本文。
            """)));
        const string Hint = "(NaN and infinity are not allowed)";
        Assert.Equal(
        [
            $"kpis/retention.md(4,38): error HUB0105: 'decimals' must be a finite number, not '.nan' {Hint}",
            $"kpis/retention.md(6,39): error HUB0105: 'min' must be a finite number, not '-.inf' {Hint}",
            $"kpis/retention.md(6,55): error HUB0105: 'default' must be a finite number, not 'NaN' {Hint}",
            $"kpis/retention.md(7,50): error HUB0105: 'max' must be a finite number, not 'Infinity' {Hint}",
            $"kpis/retention.md(7,66): error HUB0105: 'step' must be a finite number, not '1e400' {Hint}",
            $"kpis/retention.md(9,26): error HUB0105: 'churned' must be a finite number, not '.NaN' {Hint}",
            $"kpis/retention.md(10,63): error HUB0105: 'result' must be a finite number, not '-Infinity' {Hint}",
        ], errors);
    }

    [Fact]
    public void Empty_examples_warn_as_missing_examples_do()
    {
        var empty = Kpi.Replace("examples:\n  - { inputs: { churned: 12, customersAtStart: 400 }, result: 0.97 }", "examples: []", StringComparison.Ordinal);
        Assert.Contains("examples: []", empty, StringComparison.Ordinal);
        var missing = Kpi.Replace("examples:\n  - { inputs: { churned: 12, customersAtStart: 400 }, result: 0.97 }\n", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("examples", missing, StringComparison.Ordinal);
        const string Warning = "kpis/retention.md(2,1): warning HUB0103: the KPI has no worked 'examples' (add one so the build can verify the formula)";

        Assert.Equal([Warning], Diagnostics(With(("kpis/retention.md", empty)), exit: 0));
        Assert.Equal([Warning], Diagnostics(With(("kpis/retention.md", missing)), exit: 0));
        Assert.Equal([Warning.Replace("warning", "error", StringComparison.Ordinal)], Diagnostics(With(("kpis/retention.md", empty)), exit: 1, strict: true));
    }

    [Fact]
    public void Urls_that_differ_only_by_case_collide()
    {
        var errors = Diagnostics(With(
            ("articles/Renewal.md", "---\ntitle: Renewal\n---\nbody\n"),
            ("articles/deep/renewal.md", "---\ntitle: renewal\n---\nbody\n")));
        Assert.Equal(
        [
            "articles/deep/renewal.md(1,1): error HUB0106: this page's URL /ja/articles/renewal/ differs only by case from /ja/articles/Renewal/ of articles/Renewal.md: they collide on case-insensitive file systems and hosts (give one of them another 'slug' or 'lang')",
        ], errors);
    }

    [Fact]
    public void Two_pages_of_one_language_cannot_share_a_translation_key()
    {
        var errors = Diagnostics(With(
            ("articles/playbook.md", "---\ntitle: Playbook\ntranslationKey: retention\n---\nbody\n"),
            ("articles/other.en.md", "---\ntitle: Other\ntranslationKey: retention\n---\nbody\n")));
        Assert.Equal(
        [
            "articles/other.en.md(3,1): error HUB0115: translationKey 'retention' is already used by articles/retention.en.md, also in 'en': a page has one translation per language (give one of them another 'translationKey' or 'lang')",
            "articles/playbook.md(3,1): error HUB0115: translationKey 'retention' is already used by articles/retention.md, also in 'ja': a page has one translation per language (give one of them another 'translationKey' or 'lang')",
        ], errors);
    }

    [Fact]
    public void Hub_serve_leaves_a_case_or_translation_key_collision_to_a_full_build()
    {
        using var site = new TestSite(Fixtures.Basic());
        var (_, session) = SiteBuilder.BuildSession(site.Options());
        var playbook = Path.Combine(site.Input, "articles", "playbook.md");
        site.Write("articles/playbook.md", "---\ntitle: Playbook\n---\nbody\n");
        Assert.NotNull(session!.TryUpdate([playbook]));

        site.Write("articles/playbook.md", "---\ntitle: Playbook\ntranslationKey: retention\n---\nbody\n");
        Assert.Null(session.TryUpdate([playbook]));
        site.Write("articles/playbook.md", "---\ntitle: Playbook\n---\nbody\n");

        site.Write("articles/deep/Retention.md", "---\ntitle: Retention\ntranslationKey: deep\n---\nbody\n");
        Assert.Null(session.TryUpdate([Path.Combine(site.Input, "articles", "deep", "Retention.md")]));
    }

    [Fact]
    public void A_facet_needs_a_name()
    {
        var errors = Diagnostics(With(("catalogues/facets.yml", """
            title: Facets
            facets:
              "":
                - { id: a }
              " ":
                - { id: b }
            questions:
              - { id: q-1, text: Q }
            """)));
        Assert.Equal(
        [
            "catalogues/facets.yml(3,3): error HUB0105: a facet name cannot be empty (name the facet, e.g. category)",
            "catalogues/facets.yml(5,3): error HUB0105: a facet name cannot be empty (name the facet, e.g. category)",
        ], errors);
    }

    [Fact]
    public void A_directive_after_the_formula_is_an_error_at_its_line()
    {
        var kpi = Kpi.Replace("formula: 1 - churned / customersAtStart", "formula: |\n  1 - churned / customersAtStart // a comment is fine\n\n  #error no", StringComparison.Ordinal);
        var errors = Diagnostics(With(("kpis/retention.md", kpi)));
        Assert.Equal(
        [
            "kpis/retention.md(6,3): error HUB0208: unexpected '#error no' after the formula's expression (a formula is one C# expression; only spaces, line breaks and comments may follow it)",
        ], errors);

        kpi = Kpi.Replace("formula: 1 - churned / customersAtStart", "formula: 1 - churned / customersAtStart churned", StringComparison.Ordinal);
        errors = Diagnostics(With(("kpis/retention.md", kpi)));
        Assert.Equal(
        [
            "kpis/retention.md(3,41): error HUB0208: unexpected 'churned' after the formula's expression (a formula is one C# expression; only spaces, line breaks and comments may follow it)",
        ], errors);
    }

    [Theory]
    [InlineData("|", "  1 - churned /\n      customrsAtStart", 5, 7)]
    [InlineData("|-", "  // a C# comment line\n  1 -\n  churned / customrsAtStart", 6, 13)]
    [InlineData(">", "  1 - churned\n\n  / customrsAtStart", 6, 5)]
    [InlineData(">-", "    1 - churned /\n    customrsAtStart", 5, 5)]
    [InlineData("1 - churned", "  / customrsAtStart", 4, 5)]
    [InlineData("\"1 - churned", "  / customrsAtStart\"", 4, 5)]
    public void A_diagnostic_inside_a_multi_line_formula_points_at_its_line(string header, string lines, int line, int column)
    {
        var kpi = Kpi.Replace("formula: 1 - churned / customersAtStart", $"formula: {header}\n{lines}", StringComparison.Ordinal);
        var errors = Diagnostics(With(("kpis/retention.md", kpi)));
        Assert.Equal(
        [
            $"kpis/retention.md({line},{column}): error HUB0203: unknown input 'customrsAtStart' in formula; did you mean 'customersAtStart'?",
        ], errors);
    }

    [Fact]
    public void Headings_never_take_the_ids_of_the_theme()
    {
        using var site = new TestSite(With(
            ("articles/ids.md", """
                ---
                title: Ids
                ---

                ## Main

                ## Site search

                ## TOC title

                ## Main

                Back to [the first](#main-1) and [the second](#main-2).
                """),
            ("kpis/retention.md", Kpi + "\n## Examples\n\n## Formula\n\n## Related\n")));
        site.BuildOk();

        var article = site.Html("/ja/articles/ids/");
        Assert.Equal(["main-1", "site-search-1", "toc-title-1", "main-2"],
            article.QuerySelectorAll("main h2[id]").Select(h => h.Id!).Where(id => id != "toc-title").ToList());
        foreach (var path in new[] { "/ja/articles/ids/", "/ja/kpis/retention/" })
        {
            var ids = site.Html(path).QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
            Assert.Equal(ids.Distinct(StringComparer.Ordinal).Count(), ids.Count);
            Assert.Contains("main", ids);
        }
        var kpi = site.Html("/ja/kpis/retention/").QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Contains("examples-1", kpi);
        Assert.Contains("formula-1", kpi);
        Assert.Contains("related-1", kpi);
    }

    [Fact]
    public void The_reserved_ids_are_the_ids_the_theme_writes()
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestSite.Theme, "layouts"), "*.scriban-html", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(Path.Combine(TestSite.Theme, "partials"), "*", SearchOption.AllDirectories)))
        {
            foreach (Match match in LiteralId().Matches(File.ReadAllText(file)))
            {
                written.Add(match.Groups[1].Value);
            }
        }
        Assert.Contains("main", written);
        Assert.Equal(written.Order(StringComparer.Ordinal), ThemeIds.Reserved.Order(StringComparer.Ordinal));
    }

    // Template source, not HTML: ids computed by the template ({{ … }}) are left out.
    [GeneratedRegex(@"\bid=""([A-Za-z][A-Za-z0-9_-]*)""")]
    private static partial Regex LiteralId();
}
