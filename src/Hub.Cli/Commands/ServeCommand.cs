using System.CommandLine;
using Hub.Cli.Serve;

namespace Hub.Cli.Commands;

/// <summary><c>hub serve</c>: build, serve on 127.0.0.1 (to loopback names only), watch input and theme, live-reload the browser.</summary>
public static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var port = new Option<int>("--port") { Description = "The port to listen on", DefaultValueFactory = _ => 5080 };
        var noDrafts = new Option<bool>("--no-drafts") { Description = "Leave out pages marked draft: true, as hub build does (serve shows them, with a banner)" };
        var host = new Option<string>("--host") { Description = "The address to listen on (one other than 127.0.0.1 or localhost exposes the site to the network)", DefaultValueFactory = _ => "127.0.0.1" };
        var command = new Command("serve", "Build, serve and rebuild on change with live reload")
        {
            HubCommandLine.Input, HubCommandLine.Theme, HubCommandLine.Output, HubCommandLine.BasePath, noDrafts, port, host,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var options = BuildCommand.OptionsFrom(parse) with { LiveReload = true, Drafts = !parse.GetValue(noDrafts) };
            await using var server = new DevServer(options, parse.GetValue(host)!, parse.GetValue(port), console);
            return await server.RunAsync(cancellation);
        });
        return command;
    }
}
