using System.CommandLine;
using System.Diagnostics;
using Hub.Site;

namespace Hub.Cli.Commands;

/// <summary><c>hub check</c>: every validation of a build, nothing written.</summary>
public static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("check", "Validate the site without writing anything")
        {
            HubCommandLine.Input, HubCommandLine.Theme, HubCommandLine.BasePath, HubCommandLine.Drafts, HubCommandLine.Strict, HubCommandLine.NoGitDates,
        };
        command.SetAction(parse =>
        {
            var options = BuildCommand.OptionsFrom(parse) with { WriteOutput = false };
            var watch = Stopwatch.StartNew();
            var result = SiteBuilder.Build(options);
            return console.Summarize(result, "check", watch.Elapsed);
        });
        return command;
    }
}
