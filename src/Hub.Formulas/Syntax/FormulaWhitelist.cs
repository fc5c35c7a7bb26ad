using Hub.Core.Diagnostics;
using Hub.Formulas.Tree;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hub.Formulas.Syntax;

/// <summary>
/// Accepts only the formula language of the contract and reports everything else at its own character.
/// It overrides just the allowed nodes; every other node falls to <see cref="DefaultVisit"/>, which rejects it
/// without looking inside. It runs on the parsed text before Roslyn binds anything, and nothing is ever executed.
/// </summary>
internal sealed partial class FormulaWhitelist : CSharpSyntaxVisitor
{
    /// <summary>Formulas are short; a deeper tree is a mistake or an attack on the stack.</summary>
    public const int MaxDepth = 100;

    private readonly FormulaSource _source;
    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _inputs;
    private int _depth;
    private bool _tooDeep;

    private FormulaWhitelist(FormulaSource source, DiagnosticBag diagnostics)
    {
        _source = source;
        _diagnostics = diagnostics;
        _inputs = new HashSet<string>(source.InputNames, StringComparer.Ordinal);
    }

    private int Errors { get; set; }

    /// <summary>True when <paramref name="expression"/> uses only the formula language.</summary>
    public static bool Validate(ExpressionSyntax expression, FormulaSource source, DiagnosticBag diagnostics)
    {
        var whitelist = new FormulaWhitelist(source, diagnostics);
        whitelist.CheckTrivia(expression);
        whitelist.Visit(expression);
        return whitelist.Errors == 0;
    }

    public override void Visit(SyntaxNode? node)
    {
        if (node is null)
        {
            return;
        }
        _depth++;
        if (_depth > MaxDepth)
        {
            if (!_tooDeep)
            {
                _tooDeep = true;
                Report(DiagnosticCodes.FormulaTooComplex, node.SpanStart, $"formula is nested more than {MaxDepth} levels deep");
            }
        }
        else
        {
            base.Visit(node);
        }
        _depth--;
    }

    public override void DefaultVisit(SyntaxNode node) => NotAllowed(node.SpanStart, Describe(node));

    public override void VisitParenthesizedExpression(ParenthesizedExpressionSyntax node) => Visit(node.Expression);

    public override void VisitLiteralExpression(LiteralExpressionSyntax node)
    {
        if (!node.IsKind(SyntaxKind.NumericLiteralExpression))
        {
            DefaultVisit(node);
            return;
        }
        if (node.Token.Value is not (int or double))
        {
            var type = node.Token.Value switch
            {
                uint or long or ulong when !HasSuffix(node.Token.Text) => "an integer literal larger than int.MaxValue",
                float => "a float literal",
                decimal => "a decimal literal",
                _ => "an integer literal with a type suffix",
            };
            NotAllowed(node.SpanStart, $"'{node.Token.Text}' ({type})", "write integers without a suffix that fit in an int, or a double such as 1.5 or 3e9");
        }
    }

    public override void VisitPrefixUnaryExpression(PrefixUnaryExpressionSyntax node)
    {
        if (node.Kind() is SyntaxKind.UnaryPlusExpression or SyntaxKind.UnaryMinusExpression or SyntaxKind.LogicalNotExpression)
        {
            Visit(node.Operand);
        }
        else
        {
            NotAllowed(node.OperatorToken.SpanStart, $"the operator '{node.OperatorToken.Text}'");
        }
    }

    public override void VisitBinaryExpression(BinaryExpressionSyntax node)
    {
        switch (node.Kind())
        {
            case SyntaxKind.AddExpression:
            case SyntaxKind.SubtractExpression:
            case SyntaxKind.MultiplyExpression:
            case SyntaxKind.DivideExpression:
            case SyntaxKind.ModuloExpression:
            case SyntaxKind.EqualsExpression:
            case SyntaxKind.NotEqualsExpression:
            case SyntaxKind.LessThanExpression:
            case SyntaxKind.LessThanOrEqualExpression:
            case SyntaxKind.GreaterThanExpression:
            case SyntaxKind.GreaterThanOrEqualExpression:
            case SyntaxKind.LogicalAndExpression:
            case SyntaxKind.LogicalOrExpression:
                Visit(node.Left);
                Visit(node.Right);
                break;
            default:
                NotAllowed(node.OperatorToken.SpanStart, $"the operator '{node.OperatorToken.Text}'");
                break;
        }
    }

    public override void VisitConditionalExpression(ConditionalExpressionSyntax node)
    {
        Visit(node.Condition);
        Visit(node.WhenTrue);
        Visit(node.WhenFalse);
    }

    public override void VisitCastExpression(CastExpressionSyntax node)
    {
        if (node.Type is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.DoubleKeyword })
        {
            Visit(node.Expression);
        }
        else
        {
            NotAllowed(node.Type.SpanStart, $"a cast to '{node.Type}'", "only (double) casts are allowed");
        }
    }

    public override void VisitIdentifierName(IdentifierNameSyntax node)
    {
        var token = node.Identifier;
        if (token.Text != token.ValueText)
        {
            NotAllowed(node.SpanStart, $"the escaped identifier '{token.Text}'", $"write the input name as declared: '{token.ValueText}'");
            return;
        }
        var name = token.ValueText;
        if (_inputs.Contains(name))
        {
            return;
        }
        if (name == "Math")
        {
            NotAllowed(node.SpanStart, "'Math' on its own", $"call one of {MathFunctions.List}");
            return;
        }
        var suggestion = DidYouMean.Closest(name, _source.InputNames);
        var message = suggestion is not null
            ? $"unknown input '{name}' in formula; did you mean '{suggestion}'?"
            : _source.InputNames.Count == 0
                ? $"unknown input '{name}' in formula; the KPI declares no inputs"
                : $"unknown input '{name}' in formula; the inputs are {string.Join(", ", _source.InputNames.Select(n => $"'{n}'"))}";
        Report(DiagnosticCodes.UnknownInput, node.SpanStart, message);
    }

    public override void VisitInvocationExpression(InvocationExpressionSyntax node)
    {
        if (node.Expression is MemberAccessExpressionSyntax
            {
                RawKind: (int)SyntaxKind.SimpleMemberAccessExpression,
                Expression: IdentifierNameSyntax { Identifier: { Text: "Math", ValueText: "Math" } },
                Name: IdentifierNameSyntax name,
            }
            && name.Identifier.Text == name.Identifier.ValueText
            && MathFunctions.TryParse(name.Identifier.ValueText, out _))
        {
            foreach (var argument in node.ArgumentList.Arguments)
            {
                if (argument.NameColon is not null || !argument.RefKindKeyword.IsKind(SyntaxKind.None))
                {
                    NotAllowed(argument.SpanStart, $"the argument '{argument}'", "pass plain values, without names or ref/out/in");
                }
                else
                {
                    Visit(argument.Expression);
                }
            }
            return;
        }
        if (node.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" })
        {
            NotAllowed(node.SpanStart, "'nameof'");
            return;
        }
        NotAllowed(node.SpanStart, $"a call to '{Shorten(node.Expression.ToString())}'", $"only {MathFunctions.List} can be called");
    }

    public override void VisitMemberAccessExpression(MemberAccessExpressionSyntax node)
    {
        var text = Shorten(node.ToString());
        if (node.Expression is IdentifierNameSyntax { Identifier.ValueText: "Math" } && MathFunctions.TryParse(node.Name.Identifier.ValueText, out _))
        {
            NotAllowed(node.SpanStart, $"'{text}' without arguments", $"call it: {text}(...)");
            return;
        }
        NotAllowed(node.SpanStart, $"the member access '{text}'", $"only {MathFunctions.List} can be used");
    }

    private void CheckTrivia(ExpressionSyntax expression)
    {
        foreach (var trivia in expression.DescendantTrivia(descendIntoTrivia: true))
        {
            if (!trivia.IsKind(SyntaxKind.WhitespaceTrivia) && !trivia.IsKind(SyntaxKind.EndOfLineTrivia)
                && !trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && !trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
            {
                NotAllowed(trivia.SpanStart, $"'{Shorten(trivia.ToString().Trim())}'", "a formula may contain only spaces, line breaks and comments between its tokens");
                return;
            }
        }
    }

    private void NotAllowed(int offset, string what, string? hint = null) =>
        Report(DiagnosticCodes.FormulaNotAllowed, offset, $"{what} is not allowed in a formula", hint ?? AllowedHint);

    private void Report(Hub.Core.Diagnostics.DiagnosticDescriptor code, int offset, string message, string? hint = null)
    {
        Errors++;
        _diagnostics.Error(code, _source.Locate(offset), message, hint);
    }

    private static bool HasSuffix(string literal) => literal.Length > 0 && literal[^1] is 'u' or 'U' or 'l' or 'L';

    private static string Shorten(string text)
    {
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 40 ? text : text[..37] + "...";
    }

    private static readonly string AllowedHint =
        $"a formula may use its inputs, numbers, + - * / %, comparisons, && || !, ?:, (double) and {MathFunctions.List}";
}
