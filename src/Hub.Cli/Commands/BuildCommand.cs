using System.CommandLine;
using System.Diagnostics;
using Hub.Site;

namespace Hub.Cli.Commands;

public static class BuildCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("build", "Build the site into the output folder")
        {
            HubCommandLine.Input, HubCommandLine.Theme, HubCommandLine.Output, HubCommandLine.BasePath, HubCommandLine.Drafts, HubCommandLine.Strict, HubCommandLine.Force, HubCommandLine.NoGitDates,
        };
        command.SetAction(parse =>
        {
            // An unchanged site is not built again (see SiteBuilder); --force always builds.
            var options = OptionsFrom(parse) with { UpToDate = parse.GetValue(HubCommandLine.Force) ? UpToDateCheck.Record : UpToDateCheck.Skip };
            var watch = Stopwatch.StartNew();
            var result = ProgressReporter.Run(console, progress => SiteBuilder.Build(options, progress));
            return console.Summarize(result, "build", watch.Elapsed);
        });
        return command;
    }

    public static BuildOptions OptionsFrom(ParseResult parse) => new()
    {
        Input = parse.GetValue(HubCommandLine.Input)!,
        Theme = parse.GetValue(HubCommandLine.Theme)!,
        Output = parse.GetValue(HubCommandLine.Output)!,
        BasePath = parse.GetValue(HubCommandLine.BasePath),
        Drafts = parse.GetValue(HubCommandLine.Drafts),
        Strict = parse.GetValue(HubCommandLine.Strict),
        DatesFromGit = !parse.GetValue(HubCommandLine.NoGitDates),
    };
}
