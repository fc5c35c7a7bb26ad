using System.Globalization;
using System.Text;
using Hub.Search.Tokenization;

namespace Hub.Search.Tests;

/// <summary>
/// Code points on which the two twins may legitimately differ because the engines' Unicode tables are
/// of different versions (.NET's categories, the system ICU's casing, the JS engine's own tables):
/// new letters, new case pairs, code points one side does not know. The skew must stay small and
/// outside every script Hub's content uses; everywhere else the twins must agree exactly.
/// </summary>
internal sealed class UnicodeSkew
{
    // Latin, Greek, Cyrillic, punctuation, CJK symbols, kana, Hangul, CJK ideographs, full/half-width forms.
    private static readonly (int Start, int End)[] Protected =
    [
        (0x0000, 0x052F), (0x1100, 0x11FF), (0x1E00, 0x206F), (0x3000, 0x30FF), (0x3130, 0x318F),
        (0x31F0, 0x31FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF),
        (0xFF00, 0xFFEF), (0x20000, 0x2FFFF),
    ];

    public static readonly (int Start, int End)[] Planes = [(0x0, 0x1FFFF), (0xE0000, 0xE01EF)];

    private UnicodeSkew(HashSet<int> codePoints) => CodePoints = codePoints;

    public HashSet<int> CodePoints { get; }

    /// <summary>Compares classification and lowercasing of every code point of <see cref="Planes"/>.</summary>
    /// <param name="js">Given code points, the JS twin's class (as <see cref="CharacterClass"/> numbers), lowercase and NFKC of each.</param>
    public static UnicodeSkew Measure(Func<int[], (int[] Classes, string[] Lowers, string[] Normalized)> js)
    {
        var all = Planes.SelectMany(r => Enumerable.Range(r.Start, r.End - r.Start + 1)).Where(cp => cp is < 0xD800 or > 0xDFFF).ToArray();
        var (classes, lowers, normalized) = js(all);
        var skew = new HashSet<int>();
        for (var i = 0; i < all.Length; i++)
        {
            var cp = all[i];
            var cls = CharacterClassifier.Classify(cp);
            var lower = SearchTokenizer.ToLower(new Rune(cp)).ToString();
            var unassigned = CharUnicodeInfo.GetUnicodeCategory(cp) == UnicodeCategory.OtherNotAssigned;
            var nfkc = SearchTokenizer.Normalize(char.ConvertFromUtf32(cp));
            if (unassigned || (int)cls != classes[i] || (cls == CharacterClass.Word && lower != lowers[i]) || nfkc != normalized[i])
            {
                skew.Add(cp);
            }
        }

        return new UnicodeSkew(skew);
    }

    public bool Allows(int cp) => !CodePoints.Contains(cp);

    /// <summary>Assigned code points in protected scripts that differ; must be none.</summary>
    public IEnumerable<string> ProtectedDifferences() => CodePoints
        .Where(cp => Protected.Any(r => cp >= r.Start && cp <= r.End))
        .Where(cp => CharUnicodeInfo.GetUnicodeCategory(cp) != UnicodeCategory.OtherNotAssigned)
        .Select(cp => $"U+{cp:X4}");

    public int AssignedCount => CodePoints.Count(cp => CharUnicodeInfo.GetUnicodeCategory(cp) != UnicodeCategory.OtherNotAssigned);
}
