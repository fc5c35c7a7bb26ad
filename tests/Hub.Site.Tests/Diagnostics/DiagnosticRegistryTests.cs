using System.Reflection;
using System.Text.RegularExpressions;
using Hub.Core.Diagnostics;

namespace Hub.Site.Tests.Diagnostics;

/// <summary>The registry holds every descriptor once, with a well-formed code and text <c>hub explain</c> can show.</summary>
public sealed partial class DiagnosticRegistryTests
{
    [Fact]
    public void EveryDescriptorDeclaredIsRegisteredOnceAndCodesAreUnique()
    {
        var declared = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(declared, DiagnosticCodes.All);
        Assert.Equal(DiagnosticCodes.All.Count, DiagnosticCodes.All.Select(d => d.Code).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void CodesTitlesAndExplanationsAreWellFormed()
    {
        Assert.All(DiagnosticCodes.All, d =>
        {
            Assert.Matches(CodePattern(), d.Code);
            Assert.False(string.IsNullOrWhiteSpace(d.Title), d.Code);
            Assert.False(d.Title.EndsWith('.'), $"{d.Code}: a title is not a sentence with a full stop");
            Assert.True(d.Explanation.EndsWith('.') && d.Explanation.Length > d.Title.Length, $"{d.Code}: the explanation is a paragraph");
            Assert.DoesNotContain('\n', d.Explanation);
        });
    }

    [Fact]
    public void FindAcceptsAnyCaseAndRefusesUnknownCodes()
    {
        Assert.Same(DiagnosticCodes.BrokenLink, DiagnosticCodes.Find("hub0401"));
        Assert.Null(DiagnosticCodes.Find("HUB0400"));
    }

    [Fact]
    public void ADiagnosticCreatedFromADescriptorCarriesItsCodeAndDefaultSeverity()
    {
        var location = new SourceLocation("articles/a.md", 3, 7);
        Assert.Equal("articles/a.md(3,7): warning HUB0104: unknown key 'x' (did you mean 'y'?)",
            DiagnosticCodes.UnknownKey.Create(location, "unknown key 'x'", "did you mean 'y'?").ToString());
        var bag = new DiagnosticBag();
        bag.Error(DiagnosticCodes.UnknownKey, location, "unknown key 'x'");
        bag.Report(DiagnosticCodes.BrokenLink, location, "link to 'b.md' points to a missing file");
        Assert.Equal([Severity.Error, Severity.Error], bag.Sorted().Select(d => d.Severity));
        Assert.Equal(["HUB0104", "HUB0401"], bag.Sorted().Select(d => d.Code));
    }

    [GeneratedRegex("^HUB[0-9]{4}$")]
    private static partial Regex CodePattern();
}
