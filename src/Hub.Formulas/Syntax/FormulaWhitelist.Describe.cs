using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hub.Formulas.Syntax;

internal sealed partial class FormulaWhitelist
{
    /// <summary>Names a rejected construct the way an author would say it.</summary>
    private static string Describe(SyntaxNode node) => node.Kind() switch
    {
        SyntaxKind.StringLiteralExpression or SyntaxKind.InterpolatedStringExpression or SyntaxKind.Utf8StringLiteralExpression
            => "a string",
        SyntaxKind.CharacterLiteralExpression => "a character literal",
        SyntaxKind.TrueLiteralExpression => "'true'",
        SyntaxKind.FalseLiteralExpression => "'false'",
        SyntaxKind.NullLiteralExpression => "'null'",
        SyntaxKind.DefaultLiteralExpression or SyntaxKind.DefaultExpression => "'default'",
        SyntaxKind.ObjectCreationExpression or SyntaxKind.ImplicitObjectCreationExpression or SyntaxKind.ArrayCreationExpression
            or SyntaxKind.ImplicitArrayCreationExpression or SyntaxKind.AnonymousObjectCreationExpression
            or SyntaxKind.StackAllocArrayCreationExpression or SyntaxKind.ImplicitStackAllocArrayCreationExpression
            => "'new'",
        SyntaxKind.SimpleLambdaExpression or SyntaxKind.ParenthesizedLambdaExpression or SyntaxKind.AnonymousMethodExpression
            => "a lambda expression",
        SyntaxKind.TypeOfExpression => "'typeof'",
        SyntaxKind.SizeOfExpression => "'sizeof'",
        SyntaxKind.CheckedExpression => "'checked'",
        SyntaxKind.UncheckedExpression => "'unchecked'",
        SyntaxKind.SwitchExpression => "a switch expression",
        SyntaxKind.IsExpression or SyntaxKind.IsPatternExpression => "'is'",
        SyntaxKind.AsExpression => "'as'",
        SyntaxKind.ThrowExpression => "'throw'",
        SyntaxKind.AwaitExpression => "'await'",
        SyntaxKind.ElementAccessExpression or SyntaxKind.ElementBindingExpression => "indexing",
        SyntaxKind.ConditionalAccessExpression => "'?.'",
        SyntaxKind.TupleExpression => "a tuple",
        SyntaxKind.CollectionExpression => "a collection expression",
        SyntaxKind.RangeExpression => "a range",
        SyntaxKind.PostIncrementExpression or SyntaxKind.PostDecrementExpression => "'++' or '--'",
        SyntaxKind.SuppressNullableWarningExpression => "the '!' suffix",
        SyntaxKind.RefExpression => "'ref'",
        SyntaxKind.WithExpression => "'with'",
        SyntaxKind.QueryExpression => "a query",
        SyntaxKind.PointerMemberAccessExpression or SyntaxKind.AddressOfExpression or SyntaxKind.PointerIndirectionExpression
            => "pointer code",
        SyntaxKind.GenericName or SyntaxKind.QualifiedName or SyntaxKind.AliasQualifiedName or SyntaxKind.PredefinedType
            or SyntaxKind.ArrayType or SyntaxKind.NullableType or SyntaxKind.PointerType or SyntaxKind.TupleType
            => $"the type name '{node}'",
        var kind when kind.ToString().EndsWith("AssignmentExpression", StringComparison.Ordinal) => "an assignment",
        var kind => Words(kind.ToString()),
    };

    /// <summary>"MakeRefExpression" -> "a make ref expression".</summary>
    private static string Words(string kind)
    {
        var text = new StringBuilder();
        foreach (var c in kind)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(' ');
            }
            text.Append(char.ToLowerInvariant(c));
        }
        var words = text.ToString();
        return ("aeiou".Contains(words[0], StringComparison.Ordinal) ? "an " : "a ") + words;
    }
}
