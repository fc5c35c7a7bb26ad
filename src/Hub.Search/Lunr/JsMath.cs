namespace Hub.Search.Lunr;

internal static class JsMath
{
    /// <summary>JavaScript's <c>Math.round</c>: ties go towards +∞ (not .NET's banker's rounding).</summary>
    public static double Round(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x))
        {
            return x;
        }

        var floor = Math.Floor(x);
        return x - floor >= 0.5 ? floor + 1 : floor;
    }
}
