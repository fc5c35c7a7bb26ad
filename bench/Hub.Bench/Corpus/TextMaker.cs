namespace Hub.Bench.Corpus;

/// <summary>Japanese sentences, headings and titles from <see cref="Vocabulary"/>, driven by a <see cref="Prng"/>.</summary>
public sealed class TextMaker(Prng random)
{
    public Prng Random => random;

    public string Noun() => random.Pick(Vocabulary.Nouns);

    public string Sentence()
    {
        var verb = random.Pick(Vocabulary.Verbs);
        var adjective = random.Pick(Vocabulary.Adjectives);
        var (a, b, c) = (Noun(), Noun(), Noun());
        return random.Next(10) switch
        {
            0 => $"{a}を{verb.Te}、{b}の{c}を{verb.Polite}。",
            1 => $"{a}が{adjective.Plain}ときは、まず{b}を{verb.Plain}ところから始めます。",
            2 => $"{a}と{b}をそろえて見ると、{c}の変化に早く気づけます。",
            3 => $"{a}の{b}が{adjective.Adverb}なる前に、{c}を{verb.Te}おくことが大切です。",
            4 => $"実務では、{a}ごとに{b}を{verb.Te}、{c}に反映するのが一般的です。",
            5 => $"{a}は{b}だけでなく、{c}にも影響します。",
            6 => $"{random.Pick(Vocabulary.Cadences)}の定例で{a}を{verb.Te}、{b}の担当者と{c}について話し合います。",
            7 => $"SaaSの{a}では、{b}を{verb.Plain}仕組みが欠かせません。",
            8 => $"CSMは{a}を{verb.Te}、{b}の{c}を{verb.Polite}。",
            _ => $"{a}を{verb.Plain}ときは、{b}と{c}の両方を見ます。",
        };
    }

    public string Sentences(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => Sentence()));

    public string Heading() => random.Next(5) switch
    {
        0 => $"{Noun()}と{Noun()}の関係",
        1 => $"{Noun()}を{random.Pick(Vocabulary.Verbs).Plain}手順",
        2 => $"よくある{Noun()}の失敗",
        3 => $"{Noun()}の{Noun()}を見直す",
        _ => $"{Noun()}で押さえる{random.Pick(Vocabulary.Aspects)}",
    };

    public string ListItem() => random.Next(3) switch
    {
        0 => $"{Noun()}を{random.Pick(Vocabulary.Verbs).Plain}",
        1 => $"{Noun()}の{Noun()}を{random.Pick(Vocabulary.Cadences)}{random.Pick(Vocabulary.Verbs).Plain}",
        _ => $"{Noun()}と{Noun()}をそろえる",
    };

    public string Question() => random.Next(4) switch
    {
        0 => $"{Noun()}が{random.Pick(Vocabulary.Adjectives).Plain}顧客に、あなたならどう対応しますか。",
        1 => $"これまでに{Noun()}を{random.Pick(Vocabulary.Verbs).Te}成果を出した経験を教えてください。",
        2 => $"{Noun()}と{Noun()}が対立したとき、どちらを優先しますか。理由も教えてください。",
        _ => $"{Noun()}の{Noun()}を、まだ知らない人に1分で説明してみてください。",
    };
}
