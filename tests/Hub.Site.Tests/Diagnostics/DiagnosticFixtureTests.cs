using System.Text.RegularExpressions;
using Hub.Core.Diagnostics;

namespace Hub.Site.Tests.Diagnostics;

/// <summary>
/// Every registered diagnostic code has an invalid fixture that pins the line it prints: code, file, line and column
/// (file alone for the codes of <see cref="DiagnosticFixtures.FileOnly"/>). A new code without a fixture fails here.
/// </summary>
public sealed partial class DiagnosticFixtureTests
{
    public static TheoryData<string> Codes => new(DiagnosticFixtures.All.Select(f => f.Code));

    [Fact]
    public void EveryRegisteredCodeHasExactlyOneFixture()
    {
        Assert.Equal(
            DiagnosticCodes.All.Select(d => d.Code).ToList(),
            DiagnosticFixtures.All.Select(f => f.Code).Order(StringComparer.Ordinal).ToList());
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void TheFixturePinsItsCodeAtAPlace(string code)
    {
        var fixture = DiagnosticFixtures.All.Single(f => f.Code == code);
        var match = PrintedLine().Match(fixture.Expected);
        Assert.True(match.Success, $"{code}: '{fixture.Expected}' is not a diagnostic line");
        Assert.Equal(code, match.Groups["code"].Value);
        Assert.NotEqual(string.Empty, match.Groups["file"].Value);
        Assert.Equal(!DiagnosticFixtures.FileOnly.Contains(code), match.Groups["line"].Success);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void TheFixtureReportsTheExpectedLine(string code)
    {
        var fixture = DiagnosticFixtures.All.Single(f => f.Code == code);
        var shown = fixture.Run();
        Assert.True(shown.Contains(fixture.Expected, StringComparer.Ordinal),
            $"{code}: expected\n  {fixture.Expected}\namong\n  {string.Join("\n  ", shown)}");
    }

    [GeneratedRegex(@"^(?<file>[^()]+?)(?:\((?<line>[1-9][0-9]*),(?<column>[1-9][0-9]*)\))?: (?:error|warning) (?<code>HUB[0-9]{4}): .+$", RegexOptions.Singleline)]
    private static partial Regex PrintedLine();
}
