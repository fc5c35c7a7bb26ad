using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Catalogues;

/// <summary>Invalid catalogues: every error pinned by code, line and column in the YAML file.</summary>
public sealed class CatalogueDiagnosticTests
{
    private static List<string> Diagnostics(string catalogue)
    {
        var files = new Dictionary<string, string>
        {
            ["kpis/churn-rate.md"] = Fixtures.Basic()["kpis/churn-rate.md"],
            ["catalogues/bad.yml"] = catalogue,
        };
        using var site = new TestSite(files);
        var result = site.Build();
        return site.Shown(result);
    }

    [Fact]
    public void AValidCatalogueBuildsWithoutDiagnostics()
    {
        using var site = new TestSite(CatalogueFixtures.Site());
        var result = site.Build(strict: true);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void UnknownKeysAtEveryLevel()
    {
        var errors = Diagnostics("""
            title: T
            audience: recruiter
            colour: red
            facets:
              phase:
                - { id: first, label: First, order: 1 }
            questions:
              - id: q-01
                text: One
                phase: first
                lookfor: [x]
            """);
        Assert.Equal(
        [
            "catalogues/bad.yml(2,11): error HUB0105: audience 'recruiter' must be interviewer or candidate",
            "catalogues/bad.yml(3,1): error HUB0104: unknown key 'colour' in a catalogue",
            "catalogues/bad.yml(6,34): error HUB0104: unknown key 'order' in a value of facet 'phase'",
            "catalogues/bad.yml(11,5): error HUB0104: unknown key 'lookfor' in a question (did you mean 'lookFor'?)",
        ], errors);
    }

    [Fact]
    public void AllMustBeABooleanAndOneValuePerFacet()
    {
        var errors = Diagnostics("""
            title: T
            facets:
              role:
                - { id: is, all: yes-please }
                - { id: any, all: true }
                - { id: every, label: Every, all: true }
            questions:
              - id: q-01
                text: One
                role: any
            """);
        Assert.Equal(
        [
            "catalogues/bad.yml(4,22): error HUB0105: 'all' must be true or false",
            "catalogues/bad.yml(6,39): error HUB0105: facet 'role' already has a value that matches every filter ('any') (remove 'all: true' from 'every')",
        ], errors);
    }

    [Fact]
    public void MissingIdTextAndQuestions()
    {
        Assert.Equal(["catalogues/bad.yml(1,1): error HUB0103: 'questions' is required"], Diagnostics("title: T\n"));
        var errors = Diagnostics("""
            title: T
            questions:
              - id: q-01
              - text: No id
              - id: q-03
                text: ""
            """);
        Assert.Equal(
        [
            "catalogues/bad.yml(3,5): error HUB0103: 'text' is required",
            "catalogues/bad.yml(4,5): error HUB0103: 'id' is required",
            "catalogues/bad.yml(6,11): error HUB0103: 'text' is required",
        ], errors);
    }

    [Fact]
    public void DuplicateIdsInQuestionsAndFacetValues()
    {
        var errors = Diagnostics("""
            title: T
            facets:
              category:
                - { id: risk, label: Risk }
                - { id: risk, label: Risk again }
            questions:
              - id: q-01
                text: One
              - id: q-02
                text: Two
              - id: q-01
                text: Three
            """);
        Assert.Equal(
        [
            "catalogues/bad.yml(5,13): error HUB0301: facet 'category' declares value 'risk' twice",
            "catalogues/bad.yml(11,9): error HUB0301: duplicate question id 'q-01' (first used at line 7)",
        ], errors);
    }

    [Fact]
    public void UndeclaredFacetValuesArePointedAtInListsToo()
    {
        var errors = Diagnostics("""
            title: T
            facets:
              role:
                - { id: cs, label: CS }
                - { id: fs, label: FS }
            questions:
              - id: q-01
                text: One
                role: [cs, fx, xyz]
            """);
        Assert.Equal(
        [
            "catalogues/bad.yml(9,16): error HUB0302: 'fx' is not a declared value of facet 'role' (did you mean 'fs'?)",
            "catalogues/bad.yml(9,20): error HUB0302: 'xyz' is not a declared value of facet 'role' (declare it under facets.role)",
        ], errors);
    }

    [Fact]
    public void IdsThatCannotBeAnchorsOrClashWithThePage()
    {
        var errors = Diagnostics("""
            title: T
            questions:
              - id: 1st
                text: One
              - id: main
                text: Two
              - id: catalogue-kit
                text: Three
              - id: q 4
                text: Four
            """);
        Assert.Equal(
        [
            "catalogues/bad.yml(3,9): error HUB0303: question id '1st' must start with a letter and use only letters, digits, '-' and '_'",
            "catalogues/bad.yml(5,9): error HUB0303: question id 'main' is already used by the page itself (choose another id (not 'catalogue-…'))",
            "catalogues/bad.yml(7,9): error HUB0303: question id 'catalogue-kit' is already used by the page itself (choose another id (not 'catalogue-…'))",
            "catalogues/bad.yml(9,9): error HUB0303: question id 'q 4' must start with a letter and use only letters, digits, '-' and '_'",
        ], errors);
    }

    [Fact]
    public void UnknownKpisAreReportedAtTheListItem()
    {
        var errors = Diagnostics("""
            title: T
            questions:
              - id: q-01
                text: One
                kpis: [churn-rate, churn-rat, nps]
            """);
        Assert.Equal(
        [
            "catalogues/bad.yml(5,24): error HUB0304: question 'q-01' names KPI 'churn-rat', which has no page (did you mean 'churn-rate'?)",
            "catalogues/bad.yml(5,35): error HUB0304: question 'q-01' names KPI 'nps', which has no page",
        ], errors);
    }

    [Fact]
    public void FacetNamesThatTheUrlOrTheQuestionsAlreadyUse()
    {
        var errors = Diagnostics("""
            title: T
            facets:
              q:
                - { id: a, label: A }
              kit:
                - { id: b, label: B }
              tags:
                - { id: c, label: C }
            questions:
              - id: q-01
                text: One
            """);
        Assert.Equal(
        [
            "catalogues/bad.yml(3,3): error HUB0305: 'q' cannot be a facet name: the page's URL uses '?q=' for its own state (rename the facet)",
            "catalogues/bad.yml(5,3): error HUB0305: 'kit' cannot be a facet name: the page's URL uses '?kit=' for its own state (rename the facet)",
            "catalogues/bad.yml(7,3): error HUB0105: 'tags' is a question key and cannot be a facet name",
        ], errors);
    }

    [Fact]
    public void WrongShapesAreErrorsNotCrashes()
    {
        var errors = Diagnostics("""
            title: T
            facets: [category]
            questions:
              - id: q-01
                text: [not, text]
                lookFor: { a: b }
              - just a string
            """);
        Assert.Equal(
        [
            "catalogues/bad.yml(2,9): error HUB0105: 'facets' must be a mapping of keys to values",
            "catalogues/bad.yml(5,11): error HUB0105: 'text' must be a text value",
            "catalogues/bad.yml(7,5): error HUB0105: each item of 'questions' must be a mapping",
        ], errors);
    }

    [Fact]
    public void YamlSyntaxErrorsAndDuplicateKeysAreLocated()
    {
        var errors = Diagnostics("title: T\nquestions:\n  - id: q-01\n    text: One\n    text: Two\n");
        var error = Assert.Single(errors);
        Assert.StartsWith("catalogues/bad.yml(5,5): error HUB0101: invalid YAML", error, StringComparison.Ordinal);
    }
}
