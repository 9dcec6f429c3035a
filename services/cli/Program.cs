using System.CommandLine;
using Trading.Cli.Watch;

var root = new RootCommand("trading: command-line tools for the Trading platform");
root.Subcommands.Add(WatchCommand.Create());
return await root.Parse(args).InvokeAsync();
