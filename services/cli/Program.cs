using System.CommandLine;
using Trading.Cli.Download;
using Trading.Cli.Watch;

var root = new RootCommand("trading: command-line tools for the Trading platform");
root.Subcommands.Add(WatchCommand.Create());
root.Subcommands.Add(DownloadCommand.Create(TimeProvider.System));
return await root.Parse(args).InvokeAsync();
