using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using Hub.Search.Tokenization;

namespace Hub.Search;

/// <summary>
/// The one tokenizer of Hub's search, used at build time for documents; its twin
/// theme/assets/js/search-tokenizer.js tokenizes queries in the browser and must give the same tokens.
/// </summary>
/// <remarks>
/// NFKC, then a walk by code point: letters and numbers of alphabetic scripts form words (lowercased
/// one code point at a time with the invariant simple mapping, U+0130 to "i"); kanji/kana runs and
/// Hangul runs become overlapping bigrams, a one-character run itself; katakana is folded to hiragana
/// (<see cref="CharacterClassifier.FoldKana"/>); a word of three or more ASCII letters becomes its lunr stem
/// (<see cref="EnglishStemmer"/>), other words stay whole; combining marks stay inside
/// words and are dropped elsewhere; joiners, soft hyphens and variation selectors are dropped
/// without breaking a run; everything else (punctuation, symbols, emoji) separates.
/// </remarks>
public static class SearchTokenizer
{
    // Tokens repeat a lot (a Japanese corpus has a few tens of thousands of distinct bigrams), so each distinct
    // token string is made (and a word stemmed) once and shared by every document and thread. Capped so that a long `hub serve` on
    // changing content cannot grow it without bound; past the cap, tokens are simply allocated.
    private const int MaxCachedTokens = 1 << 20;
    private static readonly ConcurrentDictionary<long, string> Runs = new();
    private static readonly ConcurrentDictionary<string, string> Words = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> WordsBySpan =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    private static int _cachedTokens;

    // CharacterClassifier.Classify for the Basic Multilingual Plane, filled on first use.
    private static readonly Lazy<CharacterClass[]> BmpClasses = new(() =>
    {
        var table = new CharacterClass[0x10000];
        for (var cp = 0; cp < table.Length; cp++)
        {
            table[cp] = CharacterClassifier.Classify(cp);
        }

        return table;
    });

    public static IReadOnlyList<string> Tokenize(string? text)
    {
        var tokens = new List<string>(text?.Length ?? 0);
        TokenizeInto(text, tokens);
        return tokens;
    }

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="tokens"/> (a list the caller reuses).</summary>
    public static void TokenizeInto(string? text, List<string> tokens)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var normalized = Normalize(text);
        var classes = BmpClasses.Value;
        Span<char> buffer = stackalloc char[128];
        char[]? rented = null;
        var wordLength = 0;
        var runClass = CharacterClass.Separator;
        var runLength = 0;
        var previous = 0;

        foreach (var rune in normalized.EnumerateRunes())
        {
            var cls = rune.IsBmp ? classes[rune.Value] : CharacterClassifier.Classify(rune.Value);
            switch (cls)
            {
                case CharacterClass.Ignorable:
                    break;
                case CharacterClass.Mark:
                    if (runClass == CharacterClass.Word)
                    {
                        Append(rune, ref buffer, ref rented, ref wordLength);
                    }

                    break;
                case CharacterClass.Word:
                    if (runClass != CharacterClass.Word)
                    {
                        EndRun(tokens, runClass, buffer, ref wordLength, runLength, previous);
                        runClass = CharacterClass.Word;
                    }

                    Append(ToLower(rune), ref buffer, ref rented, ref wordLength);
                    break;
                case CharacterClass.Japanese:
                case CharacterClass.Hangul:
                    if (runClass != cls)
                    {
                        EndRun(tokens, runClass, buffer, ref wordLength, runLength, previous);
                        runClass = cls;
                        runLength = 0;
                    }

                    // Katakana and hiragana are one form (the hiragana), so that either spelling finds the other.
                    var value = cls == CharacterClass.Japanese ? CharacterClassifier.FoldKana(rune.Value) : rune.Value;

                    // A run's bigrams come out as the run grows: the same tokens in the same order as cutting it at its end.
                    if (runLength > 0)
                    {
                        tokens.Add(RunToken(previous, value));
                    }

                    previous = value;
                    runLength++;
                    break;
                default:
                    EndRun(tokens, runClass, buffer, ref wordLength, runLength, previous);
                    runClass = CharacterClass.Separator;
                    break;
            }
        }

        EndRun(tokens, runClass, buffer, ref wordLength, runLength, previous);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>NFKC after replacing what .NET cannot normalize (unpaired surrogates, U+FFFE) with spaces.</summary>
    public static string Normalize(string text)
    {
        var wellFormed = ReplaceUnnormalizable(text);
        return wellFormed.IsNormalized(NormalizationForm.FormKC) ? wellFormed : wellFormed.Normalize(NormalizationForm.FormKC);
    }

    internal static Rune ToLower(Rune rune) => rune.Value == 0x130 ? new Rune('i') : Rune.ToLowerInvariant(rune);

    private static void Append(Rune rune, ref Span<char> buffer, ref char[]? rented, ref int length)
    {
        if (length + 2 > buffer.Length)
        {
            var larger = ArrayPool<char>.Shared.Rent(buffer.Length * 2);
            buffer[..length].CopyTo(larger);
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }

            rented = larger;
            buffer = larger;
        }

        length += rune.EncodeToUtf16(buffer[length..]);
    }

    /// <summary>Ends a word (its token) or a kanji/kana or Hangul run (a run of one character is its own token).</summary>
    private static void EndRun(List<string> tokens, CharacterClass runClass, Span<char> buffer, ref int wordLength, int runLength, int previous)
    {
        if (runClass == CharacterClass.Word)
        {
            tokens.Add(WordToken(buffer[..wordLength]));
            wordLength = 0;
        }
        else if (runLength == 1 && runClass is CharacterClass.Japanese or CharacterClass.Hangul)
        {
            tokens.Add(RunToken(-1, previous));
        }
    }

    /// <summary>The token of a word: its stem (<see cref="EnglishStemmer"/>) when it is English-like, else the word.</summary>
    private static string WordToken(ReadOnlySpan<char> word)
    {
        if (WordsBySpan.TryGetValue(word, out var cached))
        {
            return cached;
        }

        var text = word.ToString();
        var token = EnglishStemmer.Applies(word) ? EnglishStemmer.Stem(text) : text;
        if (Volatile.Read(ref _cachedTokens) >= MaxCachedTokens)
        {
            return token;
        }

        if (Words.TryAdd(text, token))
        {
            Interlocked.Increment(ref _cachedTokens);
            return token;
        }

        return Words[text];
    }

    /// <summary>The bigram of two code points, or one code point alone when <paramref name="first"/> is -1.</summary>
    private static string RunToken(int first, int second)
    {
        var key = ((long)(first + 1) << 21) | (uint)second;
        if (Runs.TryGetValue(key, out var cached))
        {
            return cached;
        }

        Span<char> chars = stackalloc char[4];
        var length = first < 0 ? 0 : new Rune(first).EncodeToUtf16(chars);
        length += new Rune(second).EncodeToUtf16(chars[length..]);
        var token = chars[..length].ToString();
        return Volatile.Read(ref _cachedTokens) < MaxCachedTokens ? Cached(Runs.GetOrAdd(key, token), token) : token;
    }

    private static string Cached(string stored, string made)
    {
        if (ReferenceEquals(stored, made))
        {
            Interlocked.Increment(ref _cachedTokens);
        }

        return stored;
    }

    private static string ReplaceUnnormalizable(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                : !char.IsLowSurrogate(c) || (i > 0 && char.IsHighSurrogate(text[i - 1]));
            if (!paired || c == '\uFFFE')
            {
                builder ??= new StringBuilder(text, 0, i, text.Length);
                builder.Append(' ');
            }
            else
            {
                builder?.Append(c);
            }
        }

        return builder?.ToString() ?? text;
    }
}
