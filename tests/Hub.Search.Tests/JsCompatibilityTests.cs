using System.Text;
using Hub.Search.Lunr;
using Jint;
using Jint.Native;

namespace Hub.Search.Tests;

/// <summary>The small JavaScript semantics the index writer reproduces: Math.round, JSON.stringify, key order.</summary>
public sealed class JsCompatibilityTests
{
    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(1.5, 2)]
    [InlineData(2.5, 3)]
    [InlineData(-0.5, 0)]
    [InlineData(-1.5, -1)]
    [InlineData(12.5, 13)]
    [InlineData(0.49999999999999994, 0)]
    [InlineData(4503599627370495.5, 4503599627370496)]
    public void RoundsLikeMathRound(double x, double expected)
    {
        Assert.Equal(expected, JsMath.Round(x));
    }

    [Fact]
    public void RoundsTiesUpWhereDotNetWouldRoundToEven()
    {
        // 0.0125 * 1000 == 12.5 exactly: lunr keeps 0.013, banker's rounding would give 0.012.
        Assert.Equal(12.5, 0.0125 * 1000);
        Assert.Equal(0.013, JsMath.Round(0.0125 * 1000) / 1000);
        Assert.Equal(0.012, Math.Round(0.0125 * 1000) / 1000);
    }

    [Fact]
    public void WritesNumbersAndStringsLikeJsonStringify()
    {
        var (_, numbers, strings) = Sample();

        // Jint prints integers from 2^53 up exactly (V8 and the spec print shortest digits then zeros).
        var jintNumbers = numbers.Where(n => Math.Abs(n) < 9007199254740992.0).ToList();
        var (oursForJint, _, _) = Sample(jintNumbers);
        var engine = new Engine();
        var values = jintNumbers.Select(n => (JsValue)n).Concat(strings.Select(s => (JsValue)new JsString(s))).ToArray();
        var theirs = engine.Invoke("eval", "(function (a) { return JSON.stringify(a); })").AsFunctionInstance().Call(JsValue.Undefined, [engine.Intrinsics.Array.Construct(values)]).AsString();
        Assert.Equal(theirs, oursForJint);
    }

    [NodeFact]
    public void WritesNumbersAndStringsLikeJsonStringifyInNode()
    {
        var (ours, numbers, strings) = Sample();
        var script = """
            const fs = require('fs');
            const input = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
            const values = input.numbers.map(b => new Float64Array(new BigInt64Array([BigInt(b)]).buffer)[0]).concat(input.strings.map(codes => String.fromCharCode(...codes)));
            fs.writeFileSync(process.argv[4], JSON.stringify(JSON.stringify(values)));
            """;
        var input = System.Text.Json.JsonSerializer.Serialize(new { numbers = numbers.Select(n => BitConverter.DoubleToInt64Bits(n).ToString(System.Globalization.CultureInfo.InvariantCulture)), strings = strings.Select(s => s.Select(c => (int)c)) });
        var node = Node.Run(script, ["-"], input);
        Assert.Equal(System.Text.Json.JsonSerializer.Deserialize<string>(node), ours);
    }

    private static (string Json, List<double> Numbers, List<string> Strings) Sample(List<double>? only = null)
    {
        var random = new Random(3);
        var numbers = new List<double> { 0, 1, -1, 0.1, 0.001, 1e-6, 1e-7, 1.5e-7, 1.2345678901234568e20, 1e21, 1.7976931348623157e308, 5e-324, 2.5, 1234.5678, 100, 1e15, 1e16 };
        for (var i = 0; i < 2000; i++)
        {
            numbers.Add(BitConverter.Int64BitsToDouble(random.NextInt64()));
            numbers.Add(Math.Round(random.NextDouble() * 30, 3));
            numbers.Add(random.Next(0, 200000));
        }

        var strings = new List<string> { "", "\"", "\\", "\b\f\n\r\t", "\u0000\u001f\u007f", "\u2028\u2029", "</script>", "日本語", "𠮷", "\ud800", "a\udc00b", "\udbff\udfff" };
        numbers = only ?? numbers.Where(double.IsFinite).ToList();
        var ours = new StringBuilder("[");
        foreach (var n in numbers)
        {
            JsonText.WriteNumber(ours, n);
            ours.Append(',');
        }

        foreach (var s in strings)
        {
            JsonText.WriteString(ours, s);
            ours.Append(',');
        }

        ours.Length--;
        ours.Append(']');
        return (ours.ToString(), numbers, strings);
    }

    [Fact]
    public void OrdersObjectKeysLikeJavaScript()
    {
        string[] keys = ["b", "10", "2", "01", "a", "0", "4294967294", "4294967295", "-1"];
        Assert.Equal(["0", "2", "10", "4294967294", "b", "01", "a", "4294967295", "-1"], JsObjectKeys.Order(keys));
    }
}
