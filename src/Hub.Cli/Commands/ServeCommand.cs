using System.CommandLine;
using Hub.Cli.Serve;
using Hub.Site;

namespace Hub.Cli.Commands;

/// <summary><c>hub serve</c>: build, serve on 127.0.0.1 (to loopback names only), watch input and theme, live-reload the browser.</summary>
public static class ServeCommand
{
    private static readonly Option<bool> NoDrafts = new("--no-drafts") { Description = "Leave out pages marked draft: true, as hub build does (serve shows them, with a banner)" };

    public static Command Create(CliConsole console)
    {
        var port = new Option<int>("--port") { Description = "The port to listen on", DefaultValueFactory = _ => 5080 };
        var host = new Option<string>("--host") { Description = "The address to listen on (one other than 127.0.0.1 or localhost exposes the site to the network)", DefaultValueFactory = _ => "127.0.0.1" };
        var command = new Command("serve", "Build, serve and rebuild on change with live reload")
        {
            HubCommandLine.Input, HubCommandLine.Theme, HubCommandLine.Output, HubCommandLine.BasePath, NoDrafts, HubCommandLine.NoGitDates, port, host,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var options = OptionsFrom(parse);
            await using var server = new DevServer(options, parse.GetValue(host)!, parse.GetValue(port), console);
            return await server.RunAsync(cancellation);
        });
        return command;
    }

    /// <summary>The build options of a <c>hub serve</c> command line: pages load the live-reload script, drafts are in unless <c>--no-drafts</c>.</summary>
    public static BuildOptions OptionsFrom(ParseResult parse) =>
        BuildCommand.OptionsFrom(parse) with { LiveReload = true, Drafts = !parse.GetValue(NoDrafts) };
}
