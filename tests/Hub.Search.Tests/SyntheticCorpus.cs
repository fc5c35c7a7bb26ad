using System.Text;
using Hub.Search;

namespace Hub.Search.Tests;

/// <summary>Deterministic knowledge-hub-like documents: Japanese mostly, some Korean and English.</summary>
internal static class SyntheticCorpus
{
    private static readonly string[] JapaneseTerms =
    [
        "解約率", "継続率", "顧客", "カスタマーサクセス", "オンボーディング", "面接", "質問", "採用", "指標", "売上",
        "製品", "業界", "知識", "問題解決", "姿勢", "一次面接", "最終面接", "東京都", "京都", "東京", "全文検索",
        "ヘルススコア", "チャーン", "アップセル", "解約", "率", "継続", "担当者", "契約更新", "利用状況", "導入支援",
        "サポート", "満足度", "推奨度", "ＮＰＳ", "ｶｽﾀﾏｰ", "データ", "分析", "改善", "施策", "目標", "期間", "月次",
    ];

    private static readonly string[] JapaneseGlue = ["を", "が", "は", "の", "に", "で", "と", "から", "まで", "について", "を下げる", "を上げる", "する", "した"];

    private static readonly string[] KoreanTerms = ["고객", "성공", "해지율", "유지율", "면접", "질문", "채용", "지표", "매출", "제품", "온보딩", "분석"];

    private static readonly string[] KoreanGlue = ["을", "를", "이", "가", "은", "는", "의", "에서", "으로", "하다"];

    private static readonly string[] EnglishTerms =
    [
        "customer", "success", "churn", "retention", "onboarding", "interview", "question", "hiring", "metric",
        "revenue", "NRR", "GRR", "health", "score", "renewal", "adoption", "Expansion", "playbook", "QBR",
    ];

    private static readonly string[] EnglishGlue = ["the", "of", "and", "to", "in", "for", "with", "a", "is"];

    private static string[] _japanese = JapaneseTerms;

    /// <summary>
    /// Uses a Zipf-distributed vocabulary of <paramref name="words"/> generated kanji/katakana words
    /// besides the fixed terms, so that the number of distinct bigrams grows like real text's.
    /// </summary>
    public static List<SearchDocument> GenerateRich(int pages, int seed, int words, int bodyChars = 800)
    {
        var random = new Random(seed);
        var vocabulary = new List<string>(JapaneseTerms);
        for (var w = 0; w < words; w++)
        {
            var sb = new StringBuilder();
            var katakana = random.Next(5) == 0;
            var length = katakana ? random.Next(3, 7) : random.Next(2, 4);
            for (var c = 0; c < length; c++)
            {
                // ~2,000 common-ish kanji from the start of the unified block, or katakana
                sb.Append(katakana ? (char)random.Next(0x30A1, 0x30F3) : (char)(0x4E00 + (int)(Math.Pow(random.NextDouble(), 2) * 2000 * 10)));
            }

            vocabulary.Add(sb.ToString());
        }

        // Zipf: repeat earlier words more often in the pick array
        var zipf = new List<string>();
        for (var i = 0; i < vocabulary.Count; i++)
        {
            var copies = Math.Max(1, 200 / (i + 1));
            zipf.AddRange(Enumerable.Repeat(vocabulary[i], copies));
        }

        _japanese = [.. zipf];
        try
        {
            return Generate(pages, seed, bodyChars);
        }
        finally
        {
            _japanese = JapaneseTerms;
        }
    }

    public static List<SearchDocument> Generate(int pages, int seed, int bodyChars = 800)
    {
        var random = new Random(seed);
        var documents = new List<SearchDocument>();
        for (var p = 0; p < pages; p++)
        {
            var lang = p % 10 < 7 ? "ja" : p % 10 < 9 ? "ko" : "en";
            var kind = (p % 7) switch { 0 => "kpi", 1 or 2 => "question", _ => "article" };
            var section = kind switch { "kpi" => Sentence(random, lang, 2), "question" => Sentence(random, lang, 4), _ => Sentence(random, lang, 2) };
            var url = kind == "question" ? $"/cs-hub/{lang}/catalogues/c{p / 30}/#q-{p % 30:00}" : $"/cs-hub/{lang}/{kind}s/p{p}/";
            documents.Add(new SearchDocument(
                kind,
                lang,
                url,
                Sentence(random, lang, random.Next(2, 8)),
                section,
                kind == "question" ? Sentence(random, lang, 8) : Sentence(random, lang, 15),
                Text(random, lang, kind == "question" ? bodyChars / 4 : bodyChars),
                kind == "article" ? [Sentence(random, lang, 3), Sentence(random, lang, 3)] : [],
                [Pick(random, TermsOf(lang)), Pick(random, EnglishTerms).ToLowerInvariant()]));
        }

        return documents;
    }

    public static string Text(Random random, string lang, int chars)
    {
        var sb = new StringBuilder();
        while (sb.Length < chars)
        {
            sb.Append(Sentence(random, lang, random.Next(4, 14)));
            sb.Append(lang == "ja" ? "。" : ". ");
        }

        return sb.ToString();
    }

    public static string Sentence(Random random, string lang, int words)
    {
        var sb = new StringBuilder();
        for (var w = 0; w < words; w++)
        {
            var english = random.Next(10) == 0;
            sb.Append(english ? Pick(random, EnglishTerms) : Pick(random, TermsOf(lang)));
            if (lang == "ja" && !english)
            {
                sb.Append(Pick(random, JapaneseGlue));
            }
            else if (lang == "ko" && !english)
            {
                sb.Append(Pick(random, KoreanGlue)).Append(' ');
            }
            else
            {
                sb.Append(' ').Append(lang == "en" ? Pick(random, EnglishGlue) + " " : string.Empty);
            }
        }

        return sb.ToString().Trim();
    }

    private static string[] TermsOf(string lang) => lang switch { "ja" => _japanese, "ko" => KoreanTerms, _ => EnglishTerms };

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
