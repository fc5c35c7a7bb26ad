using System.CommandLine;
using System.Globalization;
using Hub.Cli.Commands;

namespace Hub.Site.Tests.Docs;

/// <summary>
/// Keeps docs/cli.md and the command line in step: one <c>### hub …</c> heading per command, with a table of its
/// arguments and of its options (first column: the spelling), each default as the parser has it.
/// </summary>
public sealed class CliReferenceTests
{
    private static readonly DocFile Doc = DocFile.Load("cli.md");

    private static readonly RootCommand Root = HubCommandLine.CreateRoot(new CliConsole(TextWriter.Null, TextWriter.Null));

    [Fact]
    public void EveryCommandIsDocumentedAndEveryDocumentedCommandExists()
    {
        var commands = Commands().Select(c => c.Heading).Order(StringComparer.Ordinal).ToList();
        var documented = Doc.Rows().Select(r => r.Heading).Where(h => h == "hub" || h.StartsWith("hub ", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(commands, documented);
    }

    [Fact]
    public void EachCommandsOptionsAndArgumentsAreTheDocumentedOnes()
    {
        foreach (var (heading, command) in Commands())
        {
            var rows = Doc.Table(heading);
            var options = rows.Where(r => r.Columns.ContainsKey("option")).ToList();
            var arguments = rows.Where(r => r.Columns.ContainsKey("argument")).ToList();

            // Prefixed with the command, so a failure names it.
            Assert.Equal(
                command.Options.Select(o => $"{heading} {string.Join(' ', Spellings(o))}").Order(StringComparer.Ordinal).ToList(),
                options.Select(r => $"{heading} {string.Join(' ', r.FirstCellCode.Order(StringComparer.Ordinal))}").Order(StringComparer.Ordinal).ToList());
            Assert.Equal(command.Arguments.Select(a => $"{heading} {a.Name}").ToList(), arguments.Select(r => $"{heading} {r.Key}").ToList());

            foreach (var option in command.Options.Where(o => o.HasDefaultValue))
            {
                var row = options.Single(r => r.FirstCellCode.Contains(option.Name, StringComparer.Ordinal));
                var documented = row.CodeIn("default");
                Assert.True(documented.Count > 0, $"{heading} {option.Name}: the default is not documented");
                Assert.Equal($"{heading} {option.Name} {Shown(option.GetDefaultValue())}", $"{heading} {option.Name} {documented[0]}");
            }
        }
    }

    [Fact]
    public void ExitCodesAreTheDocumentedOnes()
    {
        var documented = Doc.Table("Exit codes").Select(r => r.Key).ToList();
        Assert.Equal(new[] { HubCommandLine.Ok, HubCommandLine.ContentErrors, HubCommandLine.UsageErrors }.Select(c => c.ToString(CultureInfo.InvariantCulture)).ToList(), documented);
    }

    /// <summary>The root as <c>hub</c> and every command under it as <c>hub name …</c>.</summary>
    private static List<(string Heading, Command Command)> Commands()
    {
        var all = new List<(string, Command)>();
        void Walk(Command command, string heading)
        {
            all.Add((heading, command));
            foreach (var sub in command.Subcommands)
            {
                Walk(sub, heading + " " + sub.Name);
            }
        }
        Walk(Root, "hub");
        return all;
    }

    /// <summary>A default as a person types it: flags as <c>false</c>, numbers in invariant digits.</summary>
    private static string? Shown(object? value) => value is bool flag ? (flag ? "true" : "false") : Convert.ToString(value, CultureInfo.InvariantCulture);

    private static IEnumerable<string> Spellings(Option option) => option.Aliases.Append(option.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
}
