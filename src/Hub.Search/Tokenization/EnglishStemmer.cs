using System.Text.RegularExpressions;

namespace Hub.Search.Tokenization;

/// <summary>
/// The Porter stemmer as lunr.js 2.3.9 applies it (<c>lunr.stemmer</c>), written here from the algorithm so that the
/// terms Hub indexes are the terms the browser's query side makes with lunr's own function: "churned", "churning" and
/// "churns" are all "churn". lunr's variant differs from Porter's paper in small ways this follows exactly: a vowel is
/// [aeiouy] and a consonant [^aeiou] at the start of a sequence (so "y" is either), a leading "y" is a consonant, each
/// step tries only the longest suffix of its list, and step 1b's "eed" rule, once its suffix matches, ends step 1b.
/// Proven on lunr's own vocabulary (test/fixtures/stemming_vocab.json) and against lunr.stemmer on generated words.
/// </summary>
public static class EnglishStemmer
{
    // Measure m of a word [C](VC)^m[V], with lunr's C (consonant sequence) and V (vowel sequence).
    private const string Consonants = "[^aeiou][^aeiouy]*";
    private const string Vowels = "[aeiouy][aeiou]*";
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    private static readonly Regex MeasureAbove0 = new($"^({Consonants})?{Vowels}{Consonants}", Options);
    private static readonly Regex MeasureIs1 = new($"^({Consonants})?{Vowels}{Consonants}({Vowels})?$", Options);
    private static readonly Regex MeasureAbove1 = new($"^({Consonants})?{Vowels}{Consonants}{Vowels}{Consonants}", Options);
    private static readonly Regex HasVowel = new($"^({Consonants})?[aeiouy]", Options);

    // *o: the word is one consonant sequence, a vowel and a consonant other than w, x or y ("hop", not "snow").
    private static readonly Regex ShortSyllable = new($"^{Consonants}[aeiouy][^aeiouwxy]$", Options);

    private static readonly (string Suffix, string Replacement)[] Step2 =
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("bli", "ble"),
        ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
        ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
        ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3 =
    [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ];

    private static readonly (string Suffix, string Replacement)[] Step4 =
    [
        .. new[] { "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ou", "ism", "ate", "iti", "ous", "ive", "ize" }
            .Select(s => (s, "")),
    ];

    /// <summary>True for the words Hub stems: three or more ASCII letters (lowercase, as the tokenizer makes them).</summary>
    public static bool Applies(ReadOnlySpan<char> word)
    {
        if (word.Length < 3)
        {
            return false;
        }

        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The stem of a lowercase word, as <c>lunr.stemmer</c> gives it.</summary>
    public static string Stem(string word)
    {
        if (word.Length < 3)
        {
            return word;
        }

        var initialY = word[0] == 'y';
        var w = initialY ? "Y" + word[1..] : word;

        w = Step1A(w);
        w = Step1B(w);

        // 1c: a final y after a consonant (not the first letter) becomes i.
        if (w.Length >= 3 && w[^1] == 'y' && !IsAeiou(w[^2]))
        {
            w = w[..^1] + "i";
        }

        w = Replace(w, Step2, MeasureAbove0);
        w = Replace(w, Step3, MeasureAbove0);
        w = Step4Remove(w);
        w = Step5(w);
        return initialY ? "y" + w[1..] : w;
    }

    private static string Step1A(string w)
    {
        if ((w.EndsWith("sses", StringComparison.Ordinal) && w.Length >= 5) || (w.EndsWith("ies", StringComparison.Ordinal) && w.Length >= 4))
        {
            return w[..^2];
        }

        return w.Length >= 3 && w[^1] == 's' && w[^2] != 's' ? w[..^1] : w;
    }

    private static string Step1B(string w)
    {
        if (w.Length >= 4 && w.EndsWith("eed", StringComparison.Ordinal))
        {
            return MeasureAbove0.IsMatch(w.AsSpan(0, w.Length - 3)) ? w[..^1] : w;
        }

        var suffix = w.Length >= 3 && w.EndsWith("ed", StringComparison.Ordinal) ? 2
            : w.Length >= 4 && w.EndsWith("ing", StringComparison.Ordinal) ? 3
            : 0;
        if (suffix == 0 || !HasVowel.IsMatch(w.AsSpan(0, w.Length - suffix)))
        {
            return w;
        }

        w = w[..^suffix];
        if (w.EndsWith("at", StringComparison.Ordinal) || w.EndsWith("bl", StringComparison.Ordinal) || w.EndsWith("iz", StringComparison.Ordinal))
        {
            return w + "e";
        }

        if (w.Length >= 2 && w[^1] == w[^2] && "aeiouylsz".IndexOf(w[^1], StringComparison.Ordinal) < 0)
        {
            return w[..^1];
        }

        return ShortSyllable.IsMatch(w) ? w + "e" : w;
    }

    private static string Step4Remove(string w)
    {
        if (LongestSuffix(w, Step4) is { } found)
        {
            var stem = w[..^found.Suffix.Length];
            return MeasureAbove1.IsMatch(stem) ? stem : w;
        }

        if (w.Length >= 5 && (w.EndsWith("sion", StringComparison.Ordinal) || w.EndsWith("tion", StringComparison.Ordinal)))
        {
            var stem = w[..^3];
            return MeasureAbove1.IsMatch(stem) ? stem : w;
        }

        return w;
    }

    private static string Step5(string w)
    {
        if (w.Length >= 2 && w[^1] == 'e')
        {
            var stem = w[..^1];
            if (MeasureAbove1.IsMatch(stem) || (MeasureIs1.IsMatch(stem) && !ShortSyllable.IsMatch(stem)))
            {
                w = stem;
            }
        }

        return w.EndsWith("ll", StringComparison.Ordinal) && MeasureAbove1.IsMatch(w) ? w[..^1] : w;
    }

    /// <summary>Replaces the longest listed suffix (after at least one letter) when the rest passes <paramref name="condition"/>.</summary>
    private static string Replace(string w, (string Suffix, string Replacement)[] list, Regex condition)
    {
        if (LongestSuffix(w, list) is not { } found)
        {
            return w;
        }

        var stem = w[..^found.Suffix.Length];
        return condition.IsMatch(stem) ? stem + found.Replacement : w;
    }

    private static (string Suffix, string Replacement)? LongestSuffix(string w, (string Suffix, string Replacement)[] list)
    {
        (string Suffix, string Replacement)? best = null;
        foreach (var entry in list)
        {
            if (w.Length > entry.Suffix.Length && w.EndsWith(entry.Suffix, StringComparison.Ordinal)
                && (best is null || entry.Suffix.Length > best.Value.Suffix.Length))
            {
                best = entry;
            }
        }

        return best;
    }

    private static bool IsAeiou(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
