using System.Globalization;

namespace Hub.Formulas.Tests.Support;

/// <summary>
/// Generates random formulas of the formula language that type-check in C#, over inputs a, b and c: int literal
/// arithmetic (constant and not), doubles, conditions, casts and every Math function and overload. Parentheses
/// are placed by precedence (plus some redundant ones), so the tree C# parses is the one generated.
/// </summary>
internal sealed class RandomFormulas(int seed)
{
    public static readonly string[] Inputs = ["a", "b", "c"];

    private const int Conditional = 1;
    private const int Or = 2;
    private const int And = 3;
    private const int Equality = 4;
    private const int Relational = 5;
    private const int Additive = 6;
    private const int Multiplicative = 7;
    private const int Unary = 8;
    private const int Primary = 10;

    private static readonly string[] IntLiterals = ["0", "1", "2", "3", "5", "7", "10", "16", "100", "1000", "46341", "65536", "2147483647", "0x7FFFFFFF", "1_000"];

    private static readonly string[] DoubleLiterals =
        ["0.0", "0.5", "1.5", "2.5", "0.1", "3.0", "100.0", "1e308", "1e-308", "5e-324", "1e16", "0.125", "1E3", "2.675", "1.005", "123.456", "4503599627370497.0", "2d"];

    private static readonly double[] EdgeValues =
    [
        0, -0.0, 1, -1, 0.5, -0.5, 1.5, 2.5, -2.5, 3, 1e308, -1e308, double.Epsilon, -double.Epsilon, double.NaN,
        double.PositiveInfinity, double.NegativeInfinity, 2147483648, -2147483649, 1e16, 0.125, 2.675, 0.1, 1e-300,
        4503599627370495.5, 123.456, 12, 400, double.MaxValue, 1.0000000000000002, 0.49999999999999994,
    ];

    private readonly Random _random = new(seed);

    public IReadOnlyList<double> EdgeValueList => EdgeValues;

    public string Next(int maxDepth = 5) => _random.Next(5) == 0 ? Int(maxDepth).Text : Double(maxDepth).Text;

    /// <summary>Input values: edge values half of the time, otherwise numbers of several shapes.</summary>
    public Dictionary<string, double> NextInputs() => Inputs.ToDictionary(n => n, _ => NextValue());

    public double NextValue() => _random.Next(6) switch
    {
        0 or 1 or 2 => EdgeValues[_random.Next(EdgeValues.Length)],
        3 => System.Math.Round(_random.NextDouble() * 2000 - 1000, _random.Next(4)),
        4 => (_random.Next(-64, 64)) / 8.0,
        _ => BitConverter.Int64BitsToDouble(_random.NextInt64()),
    };

    private (string Text, int Precedence) Double(int depth)
    {
        if (depth <= 0 || _random.Next(4) == 0)
        {
            return _random.Next(3) == 0 ? (Pick(DoubleLiterals), Primary) : (Pick(Inputs), Primary);
        }
        var d = depth - 1;
        switch (_random.Next(12))
        {
            case 0:
            case 1:
            case 2:
                {
                    var (left, right) = _random.Next(4) switch
                    {
                        0 => (Double(d), Int(d)),
                        1 => (Int(d), Double(d)),
                        _ => (Double(d), Double(d)),
                    };
                    return Binary(left, right, Pick(["+", "-", "*", "/", "%"]));
                }
            case 3:
                return Prefix(_random.Next(4) == 0 ? "+" : "-", Double(d));
            case 4:
                return ($"{Operand(Bool(d), Or)} ? {Operand(Double(d), Conditional)} : {Operand(Number(d), Conditional)}", Conditional);
            case 5:
                return ($"(double){Operand(Int(d), Unary)}", Unary);
            default:
                return Call(d);
        }
    }

    private (string Text, int Precedence) Call(int d)
    {
        return _random.Next(14) switch
        {
            0 => MathCall("Min", Double(d), Number(d)),
            1 => MathCall("Max", Number(d), Double(d)),
            2 => MathCall("Abs", Double(d)),
            3 => MathCall("Clamp", Double(d), Number(d), Number(d)),
            4 => MathCall("Round", Double(d)),
            5 => MathCall("Round", Double(d), _random.Next(3) == 0 ? Int(d) : (Pick(["0", "1", "2", "3", "15", "16"]), Primary)),
            6 => MathCall("Floor", Double(d)),
            7 => MathCall("Ceiling", Double(d)),
            8 => MathCall("Pow", Number(d), Number(d)),
            9 => MathCall("Sqrt", Number(d)),
            10 => MathCall("Log", Number(d)),
            11 => MathCall("Log", Number(d), Number(d)),
            12 => MathCall("Exp", Number(d)),
            _ => MathCall("Clamp", Number(d), Double(d), Number(d)),
        };
    }

    private (string Text, int Precedence) Int(int depth)
    {
        if (depth <= 0 || _random.Next(3) == 0)
        {
            return (Pick(IntLiterals), Primary);
        }
        var d = depth - 1;
        return _random.Next(9) switch
        {
            0 or 1 or 2 => Binary(Int(d), Int(d), Pick(["+", "-", "*", "/", "%"])),
            3 => Prefix("-", Int(d)),
            4 => ($"{Operand(Bool(d), Or)} ? {Operand(Int(d), Conditional)} : {Operand(Int(d), Conditional)}", Conditional),
            5 => MathCall(Pick(["Min", "Max"]), Int(d), Int(d)),
            6 => MathCall("Abs", Int(d)),
            7 => MathCall("Clamp", Int(d), Int(d), Int(d)),
            _ => Binary(Int(d), MathCall("Abs", Int(d)), Pick(["+", "-", "*", "/", "%"])),
        };
    }

    private (string Text, int Precedence) Bool(int depth)
    {
        var d = System.Math.Max(depth - 1, 0);
        return _random.Next(depth <= 0 ? 2 : 7) switch
        {
            0 or 1 => Binary(Number(d), Number(d), Pick(["<", "<=", ">", ">=", "==", "!="])),
            2 => Binary(Bool(d), Bool(d), "&&"),
            3 => Binary(Bool(d), Bool(d), "||"),
            4 => Prefix("!", Bool(d)),
            5 => Binary(Bool(d), Bool(d), Pick(["==", "!="])),
            _ => Binary(Double(d), Number(d), Pick(["<", ">="])),
        };
    }

    private (string Text, int Precedence) Number(int depth) => _random.Next(3) == 0 ? Int(depth) : Double(depth);

    private (string Text, int Precedence) Binary((string Text, int Precedence) left, (string Text, int Precedence) right, string op)
    {
        var precedence = op switch
        {
            "*" or "/" or "%" => Multiplicative,
            "+" or "-" => Additive,
            "<" or "<=" or ">" or ">=" => Relational,
            "==" or "!=" => Equality,
            "&&" => And,
            _ => Or,
        };
        // C# relational and equality operators are left-associative but a bool operand of < is a type error,
        // and a == b == c compares a bool with a number: parenthesize operands of comparisons fully.
        var leftRequired = precedence is Relational or Equality ? precedence + 1 : precedence;
        return ($"{Operand(left, leftRequired)} {op} {Operand(right, precedence + 1)}", precedence);
    }

    private (string Text, int Precedence) Prefix(string op, (string Text, int Precedence) operand)
    {
        var text = Operand(operand, Unary);
        if (text.StartsWith('-') || text.StartsWith('+'))
        {
            text = $"({text})";
        }
        return (op + text, Unary);
    }

    private (string Text, int Precedence) MathCall(string name, params (string Text, int Precedence)[] args) =>
        ($"Math.{name}({string.Join(", ", args.Select(a => a.Text))})", Primary);

    private string Operand((string Text, int Precedence) operand, int required) =>
        operand.Precedence < required || (operand.Precedence < Primary && _random.Next(6) == 0) ? $"({operand.Text})" : operand.Text;

    private string Pick(string[] options) => options[_random.Next(options.Length)];

    public static string Format(IReadOnlyDictionary<string, double> inputs) =>
        string.Join(", ", inputs.Select(p => $"{p.Key}={Bits.Show(p.Value)}"));

    public static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
