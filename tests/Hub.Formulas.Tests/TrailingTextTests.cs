using Hub.Formulas.Tests.Support;

namespace Hub.Formulas.Tests;

/// <summary>After the expression a formula may have only spaces, line breaks and comments: Roslyn's expression parser
/// drops what the lexer finds after the last token, so a directive there would otherwise pass unseen.</summary>
public sealed class TrailingTextTests
{
    private const string Hint = "a formula is one C# expression; only spaces, line breaks and comments may follow it";

    [Theory]
    [InlineData("a\n#error stop", 10, 3, "#error stop")]
    [InlineData("a // fine\n#if false\nb\n#endif", 10, 3, "#if false")]
    [InlineData("a\n  #warning w", 10, 5, "#warning w")]
    [InlineData("a; a", 9, 11, "; a")]
    [InlineData("a * 2 a", 9, 16, "a")]
    [InlineData("a /* fine */\n/* not closed", 10, 3, "/* not closed")]
    [InlineData("(a + 1) 1e400", 9, 18, "1e400")]
    public void Text_after_the_expression_is_an_error_at_its_character(string expression, int line, int column, string what)
    {
        var (formula, diagnostics) = TestSources.Check(expression, "a", "b");

        Assert.Null(formula);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal($"{TestSources.File}({line},{column}): error HUB0208: unexpected '{what}' after the formula's expression ({Hint})", diagnostic.ToString());
    }

    [Theory]
    [InlineData("a // a comment")]
    [InlineData("a\n// a comment\n\n  /* and another */\n")]
    [InlineData("a /* inline */ + b\n   \n")]
    [InlineData("a\n/// a documentation comment")]
    public void Spaces_line_breaks_and_comments_may_follow(string expression)
    {
        var (formula, diagnostics) = TestSources.Check(expression, "a", "b");

        Assert.NotNull(formula);
        Assert.Empty(diagnostics);
    }
}
