using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hub.Formulas.Syntax;

/// <summary>
/// Finds text after a formula's expression. <see cref="SyntaxFactory.ParseExpression"/> keeps tokens that follow
/// the expression as skipped tokens, but drops the trivia before the end of the text with whatever the lexer put in
/// it: a <c>#error</c> or <c>#if false … #endif</c> on the lines after the expression would vanish unseen, so the
/// rest of the text is lexed again here and may hold only spaces, line breaks and comments.
/// </summary>
internal static class TrailingText
{
    /// <summary>The offset in <paramref name="text"/> of the first thing after the expression that is not
    /// white space, a line break or a comment; null when there is none.</summary>
    public static int? Find(ExpressionSyntax expression, string text)
    {
        foreach (var trivia in expression.GetTrailingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.SkippedTokensTrivia))
            {
                return trivia.SpanStart;
            }
        }
        var end = expression.FullSpan.End;
        // Without an expression at all (text that is only directives, say), Roslyn's "expected expression" is the
        // error: nothing can be after an expression that is not there.
        if (end >= text.Length || expression.IsMissing)
        {
            return null;
        }
        var rest = SyntaxFactory.ParseLeadingTrivia(text[end..]);
        foreach (var trivia in rest)
        {
            if (!IsSpaceOrComment(trivia))
            {
                return end + trivia.SpanStart;
            }
        }
        return end + rest.FullSpan.End < text.Length ? end + rest.FullSpan.End : null;
    }

    /// <summary>What the offending text starts with, up to the end of its line, for a message.</summary>
    public static string Describe(string text, int offset)
    {
        var line = text[offset..].Split('\n')[0].Trim();
        return line.Length <= 40 ? line : line[..37] + "...";
    }

    // An unclosed /* comment is lexed as a comment too; it carries the lexer's error, and it is not closed text.
    private static bool IsSpaceOrComment(SyntaxTrivia trivia) =>
        !trivia.ContainsDiagnostics && trivia.Kind() is SyntaxKind.WhitespaceTrivia or SyntaxKind.EndOfLineTrivia
            or SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia
            or SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia;
}
