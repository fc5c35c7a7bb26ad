using Hub.Core.Diagnostics;

namespace Hub.Site.Tests.Diagnostics;

/// <summary>The one "did you mean" rule every diagnostic uses.</summary>
public sealed class DidYouMeanTests
{
    [Theory]
    [InlineData("titel", "title")] // a swap of neighbours is one edit
    [InlineData("Title", "title")] // letter case does not count
    [InlineData("customer", "customers")]
    [InlineData("churn-rat", "churn-rate")]
    [InlineData("見出しx", "見出し")]
    public void SuggestsTheClosestCandidate(string unknown, string expected) =>
        Assert.Equal(expected, DidYouMean.Closest(unknown, ["summary", "title", "customers", "churn-rate", "見出し", "tags"]));

    [Theory]
    [InlineData("x")] // one letter from nothing close
    [InlineData("revenue")] // far from every candidate
    public void SuggestsNothingWhenNoCandidateIsClose(string unknown) =>
        Assert.Null(DidYouMean.Closest(unknown, ["summary", "title", "customers", "tags"]));

    [Fact]
    public void TiesGoToTheFirstCandidateInOrdinalOrderWhateverTheOrderGiven()
    {
        Assert.Equal("car", DidYouMean.Closest("cay", ["car", "cat"]));
        Assert.Equal("car", DidYouMean.Closest("cay", ["cat", "car"]));
    }

    [Fact]
    public void TheHintQuotesTheSuggestionAfterItsPrefix()
    {
        Assert.Equal("did you mean '#next-steps'?", DidYouMean.Hint("next-step", ["next-steps"], "#"));
        Assert.Null(DidYouMean.Hint("zzz", ["next-steps"]));
    }
}
