using System.Text;

namespace Hub.Search.Tests;

/// <summary>Deterministic generated text mixing every kind of character the tokenizer distinguishes.</summary>
internal static class MixedScriptCorpus
{
    private static readonly string[] Pools =
    [
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
        "解約率継続顧客成功指標採用面接質問製品業界知識問題解決姿勢一次最終価値売上東京都京々〆〇",
        "あいうえおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱゐゑをんゔゝゞ",
        "アイウエオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヴーヽヾㇰㇱ",
        "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾞﾟｰ･｡｢｣",
        "ぁァゕヵゖヶゔヴゝヽゞヾヷヸヹヺヿゟー゛゜ゐヰゑヱをヲ",
        "churnedchurningonboardingsrelationalhappinessgeneralizationsyieldingcaressesponies",
        "가각간갈감고객성공해지율을낮추다한국어지표면접질문ㄱㄴㄷㅏㅑ",
        "ＡＢＣａｂｃ０１２３％＆（）！？：；",
        "、。・「」『』【】〔〕〈〉《》〜…‥　！？（）［］｛｝",
        " \t\n.,;:!?'\"()[]{}<>/\\|-_=+*&^%$#@~`",
        "ÀÉÎÕÜàéîõüßçñøåæœİıΣσςΑΒΓαβγДЖЯджяĲǄǅǆﬁﬂ",
        "\u0300\u0301\u0308\u0323\u3099\u309A\u20E3\u20DD",
        "\u00AD\u200B\u200C\u200D\u2060\uFEFF\uFE0F\uFE0E\u034F",
        "①②③⑴⒈㈱㍿㎏℡™ⅠⅫ½²³",
        "★☆♪→✓©®",
    ];

    private static readonly string[] AstralPools =
    [
        "𠮷𩸽𠀋𡈽𪚲", "👍👨‍👩‍👧🇯🇵😀🏻", "𝐀𝐁𝐚𝐛𝟎𝟏", "𐐀𐐨", "\U000E0100\U000E0101",
    ];

    public static List<string> Generate(int count, int seed, Func<int, bool> allowed)
    {
        var random = new Random(seed);
        var documents = new List<string>(count);
        for (var d = 0; d < count; d++)
        {
            var sb = new StringBuilder();
            var length = random.Next(1, 400);
            while (sb.Length < length)
            {
                var roll = random.Next(100);
                if (roll < 6)
                {
                    var pool = AstralPools[random.Next(AstralPools.Length)];
                    var runes = pool.EnumerateRunes().ToArray();
                    sb.Append(runes[random.Next(runes.Length)].ToString());
                }
                else if (roll < 8)
                {
                    sb.Append(RandomCodePoint(random, allowed));
                }
                else if (roll < 9)
                {
                    sb.Append((char)random.Next(0xD800, 0xE000)); // lone surrogate
                }
                else
                {
                    var pool = Pools[random.Next(Pools.Length)];
                    var run = random.Next(1, 9);
                    for (var i = 0; i < run; i++)
                    {
                        sb.Append(pool[random.Next(pool.Length)]);
                    }
                }
            }

            documents.Add(sb.ToString());
        }

        return documents;
    }

    private static string RandomCodePoint(Random random, Func<int, bool> allowed)
    {
        while (true)
        {
            var cp = random.Next(2) == 0 ? random.Next(0x20, 0x10000) : random.Next(0x10000, 0x32000);
            if (cp is < 0xD800 or > 0xDFFF && allowed(cp))
            {
                return char.ConvertFromUtf32(cp);
            }
        }
    }

    /// <summary>"a" + each code point + " ", so every code point is classified, lowercased and NFKC'd once.</summary>
    public static List<string> EveryCodePoint(IEnumerable<(int Start, int End)> ranges, int chunk, Func<int, bool> allowed)
    {
        var texts = new List<string>();
        var sb = new StringBuilder();
        foreach (var (start, end) in ranges)
        {
            for (var cp = start; cp <= end; cp++)
            {
                if (cp is >= 0xD800 and <= 0xDFFF || !allowed(cp))
                {
                    continue;
                }

                sb.Append('a').Append(char.ConvertFromUtf32(cp)).Append(' ');
                if (sb.Length >= chunk)
                {
                    texts.Add(sb.ToString());
                    sb.Clear();
                }
            }
        }

        if (sb.Length > 0)
        {
            texts.Add(sb.ToString());
        }

        return texts;
    }
}
