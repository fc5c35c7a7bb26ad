using System.Globalization;
using Hub.Formulas.Tree;

namespace Hub.Formulas.Display;

/// <summary>
/// Renders a formula for people: fractions stacked, × − ≤ ≥ ≠, |x|, ⌊x⌋, x², √x, min(...), and every input as
/// <c>&lt;var data-input="name"&gt;label&lt;/var&gt;</c>. Parentheses the stacked layout makes unnecessary are still
/// written, as <c>&lt;span class="hub-lp"&gt;</c>, which the theme hides: without CSS (feeds, reader views, screen
/// readers) the formula still reads correctly in one line. All text is HTML-escaped.
/// </summary>
internal sealed class FormulaHtmlRenderer(Func<string, string> labelOfInput)
{
    private const int Conditional = 1;
    private const int Or = 2;
    private const int And = 3;
    private const int Equality = 4;
    private const int Relational = 5;
    private const int Additive = 6;
    private const int Multiplicative = 7;
    private const int Unary = 8;
    private const int Power = 9;
    private const int Atom = 10;

    public static string Render(FormulaNode root, Func<string, string> labelOfInput) =>
        $"<span class=\"hub-formula\">{new FormulaHtmlRenderer(labelOfInput).Node(root).Html}</span>";

    /// <summary>Visual precedence decides real parentheses; linear precedence (reading the line without the
    /// stacked layout) decides the hidden ones.</summary>
    private readonly record struct Rendered(string Html, int Visual, int Linear)
    {
        public Rendered(string html, int precedence) : this(html, precedence, precedence)
        {
        }
    }

    private Rendered Node(FormulaNode node) => node switch
    {
        InputNode input => new($"<var data-input=\"{Escape(input.Name)}\">{Escape(labelOfInput(input.Name))}</var>", Atom),
        LiteralNode literal => new(Escape(Number(literal)), Atom),
        ConversionNode conversion => Node(conversion.Operand),
        UnaryNode { Operator: UnaryOperator.Plus } unary => Prefix("+", unary.Operand),
        UnaryNode { Operator: UnaryOperator.Minus } unary => Prefix("\u2212", unary.Operand),
        UnaryNode unary => Prefix("\u00ac", unary.Operand),
        BinaryNode { Operator: BinaryOperator.Divide } binary => Fraction(binary),
        BinaryNode binary => Binary(binary),
        ConditionalNode conditional => new(
            $"{Operand(conditional.Condition, Or)} ? {Operand(conditional.WhenTrue, Conditional)} : {Operand(conditional.WhenFalse, Conditional)}",
            Conditional),
        CallNode call => Call(call),
        _ => throw new InvalidOperationException($"No display for {node.GetType().Name}."),
    };

    private Rendered Prefix(string sign, FormulaNode operand) => new(sign + Operand(operand, Unary), Unary);

    private Rendered Binary(BinaryNode binary)
    {
        var (symbol, precedence) = binary.Operator switch
        {
            BinaryOperator.Add => ("+", Additive),
            BinaryOperator.Subtract => ("\u2212", Additive),
            BinaryOperator.Multiply => ("\u00d7", Multiplicative),
            BinaryOperator.Remainder => ("mod", Multiplicative),
            BinaryOperator.Equal => ("=", Equality),
            BinaryOperator.NotEqual => ("\u2260", Equality),
            BinaryOperator.Less => ("<", Relational),
            BinaryOperator.LessOrEqual => ("\u2264", Relational),
            BinaryOperator.Greater => (">", Relational),
            BinaryOperator.GreaterOrEqual => ("\u2265", Relational),
            BinaryOperator.And => ("\u2227", And),
            _ => ("\u2228", Or),
        };
        return new($"{Operand(binary.Left, precedence)} {Escape(symbol)} {Operand(binary.Right, precedence + 1)}", precedence);
    }

    /// <summary>Stacked; read in one line it is <c>num / den</c> with the parentheses that needs.</summary>
    private Rendered Fraction(BinaryNode binary)
    {
        var numerator = Operand(binary.Left, Multiplicative, hiddenOnly: true);
        var denominator = Operand(binary.Right, Unary, hiddenOnly: true);
        return new(
            $"<span class=\"hub-frac\"><span class=\"hub-num\">{numerator}</span><span class=\"hub-bar\"> / </span><span class=\"hub-den\">{denominator}</span></span>",
            Power,
            Multiplicative);
    }

    private Rendered Call(CallNode call)
    {
        var args = call.Arguments;
        string Inner(int i) => Node(args[i]).Html;
        string Grouped(int i) => Operand(args[i], Atom);
        string List() => string.Join(", ", args.Select(a => Node(a).Html));
        return call.Function switch
        {
            MathFunction.Abs => new($"|{Inner(0)}|", Atom),
            MathFunction.Floor => new($"\u230a{Inner(0)}\u230b", Atom),
            MathFunction.Ceiling => new($"\u2308{Inner(0)}\u2309", Atom),
            MathFunction.Pow => new($"{Grouped(0)}<sup>{Inner(1)}</sup>", Power),
            MathFunction.Exp => new($"e<sup>{Inner(0)}</sup>", Power),
            MathFunction.Sqrt => new($"\u221a<span class=\"hub-sqrt\">{Operand(args[0], Atom, hiddenOnly: true)}</span>", Atom, Unary),
            MathFunction.Log when args.Count == 2 => new($"log<sub>{Inner(1)}</sub>({Inner(0)})", Atom),
            MathFunction.Log => new($"ln({Inner(0)})", Atom),
            _ => new($"{call.Function.ToString().ToLowerInvariant()}({List()})", Atom),
        };
    }

    /// <summary>The operand's HTML, in real parentheses when it binds looser than <paramref name="required"/>, or in
    /// hidden ones when only the one-line reading needs them.</summary>
    private string Operand(FormulaNode node, int required, bool hiddenOnly = false)
    {
        var rendered = Node(node);
        if (rendered.Visual < required && !hiddenOnly)
        {
            return $"({rendered.Html})";
        }
        return rendered.Linear < required
            ? $"<span class=\"hub-lp\">(</span>{rendered.Html}<span class=\"hub-lp\">)</span>"
            : rendered.Html;
    }

    private static string Number(LiteralNode literal) => literal.Type == FormulaType.Int
        ? ((int)literal.Value).ToString(CultureInfo.InvariantCulture)
        : literal.Value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Escapes the five HTML-significant characters and nothing else (labels stay readable in the source).</summary>
    internal static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}
