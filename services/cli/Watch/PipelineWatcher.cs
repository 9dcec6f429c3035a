using System.Globalization;
using System.Threading.Channels;
using MassTransit;
using Spectre.Console;
using Trading.Contracts.Candles;
using Trading.Contracts.MarketData;
using Trading.Contracts.Orders;
using Trading.Contracts.Risk;
using Trading.Contracts.Signals;
using Trading.ServiceDefaults.Messaging;

namespace Trading.Cli.Watch;

/// <summary>
/// Listens to the services' events on a temporary queue of its own (it goes away with the watcher, so nothing piles
/// up when nobody watches) and prints them.
/// </summary>
public sealed class PipelineWatcher(string rabbitMq, bool exitWhenReplayCompletes, TimeSpan settle, bool printCandles, TimeProvider timeProvider)
{
    private readonly Channel<object> _events = Channel.CreateUnbounded<object>();
    private readonly WatchSummary _summary = new();

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var address = RabbitMqAddress.Parse(rabbitMq, "--rabbitmq");
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(address.Host, address.Port, address.VirtualHost, host =>
            {
                host.Username(address.Username);
                host.Password(address.Password);
                if (address.UseTls)
                {
                    host.UseSsl(ssl => ssl.ServerName = address.Host);
                }
            });
            rabbit.ReceiveEndpoint(new TemporaryEndpointDefinition("cli-watch"), endpoint =>
            {
                // One at a time, so lines print in the order the broker delivered them.
                endpoint.PrefetchCount = 1;
                endpoint.ConcurrentMessageLimit = 1;
                Forward<FeedStatusChanged>(endpoint);
                Forward<CandleClosed>(endpoint);
                Forward<SignalGenerated>(endpoint);
                Forward<SignalRejected>(endpoint);
                Forward<OrderFilled>(endpoint);
                Forward<PositionClosed>(endpoint);
                Forward<TradingHalted>(endpoint);
                Forward<TradingResumed>(endpoint);
            });
        });

        await bus.StartAsync(cancellationToken);
        AnsiConsole.MarkupLine($"[grey]Watching {Markup.Escape(address.Host)}:{address.Port} vhost {Markup.Escape(address.VirtualHost)} — Ctrl-C to stop[/]");
        var started = timeProvider.GetTimestamp();
        try
        {
            await PrintUntilDoneAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }

        PrintSummary(timeProvider.GetElapsedTime(started));
        return 0;
    }

    private async Task PrintUntilDoneAsync(CancellationToken cancellationToken)
    {
        var replayCompleted = false;
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (replayCompleted)
            {
                quiet.CancelAfter(settle);
            }

            object message;
            try
            {
                message = await _events.Reader.ReadAsync(quiet.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return;
            }

            _summary.Add(message);
            if (message is not CandleClosed || printCandles)
            {
                if (EventLine.Format(message) is { } line)
                {
                    AnsiConsole.MarkupLine(line);
                }
            }

            replayCompleted |= exitWhenReplayCompletes && message is FeedStatusChanged { Status: FeedStatus.Completed };
        }
    }

    private void PrintSummary(TimeSpan elapsed)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Summary").AddColumn("").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("Watched for", elapsed.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture));
        table.AddRow("Candles closed", $"{_summary.Candles} ({_summary.SyntheticCandles} without trades)");
        table.AddRow("Signals", _summary.Signals.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Rejected by risk", _summary.Rejected.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Fills", _summary.Fills.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Positions closed", _summary.Closed.Count.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Win rate", _summary.WinRate is { } rate ? rate.ToString("P0", CultureInfo.InvariantCulture) : "–");
        table.AddRow("Average R", _summary.AverageR is { } r ? r.ToString("+0.00;-0.00", CultureInfo.InvariantCulture) : "–");
        table.AddRow("Fees paid", _summary.Fees.ToString("#,0.00", CultureInfo.InvariantCulture));
        table.AddRow("Net P&L", Markup.Escape(_summary.NetPnl.ToString("+#,0.00;-#,0.00;0.00", CultureInfo.InvariantCulture)));
        AnsiConsole.Write(table);
    }

    private void Forward<T>(IRabbitMqReceiveEndpointConfigurator endpoint)
        where T : class =>
        endpoint.Handler<T>(context => _events.Writer.WriteAsync(context.Message, context.CancellationToken).AsTask());
}
