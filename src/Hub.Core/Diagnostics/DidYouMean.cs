namespace Hub.Core.Diagnostics;

/// <summary>
/// The one "did you mean …?" rule of every diagnostic that names something unknown (keys, inputs, slugs, anchors,
/// files, facets): the closest candidate, compared without regard to case, counting an insertion, a deletion, a
/// substitution or a swap of two neighbouring characters as one edit, allowed up to a third of the unknown name's length
/// (at least one). A candidate equal but for case always wins; ties go to the candidate first in ordinal order so the
/// suggestion does not depend on the order the candidates were found in.
/// </summary>
public static class DidYouMean
{
    /// <summary>The candidate <paramref name="unknown"/> most likely meant, or null when none is close enough.</summary>
    public static string? Closest(string unknown, IEnumerable<string> candidates)
    {
        var lowered = unknown.ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal))
        {
            var distance = Distance(lowered, candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best is not null && bestDistance <= Math.Max(1, unknown.Length / 3) ? best : null;
    }

    /// <summary>The hint <c>did you mean '…'?</c> for the closest candidate (written after <paramref name="prefix"/>, e.g. '#'), or null.</summary>
    public static string? Hint(string unknown, IEnumerable<string> candidates, string prefix = "") =>
        Closest(unknown, candidates) is { } best ? $"did you mean '{prefix}{best}'?" : null;

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
