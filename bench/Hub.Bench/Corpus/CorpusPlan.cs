using System.Globalization;
using System.Text;

namespace Hub.Bench.Corpus;

public sealed record ArticlePlan(string Slug, string Lang, string Title, string Summary, string Date, IReadOnlyList<string> Tags, string Body);

/// <summary>
/// What varies between corpora besides the seed: how long articles are (<see cref="Length"/> scales every
/// paragraph's sentence count: 1 is the benchmark's ~800-character article) and which languages they are written in,
/// with their shares in percent (the first is the site's default language; KPI pages and catalogues are written
/// in Japanese, in that language).
/// </summary>
public sealed record CorpusShape(double Length, IReadOnlyList<(string Lang, int Percent)> Mix)
{
    public static readonly CorpusShape Default = new(1, [("ja", 100)]);

    public string DefaultLang => Mix[0].Lang;

    /// <summary><c>short</c> (0.4), <c>medium</c> (1), <c>long</c> (3) or a factor such as <c>2.5</c>.</summary>
    public static double ParseLength(string text) => text switch
    {
        "short" => 0.4,
        "medium" => 1,
        "long" => 3,
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f > 0 && f <= 20 => f,
        _ => throw new ArgumentException($"--length: expected short, medium, long or a factor in (0, 20], got '{text}'"),
    };

    /// <summary><c>ja=70,ko=20,en=10</c>: languages (ja, ko, en) with whole percentages that add up to 100.</summary>
    public static IReadOnlyList<(string Lang, int Percent)> ParseMix(string text)
    {
        var mix = new List<(string, int)>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=');
            if (pair.Length != 2 || pair[0] is not ("ja" or "ko" or "en") || !int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var percent) || percent <= 0)
            {
                throw new ArgumentException($"--mix: expected LANG=PERCENT pairs of ja, ko, en such as ja=70,ko=20,en=10, got '{part}'");
            }
            if (mix.Exists(m => m.Item1 == pair[0]))
            {
                throw new ArgumentException($"--mix: {pair[0]} is given twice");
            }
            mix.Add((pair[0], percent));
        }
        if (mix.Count == 0 || mix.Sum(m => m.Item2) != 100)
        {
            throw new ArgumentException($"--mix: the shares must add up to 100, got '{text}'");
        }
        return mix;
    }

    /// <summary>The language of article <paramref name="i"/>: drawn from its own stream, so the text of a Japanese-only corpus is unchanged.</summary>
    public string LangOf(ulong seed, int i)
    {
        if (Mix.Count == 1)
        {
            return Mix[0].Lang;
        }
        var roll = Prng.For(seed, "lang", i).Next(100);
        foreach (var (lang, percent) in Mix)
        {
            if (roll < percent)
            {
                return lang;
            }
            roll -= percent;
        }
        return Mix[^1].Lang;
    }

    /// <summary>A paragraph of <paramref name="count"/> sentences at this length (at least one).</summary>
    public int Sentences(int count) => Length == 1 ? count : Math.Max(1, (int)Math.Round(count * Length, MidpointRounding.AwayFromZero));
}

public sealed record KpiInputPlan(string Name, string Label, string Unit, double Min, double Default);

public sealed record KpiPlan(string Slug, string Title, string Abbr, string Summary, string Formula, string Format, string Better,
    IReadOnlyList<KpiInputPlan> Inputs, IReadOnlyList<(double[] Inputs, double Result)> Examples, IReadOnlyList<string> Related, string Body);

public sealed record QuestionPlan(string Id, string Text, string Category, string Phase, string Intent, IReadOnlyList<string> LookFor,
    IReadOnlyList<string> RedFlags, IReadOnlyList<string> FollowUps, IReadOnlyList<string> Kpis, IReadOnlyList<string> Tags);

public sealed record CataloguePlan(string Slug, string Title, string Summary, IReadOnlyList<QuestionPlan> Questions);

/// <summary>
/// The whole generated site, independent of the generator that writes it. Bodies hold link tokens
/// (<c>⟦A:12⟧</c> article, <c>⟦K:3⟧</c> KPI, <c>⟦Q:2:q-07⟧</c> catalogue question) and embed lines
/// (<c>⟦EK:3⟧</c>, <c>⟦EQ:2:teamwork⟧</c>) that each writer turns into its own syntax.
/// </summary>
public sealed class CorpusPlan
{
    public const int ArticlesPerKpi = 50;
    public const int ArticlesPerCatalogue = 50;
    public const int QuestionsPerCatalogue = 20;

    public required IReadOnlyList<ArticlePlan> Articles { get; init; }

    public required IReadOnlyList<KpiPlan> Kpis { get; init; }

    public required IReadOnlyList<CataloguePlan> Catalogues { get; init; }

    public static string ArticleSlug(int i) => $"a-{i:D5}";

    public static string KpiSlug(int i) => $"k-{i:D4}";

    public static string CatalogueSlug(int i) => $"c-{i:D4}";

    public required CorpusShape Shape { get; init; }

    public static CorpusPlan Create(int articleCount, ulong seed) => Create(articleCount, seed, CorpusShape.Default);

    public static CorpusPlan Create(int articleCount, ulong seed, CorpusShape shape)
    {
        var kpiCount = Math.Max(3, articleCount / ArticlesPerKpi);
        var catalogueCount = Math.Max(1, articleCount / ArticlesPerCatalogue);
        var langs = Enumerable.Range(1, articleCount).Select(i => shape.LangOf(seed, i)).ToList();
        // Articles link to articles of their own language (1-based numbers), as a team's pages mostly do.
        var sameLang = langs.Select((lang, k) => (lang, k + 1)).GroupBy(x => x.lang).ToDictionary(g => g.Key, g => g.Select(x => x.Item2).ToList());
        var titles = Enumerable.Range(1, articleCount).Select(i => TextMaker.For(langs[i - 1], Prng.For(seed, "title", i)).ArticleTitle(i)).ToList();
        var kpis = Enumerable.Range(1, kpiCount).Select(i => Kpi(seed, i, kpiCount, titles)).ToList();
        var catalogues = Enumerable.Range(1, catalogueCount).Select(i => Catalogue(seed, i, kpis)).ToList();
        var articles = Enumerable.Range(1, articleCount).Select(i => Article(seed, shape, i, langs[i - 1], sameLang[langs[i - 1]], titles, kpis, catalogues)).ToList();
        return new CorpusPlan { Articles = articles, Kpis = kpis, Catalogues = catalogues, Shape = shape };
    }

    private static ArticlePlan Article(ulong seed, CorpusShape shape, int i, string lang, List<int> pool, IReadOnlyList<string> titles, IReadOnlyList<KpiPlan> kpis, IReadOnlyList<CataloguePlan> catalogues)
    {
        var random = Prng.For(seed, "article", i);
        var text = TextMaker.For(lang, random);
        // With every article in the pool this draws what the generator always drew: 1 + Next(count), the next one for itself.
        var self = pool.BinarySearch(i);
        int OtherArticle()
        {
            var k = random.Next(pool.Count);
            return k == self ? pool[(k + 1) % pool.Count] : pool[k];
        }
        string Sentences(int count) => text.Sentences(shape.Sentences(count));
        string ArticleLink()
        {
            var j = OtherArticle();
            return $"[{titles[j - 1]}](⟦A:{j}⟧)";
        }
        var kpi = random.Between(1, kpis.Count);
        var catalogue = random.Between(1, catalogues.Count);
        var question = random.Between(1, QuestionsPerCatalogue);

        var body = new StringBuilder();
        body.Append(Sentences(3)).Append(text.SeeAlso(ArticleLink())).Append("\n\n");
        body.Append("## ").Append(text.Heading()).Append("\n\n");
        body.Append(Sentences(2)).Append(text.RelatedKpi($"[{kpis[kpi - 1].Title}](⟦K:{kpi}⟧)")).Append("\n\n");
        for (var k = 0; k < 4; k++)
        {
            body.Append("- ").Append(text.ListItem()).Append('\n');
        }
        body.Append("\n## ").Append(text.Heading()).Append("\n\n");
        body.Append(text.TableHeader()).Append("\n|---|---|---|\n");
        for (var k = 0; k < 3; k++)
        {
            body.Append("| ").Append(text.Noun()).Append(" | ").Append(text.TableCell(text.Noun(), text.Noun())).Append(" | ")
                .Append(text.Cadence()).Append(" |\n");
        }
        body.Append("\n### ").Append(text.Heading()).Append("\n\n");
        var footnote = random.Chance(25);
        body.Append(Sentences(3).TrimEnd()).Append(footnote ? "[^1]" : string.Empty).Append("\n\n");
        body.Append("1. ").Append(text.ListItem()).Append("\n2. ").Append(text.FollowSteps(ArticleLink())).Append("\n3. ").Append(text.ListItem()).Append("\n\n");
        if (random.Chance(20))
        {
            body.Append("> [!NOTE]\n> ").Append(text.Sentence().TrimEnd()).Append("\n\n");
        }
        switch (i % 20)
        {
            case 3:
                body.Append("⟦EK:").Append(kpi).Append("⟧\n\n");
                break;
            case 13:
                body.Append("⟦EQ:").Append(catalogue).Append(':').Append(random.Pick(Vocabulary.Categories).Id).Append("⟧\n\n");
                break;
        }
        body.Append("## ").Append(text.Heading()).Append("\n\n");
        body.Append(Sentences(2));
        if (random.Chance(40))
        {
            body.Append(text.InterviewTip($"[{catalogues[catalogue - 1].Title}](⟦Q:{catalogue}:q-{question.ToString("D2", CultureInfo.InvariantCulture)}⟧)")).Append(text.Gap);
        }
        body.Append(text.ReadNext(ArticleLink())).Append('\n');
        if (footnote)
        {
            body.Append("\n[^1]: ").Append(text.Sentence().TrimEnd()).Append('\n');
        }

        var tags = new List<string>();
        while (tags.Count < 2)
        {
            var tag = random.Pick(Vocabulary.Tags);
            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }
        tags.Add($"series-{((i - 1) / 50) + 1:D3}");
        var date = new DateOnly(2020, 1, 1).AddDays((int)((i * 37L) % 2190)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new ArticlePlan(ArticleSlug(i), lang, titles[i - 1], text.Sentence().TrimEnd(), date, tags, body.ToString());
    }

    private static KpiPlan Kpi(ulong seed, int i, int kpiCount, IReadOnlyList<string> articleTitles)
    {
        var random = Prng.For(seed, "kpi", i);
        var text = new JapaneseText(random);
        var noun = text.Noun();
        string title, formula, format, better;
        KpiInputPlan[] inputs;
        var examples = new List<(double[], double)>();
        switch (i % 4)
        {
            case 0:
                (title, formula, format, better) = ($"{noun}の達成率 No.{i}", "achieved / target", "percent", "higher");
                inputs = [new("achieved", "期間中に達成した件数", "count", 0, 0), new("target", "目標件数", "count", 1, 0)];
                for (var e = 0; e < 2; e++)
                {
                    var a = random.Between(1, 300);
                    var b = random.Between(a, a + 2000);
                    examples.Add(([a, b], (double)a / b));
                }
                break;
            case 1:
                (title, formula, format, better) = ($"{noun}の成長率 No.{i}", "(current - previous) / previous", "ratio", "higher");
                inputs = [new("current", "今期の金額", "currency", 0, 0), new("previous", "前期の金額", "currency", 1, 0)];
                for (var e = 0; e < 2; e++)
                {
                    double a = random.Between(1, 5000) * 1000, b = random.Between(1, 5000) * 1000;
                    examples.Add(([a, b], (a - b) / b));
                }
                break;
            case 2:
                (title, formula, format, better) = ($"{noun}の見込み額 No.{i}", "monthlyRevenue * months", "currency", "higher");
                inputs = [new("monthlyRevenue", "月額の売上", "currency", 0, 0), new("months", "契約の継続月数", "months", 1, 0)];
                for (var e = 0; e < 2; e++)
                {
                    double a = random.Between(1, 900) * 1000, b = random.Between(1, 60);
                    examples.Add(([a, b], a * b));
                }
                break;
            default:
                (title, formula, format, better) = ($"{noun}の転換率 No.{i}", "(won + expanded) / opportunities", "percent", "higher");
                inputs = [new("won", "受注した件数", "count", 0, 0), new("expanded", "拡大した件数", "count", 0, 0), new("opportunities", "商談の件数", "count", 1, 0)];
                for (var e = 0; e < 2; e++)
                {
                    double a = random.Between(0, 100), b = random.Between(0, 100), c = random.Between((int)(a + b) + 1, (int)(a + b) + 500);
                    examples.Add(([a, b, c], (a + b) / c));
                }
                break;
        }
        inputs = inputs.Select((input, k) => input with { Default = examples[0].Item1[k] }).ToArray();
        var related = new[] { (i % kpiCount) + 1, ((i + 1) % kpiCount) + 1 }.Where(r => r != i).Distinct().Select(KpiSlug).ToList();
        var article = random.Between(1, articleTitles.Count);
        var relatedKpi = (i % kpiCount) + 1;
        var body = new StringBuilder();
        body.Append("## 定義\n\n").Append(text.Sentences(3)).Append("\n\n");
        body.Append("## いつ使うか\n\n");
        for (var k = 0; k < 3; k++)
        {
            body.Append("- ").Append(text.ListItem()).Append("とき\n");
        }
        body.Append("- [").Append(articleTitles[article - 1]).Append("](⟦A:").Append(article).Append("⟧)を実践するとき\n\n");
        body.Append("## 読み方\n\n").Append(text.Sentences(3)).Append("関連する指標として[").Append(KpiSlug(relatedKpi)).Append("](⟦K:").Append(relatedKpi).Append("⟧)も見ます。\n");
        return new KpiPlan(KpiSlug(i), title, $"K{i}", text.Sentence(), formula, format, better, inputs, examples, related, body.ToString());
    }

    private static CataloguePlan Catalogue(ulong seed, int i, IReadOnlyList<KpiPlan> kpis)
    {
        var random = Prng.For(seed, "catalogue", i);
        var text = new JapaneseText(random);
        var questions = new List<QuestionPlan>();
        for (var q = 1; q <= QuestionsPerCatalogue; q++)
        {
            var category = Vocabulary.Categories[(q - 1) % Vocabulary.Categories.Length].Id;
            var phase = Vocabulary.Phases[q % 2].Id;
            IReadOnlyList<string> kpiSlugs = random.Chance(50) ? [kpis[random.Next(kpis.Count)].Slug] : [];
            questions.Add(new QuestionPlan($"q-{q:D2}", text.Question(), category, phase, text.Sentences(2),
                [text.Sentence(), text.Sentence()], [text.Sentence()], [text.Question()], kpiSlugs, [random.Pick(Vocabulary.Tags[20..])]));
        }
        return new CataloguePlan(CatalogueSlug(i), $"{random.Pick(Vocabulary.Topics)}の面接質問{QuestionsPerCatalogue} No.{i}", text.Sentence(), questions);
    }
}
