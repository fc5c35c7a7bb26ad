namespace Hub.Bench.Corpus;

/// <summary>
/// SplitMix64: a tiny seeded generator whose sequence never depends on the runtime's version, so the same seed
/// writes the same corpus everywhere.
/// </summary>
public sealed class Prng(ulong seed)
{
    private ulong _state = seed;

    public ulong NextULong()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, max).</summary>
    public int Next(int max) => (int)(NextULong() % (ulong)max);

    /// <summary>A number in [min, max].</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public bool Chance(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A generator for item <paramref name="index"/> that does not depend on how much others consumed.</summary>
    public static Prng For(ulong seed, string stream, int index)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in stream)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return new Prng(seed ^ hash ^ ((ulong)index * 0xD1B54A32D192ED03UL));
    }
}
