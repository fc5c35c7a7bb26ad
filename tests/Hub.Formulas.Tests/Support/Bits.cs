using System.Globalization;

namespace Hub.Formulas.Tests.Support;

internal static class Bits
{
    /// <summary>Same double, bit for bit (so 0 and -0 differ), except that every NaN equals every NaN.</summary>
    public static bool Same(double a, double b) =>
        (double.IsNaN(a) && double.IsNaN(b)) || BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    public static string Show(double value) =>
        value == 0 && double.IsNegative(value) ? "-0" : value.ToString("R", CultureInfo.InvariantCulture);
}
