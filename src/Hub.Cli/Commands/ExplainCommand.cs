using System.CommandLine;
using Hub.Core.Diagnostics;

namespace Hub.Cli.Commands;

/// <summary><c>hub explain [code]</c>: what a diagnostic code means and how to fix it, as <c>rustc --explain</c> does.</summary>
public static class ExplainCommand
{
    public static Command Create(CliConsole console)
    {
        var code = new Argument<string?>("code")
        {
            Description = "A diagnostic code such as HUB0401; without one, every code is listed",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("explain", "Explain a diagnostic code, or list them all") { code };
        command.SetAction(parse => Run(console, parse.GetValue(code)));
        return command;
    }

    private static int Run(CliConsole console, string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            foreach (var listed in DiagnosticCodes.All)
            {
                console.Out.WriteLine($"{listed.Code}  {SeverityName(listed.DefaultSeverity),-7}  {listed.Title}");
            }
            console.Out.WriteLine("Run 'hub explain HUBnnnn' for what one of them means and how to fix it.");
            return HubCommandLine.Ok;
        }
        var normalized = Normalize(code);
        if (DiagnosticCodes.Find(normalized) is not { } descriptor)
        {
            var hint = DidYouMean.Hint(normalized, DiagnosticCodes.All.Select(d => d.Code));
            console.Error.WriteLine($"hub: error: '{code.Trim()}' is not a diagnostic code of Hub{(hint is null ? string.Empty : $" ({hint})")}");
            console.Error.WriteLine("Run 'hub explain' to list them.");
            return HubCommandLine.UsageErrors;
        }
        console.Out.WriteLine($"{descriptor.Code}: {descriptor.Title}");
        console.Out.WriteLine($"Default severity: {SeverityName(descriptor.DefaultSeverity)}");
        console.Out.WriteLine();
        console.Out.WriteLine(descriptor.Explanation);
        return HubCommandLine.Ok;
    }

    /// <summary>The severity as the diagnostic lines spell it.</summary>
    public static string SeverityName(Severity severity) => severity == Severity.Error ? "error" : "warning";

    /// <summary>Accepts the code as typed in any case, or its number alone (<c>401</c> is HUB0401).</summary>
    private static string Normalize(string code)
    {
        var trimmed = code.Trim().ToUpperInvariant();
        return trimmed.Length is > 0 and <= 4 && trimmed.All(char.IsAsciiDigit) ? "HUB" + trimmed.PadLeft(4, '0') : trimmed;
    }
}
