using Hub.Core.Diagnostics;
using Hub.Site.Tests.Docs;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Hub.Site.Tests.Diagnostics;

/// <summary>docs/diagnostics.md and the diagnostic registry say the same thing about every code.</summary>
public sealed class DiagnosticsDocTests
{
    [Fact]
    public void TheCommittedReferenceIsTheOneGeneratedFromTheRegistry()
    {
        var expected = DiagnosticsReference.Generate();
        if (Environment.GetEnvironmentVariable("HUB_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(DiagnosticsReference.DocPath, expected);
        }
        var committed = File.ReadAllText(DiagnosticsReference.DocPath).ReplaceLineEndings("\n");
        Assert.True(expected == committed,
            "docs/diagnostics.md differs from the diagnostic registry; run HUB_UPDATE_DOCS=1 dotnet test tests/Hub.Site.Tests --filter DiagnosticsDocTests and commit the file");
    }

    [Fact]
    public void EveryCodeHasItsOwnSectionAndRowAndNothingElseDoes()
    {
        var doc = DocFile.Load("diagnostics.md");
        var sections = doc.Document.Descendants<HeadingBlock>().Where(h => h.Level == 2)
            .Select(h => string.Concat(h.Inline!.Descendants<LiteralInline>().Select(l => l.Content.ToString()))).ToList();
        Assert.Equal(DiagnosticCodes.All.Select(d => d.Code).ToList(), sections);
        var rows = doc.Table("Diagnostics reference").Select(r => r.Key).ToList();
        Assert.Equal(DiagnosticCodes.All.Select(d => d.Code).ToList(), rows);
    }
}
