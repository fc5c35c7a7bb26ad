using Hub.Cli.Commands;

return HubCommandLine.Run(args);
