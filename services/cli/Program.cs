using System.CommandLine;
using System.CommandLine.Invocation;
using Trading.Cli.Download;
using Trading.Cli.Record;
using Trading.Cli.Watch;

namespace Trading.Cli;

/// <summary>
/// The <c>trading</c> command line. A named class rather than top-level statements: the market-data service it references
/// already has a public global <c>Program</c>, and tests run the CLI in-process through <see cref="InvokeAsync"/>.
/// </summary>
public static class Program
{
    /// <summary>Exit code of every bad argument, whether the parser or a command finds it.</summary>
    public const int BadArgumentsExitCode = 2;

    // Time a command gets after Ctrl+C or SIGTERM to stop and flush its files before the process is ended anyway.
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    public static Task<int> Main(string[] args) => InvokeAsync(args, TimeProvider.System);

    /// <param name="output">Where results and progress go; null for the console (with live progress when it is a terminal).</param>
    /// <param name="errors">Where errors go; null for standard error.</param>
    public static async Task<int> InvokeAsync(
        string[] args, TimeProvider timeProvider, TextWriter? output = null, TextWriter? errors = null, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("trading: command-line tools for the Trading platform")
        {
            WatchCommand.Create(),
            DownloadCommand.Create(timeProvider, output, errors),
            RecordCommand.Create(timeProvider, output, errors),
            Indicators.IndicatorsCommand.Create(output, errors),
            Backtest.BacktestCommand.Create(output, errors),
            PublishBacktest.PublishBacktestCommand.Create(timeProvider, output, errors),
            Export.ExportCommand.Create(output, errors),
        };
        var parsed = root.Parse(args);
        var err = errors ?? Console.Error;

        // System.CommandLine answers a parse error with exit code 1; the commands' own checks use 2, and so must this.
        if (parsed.Action is ParseErrorAction)
        {
            foreach (var error in parsed.Errors)
            {
                err.WriteLine(error.Message);
            }

            var command = parsed.CommandResult.Command;
            err.WriteLine($"Usage: trading {(command == root ? "" : command.Name + " ")}--help");
            return BadArgumentsExitCode;
        }

        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = err,
            ProcessTerminationTimeout = StopTimeout,
        };
        return await parsed.InvokeAsync(configuration, cancellationToken);
    }
}
