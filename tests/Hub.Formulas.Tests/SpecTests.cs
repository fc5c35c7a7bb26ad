using Hub.Formulas.Tests.Support;

namespace Hub.Formulas.Tests;

/// <summary>The spec files pin what Hub emits for a formula: JavaScript (Specs/javascript.md) and display HTML
/// (Specs/display.md, where every input's label is its name in capitals).</summary>
public sealed class SpecTests
{
    public static TheoryData<string> JavaScript => new(SpecFile.Read("javascript.md").Select(e => e.Name));

    public static TheoryData<string> Display => new(SpecFile.Read("display.md").Select(e => e.Name));

    [Theory]
    [MemberData(nameof(JavaScript))]
    public void Formula_to_JavaScript(string name)
    {
        var example = SpecFile.Read("javascript.md").Single(e => e.Name == name);
        var formula = TestSources.Checked(example.Input, [.. example.Inputs]);

        Assert.Equal(example.Expected, formula.JavaScriptBody);
    }

    [Theory]
    [MemberData(nameof(Display))]
    public void Formula_to_display_HTML(string name)
    {
        var example = SpecFile.Read("display.md").Single(e => e.Name == name);
        var formula = TestSources.Checked(example.Input, [.. example.Inputs]);

        Assert.Equal(example.Expected, formula.ToDisplayHtml(name => name.ToUpperInvariant()));
    }

    [Fact]
    public void Spec_files_have_examples()
    {
        Assert.True(JavaScript.Count >= 40);
        Assert.True(Display.Count >= 15);
    }
}
