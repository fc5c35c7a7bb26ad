using Hub.Core.Diagnostics;
using Hub.Formulas;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Diagnostics;

/// <summary>One invalid input per diagnostic code and the line it must print, with its file, line and column.</summary>
/// <param name="Code">The code the fixture pins.</param>
/// <param name="Run">Builds the fixture and returns the diagnostics as printed, paths relative to the fixture's folder.</param>
/// <param name="Expected">The one line among them this fixture pins.</param>
public sealed record DiagnosticFixture(string Code, Func<IReadOnlyList<string>> Run, string Expected)
{
    public override string ToString() => Code;
}

/// <summary>
/// The table of invalid fixtures: every code of <see cref="DiagnosticCodes"/> has one, built and asserted by
/// <see cref="DiagnosticFixtureTests"/>. Most are a small site with one bad file; the rest say below why they are not.
/// </summary>
public static class DiagnosticFixtures
{
    /// <summary>
    /// Codes whose report has a file but no line: they are about a whole folder, a file's kind or the command's options.
    /// </summary>
    public static readonly IReadOnlySet<string> FileOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        DiagnosticCodes.ConfigMissing.Code, DiagnosticCodes.OutputUnsafe.Code, DiagnosticCodes.InputMissing.Code,
        DiagnosticCodes.BasePathInvalid.Code, DiagnosticCodes.FileOutsideRoot.Code, DiagnosticCodes.FileNotRegular.Code, DiagnosticCodes.TemplateMissing.Code,
        DiagnosticCodes.OutputWriteFailed.Code, DiagnosticCodes.InternalError.Code, DiagnosticCodes.ShallowClone.Code,
    };

    private const string ValidCatalogue = """
        title: Questions
        audience: interviewer
        facets:
          category:
            - { id: pricing, label: Pricing }
            - { id: product, label: Product }
        questions:
          - id: q-01
            text: Explain our product.
            category: pricing

        """;

    private const string ScoredCatalogue = """
        title: Questions
        audience: interviewer
        scorecard:
          attributes:
            - { id: judgement, label: Judgement, rubric: [Poor, Weak, Good, Strong] }
        questions:
          - id: q-01
            text: Explain our product.
            attributes: [judgement]

        """;

    public static IReadOnlyList<DiagnosticFixture> All { get; } =
    [
        new("HUB0001", () => Build(new TestSite(new Dictionary<string, string> { ["articles/a.md"] = "---\ntitle: A\n---\n" }, withConfig: false)),
            "hub.yml: error HUB0001: the site has no hub.yml (create one with title, baseUrl and languages; see the README)"),
        new("HUB0002", () => Site(("hub.yml", TestSite.DefaultConfig.Replace("currency: JPY", "currency: yen", StringComparison.Ordinal))),
            "hub.yml(5,11): error HUB0002: currency 'yen' must be an ISO 4217 code such as JPY, KRW or USD"),
        new("HUB0003", () => Site(("articles/a.md", "---\ntitle: A\nlang: fr\n---\nBody.\n")),
            "articles/a.md(3,7): error HUB0003: language 'fr' is not one of the site's languages (ja, ko, en) (add it to 'languages' in hub.yml)"),
        new("HUB0004", () => WithSite(site => SiteBuilder.Build(site.Options() with { Output = site.Input })),
            "input: error HUB0004: refusing to write to 'input': it is or contains the input folder (choose a folder of its own, such as _site)"),
        new("HUB0005", () => WithSite(site => SiteBuilder.Build(site.Options() with { Input = Path.Combine(site.Root, "missing") })),
            "missing: error HUB0005: the input folder does not exist"),
        new("HUB0006", () => WithSite(site => SiteBuilder.Build(site.Options("/a b/"))),
            "--base-path: error HUB0006: base path '/a b/' must be a path of plain segments (letters, digits, '-', '.', '_', '~'), such as /cs-hub/"),
        new("HUB0101", () => Site(("articles/a.md", "---\ntitle: A\nsummary: [unclosed\n---\nBody.\n")),
            "articles/a.md(4,1): error HUB0101: invalid YAML: While parsing a flow sequence, did not find expected ',' or ']'."),
        new("HUB0102", () => Site(("articles/a.md", "---\ntitle: A\nsummary: no end\n\nBody.\n")),
            "articles/a.md(1,1): error HUB0102: front matter starts with '---' but has no closing '---' line"),
        new("HUB0103", () => Site(("articles/a.md", "---\nsummary: no title\n---\nBody.\n")),
            "articles/a.md(2,1): error HUB0103: 'title' is required"),
        new("HUB0104", () => Site(("articles/a.md", "---\ntitle: A\ntitel: typo\n---\nBody.\n")),
            "articles/a.md(3,1): warning HUB0104: unknown key 'titel' in an article's front matter (did you mean 'title'?)"),
        new("HUB0105", () => Site(("kpis/churn.md", KpiFile("churned / customers").Replace("better: lower", "better: up", StringComparison.Ordinal))),
            "kpis/churn.md(4,49): error HUB0105: better 'up' must be higher or lower"),
        new("HUB0106", () => Site(("articles/a.md", "---\ntitle: A\nslug: same\n---\nBody.\n"), ("articles/b.md", "---\ntitle: B\nslug: same\n---\nBody.\n")),
            "articles/b.md(1,1): error HUB0106: two pages would be written to /ja/articles/same/: this one and articles/a.md (give one of them another 'slug' or 'lang')"),
        new("HUB0107", () => Site(("articles/a.md", "---\ntitle: A\n---\n\nText.\n\n:::kpi churn-rat\n:::\n"), ("kpis/churn-rate.md", KpiFile("churned / customers"))),
            "articles/a.md(7,1): error HUB0107: no KPI page has the slug 'churn-rat' (did you mean 'churn-rate'?)"),
        new("HUB0108", () => Site(("kpis/churn.md", KpiFile("churned / customers")), ("kpis/churn.en.md", KpiFile("churned / customers * 1.0"))),
            "kpis/churn.en.md(3,10): error HUB0108: this translation's formula or inputs differ from kpis/churn.md (a KPI has one formula in every language: copy it and its input names)"),
        new("HUB0110", () => WithSite(site =>
            {
                var outside = Path.Combine(site.Root, "outside.md");
                File.WriteAllText(outside, "---\ntitle: Outside\n---\n");
                File.CreateSymbolicLink(Path.Combine(site.Input, "articles", "link.md"), outside);
                return site.Build();
            }, ("articles/a.md", "---\ntitle: A\n---\nBody.\n")),
            "articles/link.md: error HUB0110: this is a symbolic link to a path outside the input folder (Hub reads files only from inside it: copy what the link points to into the input folder instead)"),
        new("HUB0111", () => WithSite(site =>
            {
                File.CreateSymbolicLink(Path.Combine(site.Input, "articles", "dangling.md"), Path.Combine(site.Input, "articles", "gone.md"));
                return site.Build();
            }, ("articles/a.md", "---\ntitle: A\n---\nBody.\n")),
            "articles/dangling.md: error HUB0111: this is a symbolic link to a path that does not exist"),
        new("HUB0112", () => Site(("articles/a.md", "---\ntitle: A\n---\n\n" + new string('>', 129) + " deep\n")),
            "articles/a.md(5,129): error HUB0112: block quotes or lists nested more than 128 levels deep (flatten the nesting)"),
        new("HUB0113", () => Site(("articles/a.md", "---\ntitle: A\ntags: " + new string('[', 200) + "\n---\nBody.\n")),
            "articles/a.md(3,134): error HUB0113: YAML nested more than 128 levels deep (flatten the lists and mappings)"),
        new("HUB0114", () => Site(("articles/a.md", "---\ntitle: A\n---\nA bell \u0007 here.\n")),
            "articles/a.md(4,8): error HUB0114: a control character (U+0007) cannot appear in content: HTML, feeds and the sitemap cannot carry it (delete it; an invisible character usually comes from a paste or a file saved in another encoding)"),
        new("HUB0115", () => Site(("articles/a.md", "---\ntitle: A\ntranslationKey: k\n---\nBody.\n"), ("articles/b.md", "---\ntitle: B\ntranslationKey: k\n---\nBody.\n")),
            "articles/b.md(3,1): error HUB0115: translationKey 'k' is already used by articles/a.md, also in 'ja': a page has one translation per language (give one of them another 'translationKey' or 'lang')"),
        new("HUB0120", () => Site(("articles/a.md", "---\ntitle: A\n---\nBody, edited since.\n"), ("articles/a.en.md", "---\ntitle: A\ntranslationOf: 0123456789ab\n---\nBody.\n")),
            "articles/a.en.md(3,16): warning HUB0120: this translation may be out of date: articles/a.md changed since the version it translates (update it, then run 'hub translations --mark articles/a.en.md')"),
        new("HUB0130", () => WithSite(site =>
            {
                // A repository of two commits, cloned one commit deep: the clone's history is cut.
                File.WriteAllText(Path.Combine(site.Root, ".gitignore"), "_site/\n.hub-cache/\n");
                Meta.GitRepository.Init(site.Root);
                Meta.GitRepository.CommitAll(site.Root, "first", "2024-01-02T03:04:05+09:00");
                File.AppendAllText(Path.Combine(site.Input, "articles", "a.md"), "More.\n");
                Meta.GitRepository.CommitAll(site.Root, "second", "2024-03-04T10:20:30+09:00");
                var clone = Path.Combine(site.Root, "clone");
                Meta.GitRepository.Run(site.Root, null, "clone", "-q", "--depth", "1", "--no-local", new Uri(site.Root).AbsoluteUri, clone);
                return SiteBuilder.Build(site.Options() with { Input = Path.Combine(clone, "input"), DatesFromGit = true });
            }, ("articles/a.md", "---\ntitle: A\n---\nBody.\n")),
            "clone/input: warning HUB0130: the input folder is in a shallow clone: pages whose last change is older than its history show their front matter 'updated' or no date (fetch the whole history: 'git fetch --unshallow', or 'fetch-depth: 0' for actions/checkout)"),
        new("HUB0131", () => Site(("articles/a.md", "---\ntitle: A\ntags: [retention]\n---\nBody.\n"), ("tags.yml", "retention: { ja: リテンション, jp: 継続 }\n")),
            "tags.yml(1,26): error HUB0131: 'jp' is not one of the site's languages (ja, ko, en) (label the tag in the languages listed in hub.yml)"),
        new("HUB0132", () => Site(("articles/a.md", "---\ntitle: A\ntags: [retention]\n---\nBody.\n"), ("tags.yml", "retention: { ja: リテンション }\nretension: { ja: 継続 }\n")),
            "tags.yml(2,1): warning HUB0132: no page has the tag 'retension' (did you mean 'retention'?)"),
        new("HUB0201", () => Site(("kpis/churn.md", KpiFile("churned / (customers"))),
            "kpis/churn.md(3,30): error HUB0201: ) expected (CS1026)"),
        new("HUB0202", () => Site(("kpis/churn.md", KpiFile("Console.Read()"))),
            "kpis/churn.md(3,10): error HUB0202: a call to 'Console.Read' is not allowed in a formula (only Math.Min, Math.Max, Math.Abs, Math.Round, Math.Floor, Math.Ceiling, Math.Pow, Math.Sqrt, Math.Log, Math.Exp, Math.Clamp can be called)"),
        new("HUB0203", () => Site(("kpis/churn.md", KpiFile("churned / customer"))),
            "kpis/churn.md(3,20): error HUB0203: unknown input 'customer' in formula; did you mean 'customers'?"),
        new("HUB0204", () => Site(("kpis/churn.md", KpiFile("churned > customers"))),
            "kpis/churn.md(3,10): error HUB0204: the formula's result is true or false, not a number (CS0029; choose a number with ?:, e.g. a > b ? 1 : 0)"),
        new("HUB0205", () => Site(("kpis/churn.md", KpiFile("\"churned == churned ? 1 : churned / customers\"", result: "1"))),
            "kpis/churn.md(3,11): warning HUB0205: Comparison made to same variable; did you mean to compare something else? (CS1718)"),
        new("HUB0206", () => Site(("kpis/churn.md", KpiFile("churned / customers").Replace("name: customers", "name: class", StringComparison.Ordinal))),
            "kpis/churn.md(3,10): error HUB0206: input name 'class' is a C# keyword (use letters, digits and '_', starting with a letter, e.g. customersAtStart)"),
        new("HUB0207", () => Site(("kpis/churn.md", KpiFile(new string('(', 120) + "churned" + new string(')', 120) + " / customers"))),
            "kpis/churn.md(3,109): error HUB0207: formula is nested more than 100 levels deep"),
        new("HUB0208", () => Site(("kpis/churn.md", KpiFile("churned / customers; churned"))),
            "kpis/churn.md(3,29): error HUB0208: unexpected '; churned' after the formula's expression (a formula is one C# expression; only spaces, line breaks and comments may follow it)"),
        new("HUB0210", () => Site(("kpis/churn.md", KpiFile("churned / customers", result: "0.5"))),
            "kpis/churn.md(9,56): error HUB0210: example result 0.5 does not match the formula, which gives 0.03"),
        new("HUB0211", () => Site(("kpis/churn.md", KpiFile("churned / customers", inputs: "{ churned: 12, customers: 0 }"))),
            "kpis/churn.md(9,54): error HUB0211: example cannot be computed: the formula gives Infinity"),
        new("HUB0212", () => Site(("kpis/churn.md", KpiFile("churned / customers", inputs: "{ churned: 12 }"))),
            "kpis/churn.md(9,40): error HUB0212: example gives no value for input 'customers'"),
        new("HUB0220", () => Site(("kpis/churn.md", KpiFile("churned / customers").Replace("examples:", "period: yearly\nexamples:", StringComparison.Ordinal))),
            "kpis/churn.md(8,9): error HUB0220: period 'yearly' is not one of monthly, quarterly, annual"),
        new("HUB0221", () => Site(("kpis/churn.md", KpiFile("churned / customers").Replace("examples:", "benchmarks:\n  - { segment: SMB, median: 0.03 }\nexamples:", StringComparison.Ordinal))),
            "kpis/churn.md(9,5): error HUB0221: a benchmark needs a 'source' (title, url, year) (a figure without its source cannot be checked by the reader)"),
        new("HUB0299", FormulaCheckThatFails,
            "kpis/churn.md(3,10): error HUB0299: the formula could not be checked: InvalidOperationException: no such place (this is a bug in Hub; please report it with the formula)"),
        new("HUB0301", () => Site(("catalogues/q.yml", ValidCatalogue + "  - id: q-01\n    text: Again.\n    category: product\n")),
            "catalogues/q.yml(11,9): error HUB0301: duplicate question id 'q-01' (first used at line 8)"),
        new("HUB0302", () => Site(("catalogues/q.yml", ValidCatalogue.Replace("category: pricing\n", "category: pricng\n", StringComparison.Ordinal))),
            "catalogues/q.yml(10,15): error HUB0302: 'pricng' is not a declared value of facet 'category' (did you mean 'pricing'?)"),
        new("HUB0303", () => Site(("catalogues/q.yml", ValidCatalogue.Replace("id: q-01", "id: 1st", StringComparison.Ordinal))),
            "catalogues/q.yml(8,9): error HUB0303: question id '1st' must start with a letter and use only letters, digits, '-' and '_'"),
        new("HUB0304", () => Site(("catalogues/q.yml", ValidCatalogue + "    kpis: [churn-rat]\n"), ("kpis/churn-rate.md", KpiFile("churned / customers"))),
            "catalogues/q.yml(11,12): error HUB0304: question 'q-01' names KPI 'churn-rat', which has no page (did you mean 'churn-rate'?)"),
        new("HUB0305", () => Site(("catalogues/q.yml", ValidCatalogue.Replace("  category:\n", "  kit:\n", StringComparison.Ordinal).Replace("    category: pricing\n", "    kit: pricing\n", StringComparison.Ordinal))),
            "catalogues/q.yml(4,3): error HUB0305: 'kit' cannot be a facet name: the page's URL uses '?kit=' for its own state (rename the facet)"),
        new("HUB0306", () => Site(("catalogues/q.yml", ScoredCatalogue.Replace("attributes: [judgement]", "attributes: [judgment]", StringComparison.Ordinal))),
            "catalogues/q.yml(9,18): error HUB0306: question 'q-01' names attribute 'judgment', which the scorecard does not declare (did you mean 'judgement'?)"),
        new("HUB0307", () => Site(("catalogues/q.yml", ScoredCatalogue.Replace("    attributes: [judgement]\n", "", StringComparison.Ordinal))),
            "catalogues/q.yml(7,9): error HUB0307: question 'q-01' names no scorecard attribute (add 'attributes: [judgement]')"),
        new("HUB0308", () => Site(("catalogues/q.yml", ScoredCatalogue.Replace("scorecard:\n", "scorecard:\n  scale: 3\n", StringComparison.Ordinal))),
            "catalogues/q.yml(4,10): error HUB0308: scale '3' must be 4 or 5 points (leave it out for the default: 4 points with no neutral middle)"),
        new("HUB0401", () => Site(("articles/a.md", "---\ntitle: A\n---\n\nSee [b](bb.md).\n"), ("articles/b.md", "---\ntitle: B\n---\nBody.\n")),
            "articles/a.md(5,9): error HUB0401: link to 'bb.md' points to a missing file (articles/bb.md) (did you mean 'b.md'?)"),
        new("HUB0402", () => Site(("articles/a.md", "---\ntitle: A\n---\n\n## Next steps\n\nSee [below](#next-step).\n")),
            "articles/a.md(7,13): error HUB0402: anchor '#next-step' does not exist in this page (did you mean '#next-steps'?)"),
        new("HUB0403", () => Site(("articles/a.md", "---\ntitle: A\n---\n\nSee [x](javascript:alert(1)).\n")),
            "articles/a.md(5,9): error HUB0403: URL 'javascript:alert(1)' has the scheme 'javascript:', which is not allowed in a page (only http, https, mailto, relative and fragment URLs are allowed)"),
        new("HUB0404", () => Site(("articles/a.md", "---\ntitle: A\n---\n\nSee [[churn-rat]].\n"), ("kpis/churn-rate.md", KpiFile("churned / customers"))),
            "articles/a.md(5,5): error HUB0404: wikilink '[[churn-rat]]' leads to no page: no page has the slug 'churn-rat' (did you mean 'churn-rate'?)"),
        new("HUB0405", () => Site(("articles/a.md", "---\ntitle: A\n---\n\nSee\n[[churn-rate|churn]].\n"), ("articles/churn-rate.md", "---\ntitle: Churn article\n---\nBody.\n"), ("kpis/churn-rate.md", KpiFile("churned / customers"))),
            "articles/a.md(6,1): error HUB0405: wikilink '[[churn-rate|churn]]' is ambiguous: pages of articles and kpis have the slug 'churn-rate' (name the section: [[articles/churn-rate|churn]] or [[kpis/churn-rate|churn]])"),
        new("HUB0501", () => Site(("articles/a.md", "---\ntitle: A\n---\nBody.\n"), ("_theme/layouts/article.scriban-html", "<main>\n{{ if }}\n</main>\n")),
            "_theme/layouts/article.scriban-html(2,7): error HUB0501: Error while parsing if statement: Expecting <expression> instead of `}}` in: if <expression> ... end|else|else if"),
        new("HUB0502", () => WithSite(site =>
            {
                var theme = Path.Combine(site.Root, "theme");
                CopyFolder(TestSite.Theme, theme);
                File.Delete(Path.Combine(theme, "layouts", "article.scriban-html"));
                return SiteBuilder.Build(site.Options() with { Theme = theme });
            }, ("articles/a.md", "---\ntitle: A\n---\nBody.\n")),
            "theme: error HUB0502: the theme has no layout 'layouts/article.scriban-html'"),
        new("HUB0503", () => Site(("articles/a.md", "---\ntitle: A\n---\nBody.\n"), ("_theme/layouts/article.scriban-html", "<main>\n{{ while true; end }}\n</main>\n")),
            "_theme/layouts/article.scriban-html(2,4): error HUB0503: Exceeding number of iteration limit `100000` for loop statement. (a loop that never ends, or a function or include that calls itself without end?)"),
        new("HUB0601", () => WithSite(site =>
            {
                // A file where the output folder should be: the finished site cannot be moved into its place.
                File.WriteAllText(site.Output, "not a folder");
                return site.Build();
            }, ("articles/a.md", "---\ntitle: A\n---\nBody.\n")),
            "_site: error HUB0601: could not replace the output folder: Cannot create '_site' because a file or directory with the same name already exists."),
        new("HUB0701", () => Site(("glossary/churn.yml", "title: 解約率\nreading: kaiyaku\ndefinition: 解約した顧客の割合。\n")),
            "glossary/churn.yml(2,10): error HUB0701: the reading 'kaiyaku' of '解約率' must be written in kana (write how the term is read in hiragana or katakana, e.g. reading: かいやくりつ)"),
        new("HUB0702", () => Site(("glossary/grr.yml", "title: GRR\ndefinition: 売上維持率。\n"), ("glossary/retention.yml", "title: グロス売上維持率\naliases: [grr]\ndefinition: 売上維持率。\n")),
            "glossary/retention.yml(2,11): error HUB0702: 'grr' is already a word of the term 'GRR' (glossary/grr.yml) (a word explains one term per language: remove it here or merge the two terms)"),
        new("HUB0999", () => WithSite(site =>
            {
                // A file where the output's parent folder should be: creating the staging folder beside the output
                // fails in a way the build does not expect, so it stops with an internal error and writes nothing.
                var parent = Path.Combine(site.Root, "blocked");
                File.WriteAllText(parent, "not a folder");
                return SiteBuilder.Build(site.Options() with { Output = Path.Combine(parent, "_site") });
            }, ("articles/a.md", "---\ntitle: A\n---\nBody.\n")),
            "input: error HUB0999: the build stopped: The file 'blocked' already exists. (the previous output was left untouched)"),
    ];

    private static string KpiFile(string formula, string inputs = "{ churned: 12, customers: 400 }", string result = "0.03") => $$"""
        ---
        title: Churn
        formula: {{formula}}
        result: { format: percent, decimals: 1, better: lower }
        inputs:
          - { name: churned, label: Churned, unit: count, min: 0, default: 12 }
          - { name: customers, label: Customers, unit: count, min: 1, default: 400 }
        examples:
          - { inputs: {{inputs}}, result: {{result}} }
        ---

        Body.
        """;

    private static IReadOnlyList<string> Site(params (string Path, string Text)[] files) =>
        WithSite(site => site.Build(), files);

    private static IReadOnlyList<string> WithSite(Func<TestSite, BuildResult> build, params (string Path, string Text)[] files) =>
        Build(new TestSite(files.ToDictionary(f => f.Path, f => f.Text)), build);

    private static IReadOnlyList<string> Build(TestSite site, Func<TestSite, BuildResult>? build = null)
    {
        using (site)
        {
            var result = (build ?? (s => s.Build()))(site);
            var root = site.Root.Replace('\\', '/') + "/";
            return site.Shown(result).Select(line => line.Replace(root, string.Empty, StringComparison.Ordinal)).ToList();
        }
    }

    /// <summary>
    /// HUB0299 reports a bug in Hub, which a site cannot trigger on purpose: the fixture injects the failure instead.
    /// The formula's source map throws for any place but the formula's start, as a faulty caller would, so the checker
    /// fails while reporting the syntax error and must still report at the formula's place in the KPI file.
    /// </summary>
    private static IReadOnlyList<string> FormulaCheckThatFails()
    {
        var bag = new DiagnosticBag();
        var source = new FormulaSource("churn", "churned +", ["churned"],
            offset => offset == 0 ? new SourceLocation("kpis/churn.md", 3, 10) : throw new InvalidOperationException("no such place"));
        Assert.Null(new FormulaChecker().Check(source, bag));
        return bag.Sorted().Select(d => d.ToString()).ToList();
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
