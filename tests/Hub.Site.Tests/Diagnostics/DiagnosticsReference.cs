using System.Text;
using Hub.Cli.Commands;
using Hub.Core.Diagnostics;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Diagnostics;

/// <summary>
/// docs/diagnostics.md as the registry says it should read. The committed file is what readers see; the test compares
/// it with this text, and with <c>HUB_UPDATE_DOCS=1</c> writes it instead.
/// </summary>
internal static class DiagnosticsReference
{
    public static string DocPath => Path.Combine(TestSite.RepoRoot, "docs", "diagnostics.md");

    public static string Generate()
    {
        var text = new StringBuilder();
        text.Append("""
            # Diagnostics reference

            Every diagnostic Hub reports has a code, printed in each line `path(line,col): error HUBnnnn: message (hint)`
            (see [cli.md](cli.md#diagnostics) for the format). This page lists every code with what triggers it and how to
            fix it; `hub explain HUBnnnn` prints the same text in the terminal, and `hub explain` lists the codes.

            The severity is the one a code is usually reported with: warnings do not fail a build unless `--strict` is
            given. This page is generated from Hub's diagnostic registry (`src/Hub.Core/Diagnostics/DiagnosticCodes.cs`);
            a test fails when the two disagree, and `HUB_UPDATE_DOCS=1 dotnet test tests/Hub.Site.Tests --filter
            DiagnosticsDocTests` rewrites this file from the registry.

            | code | severity | title |
            |---|---|---|

            """);
        foreach (var descriptor in DiagnosticCodes.All)
        {
            text.Append($"| [`{descriptor.Code}`](#{descriptor.Code.ToLowerInvariant()}) | {ExplainCommand.SeverityName(descriptor.DefaultSeverity)} | {Escape(descriptor.Title)} |\n");
        }
        foreach (var descriptor in DiagnosticCodes.All)
        {
            text.Append($"\n## {descriptor.Code}\n\n");
            text.Append($"**{Escape(descriptor.Title)}** (default severity: {ExplainCommand.SeverityName(descriptor.DefaultSeverity)})\n\n");
            text.Append(Escape(descriptor.Explanation)).Append('\n');
        }
        return text.ToString().ReplaceLineEndings("\n");
    }

    /// <summary>The registry's text is plain; Markdown would read '*', '_' or '|' in it as markup.</summary>
    private static string Escape(string plain) => plain
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("*", "\\*", StringComparison.Ordinal)
        .Replace("_", "\\_", StringComparison.Ordinal)
        .Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal);
}
