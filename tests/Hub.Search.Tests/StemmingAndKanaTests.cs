using System.Text;
using System.Text.Json;
using Hub.Search;
using Hub.Search.Tokenization;
using Jint;
using Jint.Native;

namespace Hub.Search.Tests;

/// <summary>
/// English stemming and kana folding, the two foldings both tokenizers apply: the C# <see cref="EnglishStemmer"/> gives
/// lunr's own stems on lunr's vocabulary and agrees with lunr.stemmer (in Jint and in Node) on generated words; kana
/// spellings of a word are one set of tokens; Japanese and Korean are never stemmed.
/// </summary>
public sealed class StemmingAndKanaTests
{
    private static readonly string VocabularyPath = Path.Combine(RepoPaths.Root, "node_modules", "lunr", "test", "fixtures", "stemming_vocab.json");

    private static Dictionary<string, string> Vocabulary() =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(VocabularyPath))!;

    [Fact]
    public void StemsEveryPairOfLunrsVocabulary()
    {
        var vocabulary = Vocabulary();
        Assert.True(vocabulary.Count >= 80, $"only {vocabulary.Count} pairs in {VocabularyPath}");
        var wrong = vocabulary.Where(p => EnglishStemmer.Stem(p.Key) != p.Value).Select(p => $"{p.Key}: {EnglishStemmer.Stem(p.Key)} (lunr {p.Value})").ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {vocabulary.Count} differ:\n" + string.Join("\n", wrong.Take(20)));
    }

    [Fact]
    public void AgreesWithLunrStemmerOnGeneratedWordsInJint()
    {
        var words = GeneratedWords(20000, seed: 31);
        var engine = JsEnvironment.Create(withLunr: false);
        engine.Execute("function __stemAll(a) { var r = []; for (var i = 0; i < a.length; i++) r.push(HubSearchTokenizer.stem(a[i])); return r; }");
        var theirs = engine.Invoke("__stemAll", engine.Intrinsics.Array.Construct(words.Select(w => (JsValue)new JsString(w)).ToArray()))
            .AsArray().Select(v => v.AsString()).ToList();
        AssertSameStems(words, theirs);
    }

    [NodeFact]
    public void AgreesWithLunrStemmerUnderNode()
    {
        var words = GeneratedWords(20000, seed: 32);
        words.AddRange(Vocabulary().Keys);
        var script = """
            const lunr = require(process.argv[2]);
            const fs = require('fs');
            const input = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
            fs.writeFileSync(process.argv[4], JSON.stringify(input.map(w => lunr.stemmer(new lunr.Token(w, {})).toString())));
            """;
        var output = Node.Run(script, [Path.Combine(RepoPaths.Root, "node_modules", "lunr", "lunr.js")], JsonSerializer.Serialize(words));
        AssertSameStems(words, JsonSerializer.Deserialize<List<string>>(output)!);
    }

    [Fact]
    public void TokenizerStemsOnlyAsciiWords()
    {
        Assert.Equal(["churn", "churn", "churn", "churn"], SearchTokenizer.Tokenize("churned Churning churns CHURN"));
        Assert.Equal(["onboard", "retent"], SearchTokenizer.Tokenize("onboarding retention"));
        // Letters outside ASCII, digits and short words are kept whole; Japanese and Korean are bigrams, never stemmed.
        Assert.Equal(["cafés", "q3s", "is"], SearchTokenizer.Tokenize("cafés q3s is"));
        Assert.Equal(["解約", "約率", "해지", "지율"], SearchTokenizer.Tokenize("解約率 해지율"));
    }

    [Fact]
    public void KanaSpellingsAreOneSetOfTokens()
    {
        var katakana = SearchTokenizer.Tokenize("オンボーディング");
        Assert.Equal(katakana, SearchTokenizer.Tokenize("おんぼーでぃんぐ"));
        Assert.Equal(katakana, SearchTokenizer.Tokenize("ｵﾝﾎﾞｰﾃﾞｨﾝｸﾞ"));
        Assert.Equal(["おん", "んぼ", "ぼー", "ーで", "でぃ", "ぃん", "んぐ"], katakana);
        Assert.Equal(SearchTokenizer.Tokenize("ヴァヵヶヽヾ"), SearchTokenizer.Tokenize("ゔぁゕゖゝゞ"));
        // Katakana without a hiragana twin stays as it is.
        Assert.Equal(["ヷヸ", "ヸヹ", "ヹヺ"], SearchTokenizer.Tokenize("ヷヸヹヺ"));
    }

    private static void AssertSameStems(List<string> words, List<string> theirs)
    {
        var wrong = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            if (EnglishStemmer.Stem(words[i]) != theirs[i])
            {
                wrong.Add($"{words[i]}: C# {EnglishStemmer.Stem(words[i])}, lunr {theirs[i]}");
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {words.Count} differ:\n" + string.Join("\n", wrong.Take(20)));
    }

    /// <summary>Words built to reach every rule: random letters (y and doubled consonants often) ending in the suffixes the steps look for.</summary>
    private static List<string> GeneratedWords(int count, int seed)
    {
        string[] suffixes =
        [
            "", "s", "ss", "sses", "ies", "eed", "ed", "ing", "at", "bl", "iz", "y", "ational", "tional", "enci", "anci", "izer",
            "bli", "alli", "entli", "eli", "ousli", "ization", "ation", "ator", "alism", "iveness", "fulness", "ousness", "aliti",
            "iviti", "biliti", "logi", "icate", "ative", "alize", "iciti", "ical", "ful", "ness", "al", "ance", "ence", "er", "ic",
            "able", "ible", "ant", "ement", "ment", "ent", "ou", "ism", "ate", "iti", "ous", "ive", "ize", "sion", "tion", "e", "ll",
            "ating", "ened", "lled", "ies", "yed", "ying",
        ];
        const string Letters = "aeiouybcdfghjklmnpqrstvwxyzsltyy";
        var random = new Random(seed);
        var words = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var sb = new StringBuilder();
            var length = random.Next(1, 7);
            for (var k = 0; k < length; k++)
            {
                var c = Letters[random.Next(Letters.Length)];
                sb.Append(c);
                if (random.Next(8) == 0)
                {
                    sb.Append(c);
                }
            }

            sb.Append(suffixes[random.Next(suffixes.Length)]);
            if (random.Next(6) == 0)
            {
                sb.Append(suffixes[random.Next(suffixes.Length)]);
            }

            words.Add(sb.ToString());
        }

        return words;
    }
}
