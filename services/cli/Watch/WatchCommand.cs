using System.CommandLine;

namespace Trading.Cli.Watch;

/// <summary><c>trading watch</c>: prints candles, signals, orders and fills as the services publish them.</summary>
public static class WatchCommand
{
    public static Command Create()
    {
        var rabbitMq = new Option<string?>("--rabbitmq")
        {
            Description = "amqp:// URI of the broker (default: the ConnectionStrings__RabbitMq environment variable)",
        };
        var exitWhenReplayCompletes = new Option<bool>("--exit-when-replay-completes")
        {
            Description = "Print a summary and exit once the replay has finished and the pipeline has gone quiet",
        };
        var settle = new Option<TimeSpan>("--settle")
        {
            Description = "How long the pipeline must stay quiet after the replay before the summary",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(5),
        };
        var candles = new Option<bool>("--no-candles") { Description = "Do not print each candle" };

        var command = new Command("watch", "Print candles, signals, orders and fills as they happen, and a summary at the end")
        {
            rabbitMq, exitWhenReplayCompletes, settle, candles,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var uri = result.GetValue(rabbitMq) ?? Environment.GetEnvironmentVariable("ConnectionStrings__RabbitMq");
            if (string.IsNullOrWhiteSpace(uri))
            {
                Console.Error.WriteLine("No broker: pass --rabbitmq amqp://user:password@host:port/vhost or set ConnectionStrings__RabbitMq.");
                return Task.FromResult(2);
            }

            var watcher = new PipelineWatcher(uri, result.GetValue(exitWhenReplayCompletes), result.GetValue(settle), !result.GetValue(candles), TimeProvider.System);
            return watcher.RunAsync(cancellationToken);
        });
        return command;
    }
}
