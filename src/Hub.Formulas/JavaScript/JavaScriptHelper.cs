namespace Hub.Formulas.JavaScript;

/// <summary>The runtime functions the emitted JavaScript calls where JS and C# differ. The script defines only
/// the ones its formulas use, in this order.</summary>
[Flags]
internal enum JavaScriptHelper
{
    None = 0,
    Failed = 1 << 0,
    IntAdd = 1 << 1,
    IntSubtract = 1 << 2,
    IntMultiply = 1 << 3,
    IntDivide = 1 << 4,
    IntRemainder = 1 << 5,
    IntNegate = 1 << 6,
    IntAbs = 1 << 7,
    Clamp = 1 << 8,
    Round = 1 << 9,
    RoundDigits = 1 << 10,
    Log = 1 << 11,
    Pow = 1 << 12,
}

internal static class JavaScriptHelpers
{
    /// <summary>Helpers that stand for a C# exception: they throw FAIL, which the formula turns into NaN.</summary>
    public const JavaScriptHelper Throwing =
        JavaScriptHelper.IntDivide | JavaScriptHelper.IntRemainder | JavaScriptHelper.IntAbs | JavaScriptHelper.Clamp | JavaScriptHelper.RoundDigits;

    /// <summary>The definitions, each a statement of the generated script. They follow System.Math and the C#
    /// specification: int arithmetic wraps to 32 bits and never yields -0, Math.Round rounds half to even, Math.Round
    /// with digits scales by the same power of ten (0..15 digits, |x| &lt; 1e16), Math.Log(a, b) and Math.Pow follow
    /// IEEE 754 where ECMAScript differs (pow(1, NaN) is 1), and Math.Clamp with min &gt; max throws.</summary>
    private static readonly (JavaScriptHelper Helper, string Code)[] Definitions =
    [
        (JavaScriptHelper.Failed, "var FAIL = {};\nh.failed = function (e) { if (e === FAIL) { return NaN; } throw e; };"),
        (JavaScriptHelper.IntAdd, "h.iadd = function (a, b) { return (a + b) | 0; };"),
        (JavaScriptHelper.IntSubtract, "h.isub = function (a, b) { return (a - b) | 0; };"),
        (JavaScriptHelper.IntMultiply, "h.imul = function (a, b) { return Math.imul(a, b); };"),
        (JavaScriptHelper.IntDivide, "h.idiv = function (a, b) { if (b === 0 || (a === -2147483648 && b === -1)) { throw FAIL; } return (a / b) | 0; };"),
        (JavaScriptHelper.IntRemainder, "h.irem = function (a, b) { if (b === 0 || (a === -2147483648 && b === -1)) { throw FAIL; } return (a % b) | 0; };"),
        (JavaScriptHelper.IntNegate, "h.ineg = function (a) { return (-a) | 0; };"),
        (JavaScriptHelper.IntAbs, "h.iabs = function (a) { if (a === -2147483648) { throw FAIL; } return a < 0 ? -a : a; };"),
        (JavaScriptHelper.Clamp, "h.clamp = function (x, min, max) { if (min > max) { throw FAIL; } return x < min ? min : x > max ? max : x; };"),
        (JavaScriptHelper.Round, """
            h.round = function (x) {
              var a = Math.abs(x);
              if (!(a < 4503599627370496)) { return x; }
              var f = Math.floor(a);
              var d = a - f;
              var r = d > 0.5 || (d === 0.5 && f % 2 !== 0) ? f + 1 : f;
              return x < 0 || (x === 0 && 1 / x < 0) ? -r : r;
            };
            """),
        (JavaScriptHelper.RoundDigits, """
            var POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
              10000000000, 100000000000, 1000000000000, 10000000000000, 100000000000000, 1000000000000000];
            h.roundTo = function (x, digits) {
              if (digits < 0 || digits > 15) { throw FAIL; }
              if (Math.abs(x) < 1e16) { var p = POW10[digits]; x = h.round(x * p) / p; }
              return x;
            };
            """),
        (JavaScriptHelper.Log, """
            h.log = function (a, b) {
              if (a !== a) { return a; }
              if (b !== b) { return b; }
              if (b === 1) { return NaN; }
              if (a !== 1 && (b === 0 || b === Infinity)) { return NaN; }
              return Math.log(a) / Math.log(b);
            };
            """),
        (JavaScriptHelper.Pow, "h.pow = function (x, y) { if (x === 1 || (x === -1 && (y === Infinity || y === -Infinity))) { return 1; } return Math.pow(x, y); };"),
    ];

    /// <summary>Adds what the given helpers need themselves.</summary>
    public static JavaScriptHelper Close(JavaScriptHelper helpers)
    {
        if ((helpers & JavaScriptHelper.RoundDigits) != 0)
        {
            helpers |= JavaScriptHelper.Round;
        }
        if ((helpers & Throwing) != 0)
        {
            helpers |= JavaScriptHelper.Failed;
        }
        return helpers;
    }

    public static IEnumerable<string> DefinitionsOf(JavaScriptHelper helpers) =>
        Definitions.Where(d => (helpers & d.Helper) != 0).Select(d => d.Code);
}
