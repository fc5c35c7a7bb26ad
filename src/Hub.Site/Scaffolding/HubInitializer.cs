using System.Globalization;
using System.Text.RegularExpressions;
using Hub.Core.Diagnostics;

namespace Hub.Site.Scaffolding;

/// <summary>
/// Writes a new hub that builds as it is (<c>hub init</c>): <c>input/hub.yml</c>, per language one article, one
/// catalogue and one KPI (translations of each other by slug), the theme, <c>.gitignore</c> and a GitHub Pages workflow.
/// </summary>
public static partial class HubInitializer
{
    public static readonly IReadOnlyList<string> DefaultLanguages = ["ja", "ko", "en"];

    public const string ArticleSlug = "welcome";
    public const string CatalogueSlug = "kickoff-questions";
    public const string KpiSlug = "churn-rate";

    public sealed record Result(IReadOnlyList<string> Files, string? Error);

    /// <summary>The language list as <c>--languages</c> takes it (<c>ja,ko,en</c>), or why it is not one.</summary>
    public static (IReadOnlyList<string> Languages, string? Error) ParseLanguages(string text)
    {
        var languages = new List<string>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!LanguageCode().IsMatch(part))
            {
                return ([], $"'{part}' is not a language code such as ja, ko or en (--languages takes a comma-separated list: ja,ko,en)");
            }
            // Each language is a folder of the site, so codes differing only by case would collide.
            if (languages.Any(l => string.Equals(l, part, StringComparison.OrdinalIgnoreCase)))
            {
                return ([], $"language '{part}' is listed twice in --languages");
            }
            languages.Add(part);
        }
        return (languages, null);
    }

    /// <summary>
    /// Writes the hub into <paramref name="folder"/>, which must be missing or empty, copying the theme from
    /// <paramref name="themeDir"/> so that <c>hub build</c> in the new folder needs no options.
    /// </summary>
    public static Result Create(string folder, IReadOnlyList<string> languages, string themeDir)
    {
        if (File.Exists(folder))
        {
            return new Result([], $"{PathDisplay.For(folder)} is a file: hub init writes a new hub into an empty or new folder");
        }
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            return new Result([], $"{PathDisplay.For(folder)} is not empty: hub init writes a new hub into an empty or new folder");
        }
        if (!File.Exists(Path.Combine(themeDir, "layouts", "baseof.scriban-html")))
        {
            return new Result([], $"no theme at {PathDisplay.For(themeDir)}: run hub init in a clone of Hub or pass --theme with Hub's theme folder");
        }

        var files = new List<string>();
        void Write(string relative, string text)
        {
            var path = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text.ReplaceLineEndings("\n"));
            files.Add(relative.Replace('\\', '/'));
        }

        var input = Path.Combine(folder, "input");
        string Schema(string relative, string kind) => Scaffolder.SchemaLine(input, Path.Combine(input, relative), kind);

        Write("input/hub.yml", HubYml(Schema("hub.yml", "hub"), folder, languages));
        foreach (var lang in languages)
        {
            var suffix = lang == languages[0] ? string.Empty : "." + lang;
            var article = $"articles/{ArticleSlug}{suffix}.md";
            var catalogue = $"catalogues/{CatalogueSlug}{suffix}.yml";
            var kpi = $"kpis/{KpiSlug}{suffix}.md";
            Write("input/" + article, Article(Schema(article, "article"), lang, suffix));
            Write("input/" + catalogue, Catalogue(Schema(catalogue, "catalogue"), lang));
            Write("input/" + kpi, Kpi(Schema(kpi, "kpi"), lang));
        }
        CopyFolder(themeDir, folder, "theme", files);
        // The scaffolds name schemas/*.schema.json for editors; they sit beside Hub's theme in a clone of Hub.
        var schemas = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(themeDir).TrimEnd(Path.DirectorySeparatorChar))!, "schemas");
        if (Directory.Exists(schemas))
        {
            CopyFolder(schemas, folder, "schemas", files);
        }
        Write(".gitignore", GitIgnore);
        Write(".github/workflows/pages.yml", Workflow);
        return new Result(files, null);
    }

    /// <summary>Copies <paramref name="from"/> into <paramref name="name"/> of the new hub. Regular files only: a link
    /// in the source is not carried into the new hub.</summary>
    private static void CopyFolder(string from, string folder, string name, List<string> files)
    {
        var to = Path.Combine(folder, name);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(file);
            if (info.LinkTarget is not null || IsInsideLink(from, info.Directory))
            {
                continue;
            }
            var relative = Path.GetRelativePath(from, file);
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            files.Add((name + "/" + relative).Replace('\\', '/'));
        }
    }

    private static bool IsInsideLink(string root, DirectoryInfo? folder)
    {
        var top = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        for (var current = folder; current is not null && current.FullName.TrimEnd(Path.DirectorySeparatorChar) != top; current = current.Parent)
        {
            if (current.LinkTarget is not null)
            {
                return true;
            }
        }
        return false;
    }

    private static string HubYml(string schema, string folder, IReadOnlyList<string> languages)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))).ToLowerInvariant();
        var site = SiteName().IsMatch(name) ? name : "hub";
        var titles = string.Join(", ", languages.Select(l => $"{l}: {Text(l, "CSナレッジハブ", "CS 지식 허브", "CS Knowledge Hub")}"));
        return $"""
            {schema}
            # title: the site's name, one text or one per language
            title: {"{"} {titles} {"}"}
            # baseUrl: the published address (https://<owner>.github.io/<repo>/), for canonical links, the sitemap and feeds
            baseUrl: https://example.github.io/{site}/
            # languages: the site's languages; the first is the default (its files have no language suffix)
            languages: [{string.Join(", ", languages)}]
            # editUrl: adds an "edit this page" link, e.g. https://github.com/<owner>/<repo>/edit/main/input/
            # currency: the ISO 4217 code of KPI amounts (JPY, KRW, USD, …)
            currency: JPY

            """;
    }

    private static string Article(string schema, string lang, string suffix) => $"""
        ---
        {schema}
        title: {Text(lang, "ハブへようこそ", "허브에 오신 것을 환영합니다", "Welcome to the hub")}
        summary: {Text(lang, "このハブの使い方と、記事・質問集・KPIの書き方。", "이 허브의 사용법과 글, 질문 모음, KPI를 쓰는 법.", "How to use this hub, and how to write articles, catalogues and KPIs.")}
        lang: {lang}
        {ScaffoldComments.Date}
        date: {DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}
        tags: [{Text(lang, "はじめに", "시작하기", "getting-started")}]
        {ScaffoldComments.Draft}
        draft: false
        ---

        {Text(lang,
            "カスタマーサクセスの知見を一か所にまとめるハブです。記事は `input/articles/`、質問集は `input/catalogues/`、KPIは `input/kpis/` に置きます。",
            "고객 성공의 지식을 한곳에 모으는 허브입니다. 글은 `input/articles/`, 질문 모음은 `input/catalogues/`, KPI는 `input/kpis/`에 둡니다.",
            "This hub gathers what your Customer Success team knows in one place. Articles live in `input/articles/`, question catalogues in `input/catalogues/` and KPIs in `input/kpis/`.")}

        ## {Text(lang, "最初の一歩", "첫걸음", "First steps")}

        - {Text(lang, "顧客の状態を数字で見るには", "고객의 상태를 숫자로 보려면", "To see how customers are doing in numbers, start with")} [{Text(lang, "解約率", "고객 이탈률", "churn rate")}](../kpis/{KpiSlug}{suffix}.md){Text(lang, "から始めましょう。", "부터 시작하세요.", ".")}
        - {Text(lang, "キックオフで何を聞くかは", "킥오프에서 무엇을 물을지는", "What to ask at a kickoff is in")} [{Text(lang, "キックオフの質問集", "킥오프 질문 모음", "the kickoff questions")}](../catalogues/{CatalogueSlug}{suffix}.yml){Text(lang, "にあります。", "에 있습니다.", ".")}
        - {Text(lang, "新しいページは `hub new article <slug>` で作ります。", "새 페이지는 `hub new article <slug>`로 만듭니다.", "Start a new page with `hub new article <slug>`.")}

        """;

    private static string Catalogue(string schema, string lang) => $"""
        {schema}
        title: {Text(lang, "キックオフの質問集", "킥오프 질문 모음", "Kickoff questions")}
        summary: {Text(lang, "導入キックオフで顧客の目標と体制を確かめる質問です。", "도입 킥오프에서 고객의 목표와 체제를 확인하는 질문입니다.", "Questions that pin down a customer's goals and team at the onboarding kickoff.")}
        lang: {lang}
        {ScaffoldComments.Audience}
        audience: interviewer
        {ScaffoldComments.Facets}
        facets:
          category:
            - {"{"} id: goals, label: {Text(lang, "目標", "목표", "Goals")} {"}"}
            - {"{"} id: team, label: {Text(lang, "体制", "체제", "Team")} {"}"}
        {ScaffoldComments.Questions}
        questions:
          - id: q-01
            text: {Text(lang, "半年後、この導入が成功したと言えるのはどんな状態ですか?", "반년 뒤 이 도입이 성공했다고 말할 수 있는 상태는 무엇인가요?", "Six months from now, what would make this rollout a success?")}
            category: goals
            intent: {Text(lang, "測れる成果を最初に合意します。", "측정할 수 있는 성과를 처음에 합의합니다.", "Agree on a measurable outcome from the start.")}
            lookFor:
              - {Text(lang, "数字や期限で語られる目標", "숫자나 기한으로 말하는 목표", "A goal stated with a number or a date")}
            redFlags:
              - {Text(lang, "「とりあえず使ってみる」という姿勢", "일단 써 보겠다는 태도", "A plan to \"just try it out\"")}
            kpis: [{KpiSlug}]
          - id: q-02
            text: {Text(lang, "社内で推進するのはどなたで、誰が決裁しますか?", "사내에서 추진하는 분은 누구이고 누가 결재하나요?", "Who drives the rollout internally, and who signs off?")}
            category: team
            intent: {Text(lang, "推進者と決裁者を早めに知ります。", "추진자와 결재자를 일찍 파악합니다.", "Know the champion and the decision maker early.")}
            {ScaffoldComments.QuestionDetails}
            followUps:
              - {Text(lang, "その方は週にどれくらい時間を割けますか?", "그분은 일주일에 얼마나 시간을 낼 수 있나요?", "How much time a week can that person give it?")}

        """;

    private static string Kpi(string schema, string lang) => $"""
        ---
        {schema}
        title: {Text(lang, "解約率", "고객 이탈률", "Churn rate")}
        abbr: Churn
        summary: {Text(lang, "期首の顧客のうち、期間中に解約した顧客の割合。", "기초 고객 가운데 기간 중 해지한 고객의 비율.", "The share of the customers at the start of a period who left during it.")}
        lang: {lang}
        {ScaffoldComments.Formula}
        formula: churned / customersAtStart
        {ScaffoldComments.Result}
        result: {"{"} format: percent, decimals: 1, better: lower {"}"}
        {ScaffoldComments.Inputs}
        inputs:
          - {"{"} name: churned, label: {Text(lang, "期間中に解約した顧客数", "기간 중 해지한 고객 수", "Customers lost in the period")}, unit: count, min: 0, default: 12 {"}"}
          - {"{"} name: customersAtStart, label: {Text(lang, "期首の顧客数", "기초 고객 수", "Customers at the start")}, unit: count, min: 1, default: 400 {"}"}
        {ScaffoldComments.Cadence}
        cadence: monthly
        {ScaffoldComments.Indicator}
        indicator: lagging
        {ScaffoldComments.Examples}
        examples:
          - {"{"} inputs: {"{"} churned: 12, customersAtStart: 400 {"}"}, result: 0.03 {"}"}
        ---

        {Text(lang,
            "期首に契約していた顧客のうち、その期間に解約した顧客の割合です。金額ではなく顧客の数で数えます。",
            "기간이 시작될 때 계약 중이던 고객 가운데 그 기간에 해지한 고객의 비율입니다. 금액이 아니라 고객 수로 셉니다.",
            "The share of the customers under contract at the start of a period who ended their contract during it, counted in customers, not revenue.")}

        """;

    private const string GitIgnore = """
        _site/
        .hub-cache/
        bin/
        obj/

        """;

    private const string Workflow = """
        # Builds the hub on every push to main and publishes it with the official GitHub Pages actions.
        # In the repository's settings choose Pages -> Source: GitHub Actions, and set the repository variable
        # HUB_REPOSITORY to the Hub repository (owner/name) that builds the site.
        # Hub is compiled once per change of its sources and kept in the Actions cache, so a push that changes only
        # content starts the cached executable at once: no .NET SDK, no Node, no compile.
        name: Publish to GitHub Pages

        on:
          push:
            branches: [main]
          workflow_dispatch:

        permissions:
          contents: read
          pages: write
          id-token: write

        concurrency:
          group: pages
          cancel-in-progress: false

        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              # Full history, so that dates read from git are right.
              - uses: actions/checkout@v4
                with:
                  fetch-depth: 0
              - uses: actions/checkout@v4
                with:
                  repository: ${{ vars.HUB_REPOSITORY }}
                  path: .hub
              # Keyed by everything that goes into the executable: a new Hub compiles again, new content does not.
              - id: hub
                uses: actions/cache@v4
                with:
                  path: .hub-bin
                  key: hub-bin-${{ runner.os }}-${{ hashFiles('.hub/src/**', '.hub/Directory.Build.props', '.hub/Directory.Packages.props', '.hub/package-lock.json') }}
              - if: steps.hub.outputs.cache-hit != 'true'
                uses: actions/setup-dotnet@v4
                with:
                  dotnet-version: 10.0.x
              - if: steps.hub.outputs.cache-hit != 'true'
                uses: actions/setup-node@v4
                with:
                  node-version: 20
              # Self-contained and precompiled: the cached folder runs without a .NET install.
              - if: steps.hub.outputs.cache-hit != 'true'
                run: dotnet publish .hub/src/Hub.Cli -c Release -r linux-x64 --self-contained true -o .hub-bin
              # Formula checks, keyed by content hash: a cache from any earlier run is valid.
              - uses: actions/cache@v4
                with:
                  path: .hub-cache
                  key: hub-cache-${{ runner.os }}-${{ github.sha }}
                  restore-keys: hub-cache-${{ runner.os }}-
              - id: pages
                uses: actions/configure-pages@v5
              - name: Build
                run: .hub-bin/hub build --strict --base-path "${{ steps.pages.outputs.base_path }}/"
              - uses: actions/upload-pages-artifact@v3
                with:
                  path: _site

          deploy:
            needs: build
            runs-on: ubuntu-latest
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - id: deployment
                uses: actions/deploy-pages@v4

        """;

    /// <summary>Starter text in the page's language; English for a language Hub has no starter text in.</summary>
    private static string Text(string lang, string ja, string ko, string en) => lang switch { "ja" => ja, "ko" => ko, _ => en };

    /// <summary>As hub.yml's <c>languages</c> accepts them.</summary>
    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageCode();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex SiteName();
}
