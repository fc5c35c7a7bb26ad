using System.Text;

namespace Hub.Site.Content.Glossary;

/// <summary>
/// Where a term goes in the glossary index: its group by initial and its place in the group. Japanese words are
/// grouped by kana row (あ か さ た な は ま や ら わ; voiced and small kana join their row: が under か, ゃ under や),
/// Korean words by initial consonant (가 나 다 … 하; a doubled consonant joins its plain one: 까 under 가), Latin
/// words by letter (A–Z), digits under one group and anything else under a last one.
/// </summary>
public static class GlossaryInitials
{
    /// <summary>The kana rows, in index order; a kana's row is the last one whose first kana is not after it.</summary>
    private static readonly (char First, string Row)[] KanaRows =
    [
        ('ぁ', "あ"), ('か', "か"), ('さ', "さ"), ('た', "た"), ('な', "な"), ('は', "は"), ('ま', "ま"), ('ゃ', "や"), ('ら', "ら"), ('ゎ', "わ"),
    ];

    /// <summary>The 가나다 groups of the 19 initial consonants of a Hangul syllable, in Unicode order (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ).</summary>
    private static readonly int[] ConsonantGroup = [0, 0, 1, 2, 2, 3, 4, 5, 5, 6, 6, 7, 8, 8, 9, 10, 11, 12, 13];

    private const string HangulGroups = "가나다라마바사아자차카타파하";

    /// <summary>The compatibility jamo consonants a word may start with (ㄱ, ㅎ), in the order of <see cref="ConsonantGroup"/>.</summary>
    private const string CompatibilityConsonants = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";

    /// <summary>The group of digits.</summary>
    public const string Digits = "0-9";

    /// <summary>The group of words that start with anything else.</summary>
    public const string Other = "other";

    /// <summary>
    /// The group of a word (a term's reading, else the term): its key (<c>か</c>, <c>나</c>, <c>M</c>, <see cref="Digits"/>,
    /// <see cref="Other"/>) and its rank, which orders the groups: kana rows, then 가나다, then A–Z, then digits, then other.
    /// </summary>
    public static (string Key, int Rank) Of(string word)
    {
        var text = Normalize(word);
        var first = text.EnumerateRunes().FirstOrDefault(r => !IsSkipped(r));
        if (first.Value == 0)
        {
            return (Other, 400);
        }
        var c = first.Value;
        if (c is >= 0x3041 and <= 0x3096)
        {
            // ゔ is う voiced; ゕ and ゖ are small か and け.
            var kana = c switch { 0x3094 => 'う', 0x3095 => 'か', 0x3096 => 'け', _ => (char)c };
            var row = Array.FindLastIndex(KanaRows, r => r.First <= kana);
            return (KanaRows[row].Row, row);
        }
        if (c is >= 0xAC00 and <= 0xD7A3)
        {
            var group = ConsonantGroup[(c - 0xAC00) / 588];
            return (HangulGroups[group].ToString(), 100 + group);
        }
        if (c is >= 0x1100 and <= 0x1112)
        {
            // Normalization turns a compatibility consonant (ㅎ) into the conjoining one (ᄒ), in the same order.
            var group = ConsonantGroup[c - 0x1100];
            return (HangulGroups[group].ToString(), 100 + group);
        }
        if (c <= 0xFFFF && CompatibilityConsonants.IndexOf((char)c) is var jamo and >= 0)
        {
            var group = ConsonantGroup[jamo];
            return (HangulGroups[group].ToString(), 100 + group);
        }
        if (c is >= 'a' and <= 'z')
        {
            return (((char)(c - 32)).ToString(), 200 + c - 'a');
        }
        if (c is >= 'A' and <= 'Z')
        {
            return (((char)c).ToString(), 200 + c - 'A');
        }
        if (c is >= '0' and <= '9')
        {
            return (Digits, 300);
        }
        return (Other, 400);
    }

    /// <summary>
    /// The key a term is sorted by inside its group: compatibility forms folded (ｶ, Ａ), katakana read as hiragana,
    /// Latin letters in lower case; Hangul syllables then sort in 가나다 order and kana in gojūon order.
    /// </summary>
    public static string SortKey(string word) => Normalize(word).ToLowerInvariant();

    /// <summary>Whether <paramref name="reading"/> is written in kana only (hiragana, katakana, ー, ・, spaces), as a Japanese reading must be.</summary>
    public static bool IsKana(string reading) =>
        reading.Any(c => !char.IsWhiteSpace(c)) && reading.All(c => c is (>= '\u3041' and <= '\u3096') or (>= '\u30A1' and <= '\u30FA') or 'ー' or '・' or 'ゝ' or 'ゞ' or 'ヽ' or 'ヾ'
            or (>= '\uFF66' and <= '\uFF9F') || char.IsWhiteSpace(c));

    /// <summary>Whether <paramref name="reading"/> is written in Hangul only (syllables, jamo, spaces), as a Korean reading must be.</summary>
    public static bool IsHangul(string reading) =>
        reading.Any(c => !char.IsWhiteSpace(c)) && reading.All(c => c is (>= '\uAC00' and <= '\uD7A3') or (>= '\u3131' and <= '\u318E') or (>= '\u1100' and <= '\u11FF')
            || char.IsWhiteSpace(c));

    /// <summary>Whether the index can place <paramref name="word"/> without a reading: it starts with kana, Hangul, a Latin letter or a digit.</summary>
    public static bool HasReadableInitial(string word) => Of(word).Key != Other;

    private static bool IsSkipped(Rune r) => Rune.IsWhiteSpace(r) || Rune.IsPunctuation(r) || Rune.IsSymbol(r) || r.Value is 'ー';

    private static string Normalize(string word)
    {
        var text = word.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            // Katakana ァ..ヶ sit 0x60 above their hiragana.
            builder.Append(c is >= '\u30A1' and <= '\u30F6' ? (char)(c - 0x60) : c);
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Compares two sort keys (<see cref="SortKey"/>) in index order.</summary>
    public static int Compare(string a, string b) => string.CompareOrdinal(a, b);
}
