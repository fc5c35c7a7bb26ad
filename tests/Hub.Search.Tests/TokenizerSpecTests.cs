using Hub.Search;
using Jint;

namespace Hub.Search.Tests;

public sealed class TokenizerSpecTests
{
    private static readonly Lazy<Engine> Js = new(() => JsEnvironment.Create(withLunr: false));

    public static IEnumerable<object[]> Cases() => SpecFile.TokenizerCases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void CSharpTokenizerFollowsSpec(string where, string input, string expected)
    {
        Assert.True(expected == string.Join(" ", SearchTokenizer.Tokenize(input)), $"{where}: got [{string.Join(" ", SearchTokenizer.Tokenize(input))}]");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void JavaScriptTokenizerFollowsSpec(string where, string input, string expected)
    {
        string actual;
        lock (Js)
        {
            actual = Js.Value.Invoke("__tokenizeJoined", input).AsString();
        }

        Assert.True(expected == actual, $"{where}: got [{actual}]");
    }

    static TokenizerSpecTests()
    {
        Js.Value.Execute("function __tokenizeJoined(s) { return HubSearchTokenizer.tokenize(s).join(' '); }");
    }
}
