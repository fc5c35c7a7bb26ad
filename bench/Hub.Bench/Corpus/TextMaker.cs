namespace Hub.Bench.Corpus;

/// <summary>
/// Sentences, headings, titles and the fixed phrases of an article in one language, driven by a <see cref="Prng"/>.
/// The Japanese maker draws exactly what the generator drew before Korean and English existed, so a Japanese-only
/// corpus of a seed is the same file for file.
/// </summary>
public abstract class TextMaker(Prng random)
{
    public Prng Random { get; } = random;

    public static TextMaker For(string lang, Prng random) => lang switch
    {
        "ja" => new JapaneseText(random),
        "ko" => new KoreanText(random),
        "en" => new EnglishText(random),
        _ => throw new ArgumentException($"no text maker for language '{lang}' (ja, ko, en)"),
    };

    public abstract string Noun();

    public abstract string Cadence();

    public abstract string Sentence();

    public string Sentences(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => Sentence()));

    public abstract string Heading();

    public abstract string ListItem();

    public abstract string Question();

    public abstract string ArticleTitle(int i);

    /// <summary>Text that closes a sentence before the next starts (a space in Korean and English).</summary>
    public abstract string Gap { get; }

    public abstract string SeeAlso(string link);

    public abstract string RelatedKpi(string link);

    public abstract string TableHeader();

    public abstract string TableCell(string a, string b);

    public abstract string FollowSteps(string link);

    public abstract string InterviewTip(string link);

    public abstract string ReadNext(string link);
}

/// <summary>Japanese text from <see cref="Vocabulary"/>.</summary>
public sealed class JapaneseText(Prng random) : TextMaker(random)
{
    public override string Noun() => Random.Pick(Vocabulary.Nouns);

    public override string Cadence() => Random.Pick(Vocabulary.Cadences);

    public override string Gap => string.Empty;

    public override string ArticleTitle(int i) => $"{Random.Pick(Vocabulary.Topics)}の{Random.Pick(Vocabulary.Aspects)}：{Random.Pick(Vocabulary.Nouns)}編 No.{i}";

    public override string SeeAlso(string link) => $"詳しくは{link}も参照してください。";

    public override string RelatedKpi(string link) => $"関連する指標は{link}です。";

    public override string TableHeader() => "| 項目 | 見るポイント | 頻度 |";

    public override string TableCell(string a, string b) => $"{a}の{b}";

    public override string FollowSteps(string link) => $"{link}の手順に沿って進める";

    public override string InterviewTip(string link) => $"面接では{link}の質問も役立ちます。";

    public override string ReadNext(string link) => $"次は{link}を読んでみてください。";

    public override string Sentence()
    {
        var verb = Random.Pick(Vocabulary.Verbs);
        var adjective = Random.Pick(Vocabulary.Adjectives);
        var (a, b, c) = (Noun(), Noun(), Noun());
        return Random.Next(10) switch
        {
            0 => $"{a}を{verb.Te}、{b}の{c}を{verb.Polite}。",
            1 => $"{a}が{adjective.Plain}ときは、まず{b}を{verb.Plain}ところから始めます。",
            2 => $"{a}と{b}をそろえて見ると、{c}の変化に早く気づけます。",
            3 => $"{a}の{b}が{adjective.Adverb}なる前に、{c}を{verb.Te}おくことが大切です。",
            4 => $"実務では、{a}ごとに{b}を{verb.Te}、{c}に反映するのが一般的です。",
            5 => $"{a}は{b}だけでなく、{c}にも影響します。",
            6 => $"{Random.Pick(Vocabulary.Cadences)}の定例で{a}を{verb.Te}、{b}の担当者と{c}について話し合います。",
            7 => $"SaaSの{a}では、{b}を{verb.Plain}仕組みが欠かせません。",
            8 => $"CSMは{a}を{verb.Te}、{b}の{c}を{verb.Polite}。",
            _ => $"{a}を{verb.Plain}ときは、{b}と{c}の両方を見ます。",
        };
    }

    public override string Heading() => Random.Next(5) switch
    {
        0 => $"{Noun()}と{Noun()}の関係",
        1 => $"{Noun()}を{Random.Pick(Vocabulary.Verbs).Plain}手順",
        2 => $"よくある{Noun()}の失敗",
        3 => $"{Noun()}の{Noun()}を見直す",
        _ => $"{Noun()}で押さえる{Random.Pick(Vocabulary.Aspects)}",
    };

    public override string ListItem() => Random.Next(3) switch
    {
        0 => $"{Noun()}を{Random.Pick(Vocabulary.Verbs).Plain}",
        1 => $"{Noun()}の{Noun()}を{Random.Pick(Vocabulary.Cadences)}{Random.Pick(Vocabulary.Verbs).Plain}",
        _ => $"{Noun()}と{Noun()}をそろえる",
    };

    public override string Question() => Random.Next(4) switch
    {
        0 => $"{Noun()}が{Random.Pick(Vocabulary.Adjectives).Plain}顧客に、あなたならどう対応しますか。",
        1 => $"これまでに{Noun()}を{Random.Pick(Vocabulary.Verbs).Te}成果を出した経験を教えてください。",
        2 => $"{Noun()}と{Noun()}が対立したとき、どちらを優先しますか。理由も教えてください。",
        _ => $"{Noun()}の{Noun()}を、まだ知らない人に1分で説明してみてください。",
    };
}
