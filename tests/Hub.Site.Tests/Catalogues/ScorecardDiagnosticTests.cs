using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Catalogues;

/// <summary>Invalid scorecards: every error pinned by code, line and column in the YAML file.</summary>
public sealed class ScorecardDiagnosticTests
{
    private static List<string> Diagnostics(string catalogue)
    {
        using var site = new TestSite(new Dictionary<string, string> { ["catalogues/bad.yml"] = catalogue });
        return site.Shown(site.Build());
    }

    [Fact]
    public void MalformedScalesLabelsAndRubrics()
    {
        var errors = Diagnostics("""
            title: T
            scorecard:
              scale: 5
              labels: [No, Maybe, Yes]
              colour: red
              attributes:
                - { id: judgement, label: Judgement, rubric: [a, b, c, d] }
                - { id: judgement, label: Again }
                - { id: 2nd, label: Second }
                - { id: care, label: Care, rubric: [a, b, c, d, e], weight: 2 }
            questions:
              - id: q-01
                text: One
                attributes: [judgement, care]
            """);
        Assert.Equal(
        [
            "catalogues/bad.yml(4,11): error HUB0308: a 5-point scale needs 5 labels, lowest first; 'labels' has 3",
            "catalogues/bad.yml(5,3): error HUB0104: unknown key 'colour' in a scorecard",
            "catalogues/bad.yml(7,50): error HUB0308: attribute 'judgement' has 4 rubric anchors for a 5-point scale (write one per point, lowest first (5))",
            "catalogues/bad.yml(8,13): error HUB0301: the scorecard declares attribute 'judgement' twice (first declared at line 7)",
            "catalogues/bad.yml(9,13): error HUB0105: attribute id '2nd' must start with a letter and use only letters, digits, '-' and '_'",
            "catalogues/bad.yml(10,57): error HUB0104: unknown key 'weight' in a scorecard attribute",
        ], errors);
    }

    [Fact]
    public void QuestionsMustNameDeclaredAttributesAndOnlyWithAScorecard()
    {
        var errors = Diagnostics("""
            title: T
            scorecard:
              attributes:
                - { id: judgement, label: Judgement }
                - { id: teamwork, label: Teamwork }
            questions:
              - id: q-01
                text: One
                attributes: [teamwrok]
              - id: q-02
                text: Two
            """);
        Assert.Equal(
        [
            "catalogues/bad.yml(9,18): error HUB0306: question 'q-01' names attribute 'teamwrok', which the scorecard does not declare (did you mean 'teamwork'?)",
            "catalogues/bad.yml(10,9): error HUB0307: question 'q-02' names no scorecard attribute (add 'attributes: [judgement]')",
        ], errors);

        Assert.Equal(
        [
            "catalogues/bad.yml(5,18): error HUB0306: question 'q-01' names attribute 'judgement', but the catalogue declares no scorecard (declare the attributes under 'scorecard:')",
        ], Diagnostics("""
            title: T
            questions:
              - id: q-01
                text: One
                attributes: [judgement]
            """));
    }

    [Fact]
    public void AScorecardNeedsAttributesAndANumericScale()
    {
        Assert.Equal(
        [
            "catalogues/bad.yml(3,10): error HUB0308: scale 'four' must be 4 or 5 points (leave it out for the default: 4 points with no neutral middle)",
            "catalogues/bad.yml(4,15): error HUB0103: a scorecard needs at least one attribute",
        ], Diagnostics("""
            title: T
            scorecard:
              scale: four
              attributes: []
            questions:
              - id: q-01
                text: One
            """));
    }
}
