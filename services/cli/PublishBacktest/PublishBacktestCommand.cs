using System.CommandLine;
using System.Globalization;
using Trading.ServiceDefaults.Messaging;

namespace Trading.Cli.PublishBacktest;

/// <summary><c>trading publish-backtest</c>: publishes the results of a backtest report as <c>BacktestRecorded</c> events.</summary>
public static class PublishBacktestCommand
{
    /// <summary>Exit code of a malformed report: nothing was published.</summary>
    public const int MalformedReportExitCode = 1;

    /// <summary>Exit code when the broker could not be reached; nothing, or only part of the records, was published.</summary>
    public const int BrokerExitCode = 3;

    private const string Description = """
        Publish every result of a backtest report (the report.json `trading backtest` writes) as a BacktestRecorded event, which the
        signal service keeps as its live gate. The report is checked whole first: a malformed report exits 1 naming the field and
        publishes nothing. A missing file or a bad option exits 2, a broker that cannot be reached 3.
        """;

    /// <param name="timeProvider">The clock that stamps the records' recorded time.</param>
    /// <param name="output">Where the summary goes; null for standard output.</param>
    /// <param name="errors">Where errors go; null for standard error.</param>
    public static Command Create(TimeProvider timeProvider, TextWriter? output = null, TextWriter? errors = null)
    {
        var report = new Option<string>("--report") { Description = "The backtest report, DIR/report.json", Required = true };
        var rabbitMq = new Option<string?>("--rabbitmq")
        {
            Description = "amqp:// URI of the broker (default: the ConnectionStrings__RabbitMq environment variable)",
        };

        var command = new Command("publish-backtest", Description) { report, rabbitMq };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(report)!, result.GetValue(rabbitMq), timeProvider, output ?? Console.Out, errors ?? Console.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string reportPath, string? rabbitMq, TimeProvider timeProvider, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var uri = rabbitMq ?? Environment.GetEnvironmentVariable("ConnectionStrings__RabbitMq");
        if (string.IsNullOrWhiteSpace(uri))
        {
            await errors.WriteLineAsync("No broker: pass --rabbitmq amqp://user:password@host:port/vhost or set ConnectionStrings__RabbitMq.");
            return Program.BadArgumentsExitCode;
        }

        RabbitMqAddress address;
        try
        {
            address = RabbitMqAddress.Parse(uri, "--rabbitmq");
        }
        catch (InvalidOperationException ex)
        {
            await errors.WriteLineAsync(ex.Message);
            return Program.BadArgumentsExitCode;
        }

        if (!File.Exists(reportPath))
        {
            await errors.WriteLineAsync($"The report {reportPath} does not exist.");
            return Program.BadArgumentsExitCode;
        }

        IReadOnlyList<Contracts.Signals.BacktestRecorded> records;
        try
        {
            records = BacktestReportReader.Read(await File.ReadAllTextAsync(reportPath, cancellationToken), timeProvider.GetUtcNow());
        }
        catch (BacktestReportException ex)
        {
            await errors.WriteLineAsync($"{reportPath}: {ex.Message} Nothing was published.");
            return MalformedReportExitCode;
        }

        try
        {
            await BacktestPublisher.PublishAsync(address, records, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await errors.WriteLineAsync($"Could not publish to the broker: {ex.Message}");
            return BrokerExitCode;
        }

        foreach (var record in records)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{record.Strategy} {record.Symbol} {record.Interval}: {record.Trades} trades, {(record.Passed ? "passed" : "failed")} the live gate"));
        }

        await output.WriteLineAsync($"Published {records.Count} backtest record{(records.Count == 1 ? "" : "s")}.");
        return 0;
    }
}
