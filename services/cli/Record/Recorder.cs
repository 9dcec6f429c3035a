using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Trading.Cli.Download;
using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Connection;
using Trading.MarketData.Live;
using Trading.ServiceDefaults;
using Trading.ServiceDefaults.Telemetry;

namespace Trading.Cli.Record;

/// <summary>
/// Runs the service's <see cref="LiveFeed"/> for one venue into a <see cref="CsvRecordingSink"/> until cancelled, the
/// duration has elapsed or a file cannot be written, then writes the last whole minute and flushes.
/// </summary>
public sealed class Recorder(TimeProvider timeProvider)
{
    public async Task<RecordResult> RunAsync(RecordRequest request, IRecordReporter reporter, CancellationToken cancellationToken)
    {
        CheckTodaysFiles(request);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var deadline = request.Duration is { } duration
            ? timeProvider.CreateTimer(_ => Cancel(stop), null, duration, Timeout.InfiniteTimeSpan)
            : null;

        // The feed's metrics need the service telemetry; the CLI has no host, so it builds just the meter factory.
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var telemetry = new ServiceTelemetry(new ServiceIdentity("cli"), services.GetRequiredService<IMeterFactory>());
        using var counters = new FeedCounters(telemetry.Meter);
        using var loggers = LoggerFactory.Create(logging => logging
            .AddProvider(new ReporterLoggerProvider(reporter))
            .SetMinimumLevel(LogLevel.Warning)
            // The supervisor's warnings (active venue, gaps) reach the sink as status changes and gaps already.
            .AddFilter(typeof(FeedSupervisor).FullName, LogLevel.Error));
        using var krakenRest = new HttpClient();
        using var coinbaseRest = new HttpClient();
        using var sink = new CsvRecordingSink(request, timeProvider, reporter.Event, stop);

        var options = new LiveFeedOptions
        {
            Symbols = [.. request.Symbols],
            Venues = [request.Venue],
            KrakenWebSocket = request.KrakenWebSocket,
            CoinbaseWebSocket = request.CoinbaseWebSocket,
            KrakenFuturesWebSocket = request.KrakenFuturesWebSocket,
            KrakenRest = request.KrakenRest,
            CoinbaseRest = request.CoinbaseRest,
        };
        var feed = new LiveFeed(
            options,
            sink,
            venue => venue == Venues.Coinbase ? coinbaseRest : krakenRest,
            new VenueConnectionMetrics(telemetry),
            new LiveFeedMetrics(telemetry),
            timeProvider,
            loggers);

        var progress = reporter.ShowProgressAsync(sink.Snapshot, stop.Token);
        try
        {
            await feed.RunAsync(request.Symbols, stop.Token);
        }
        finally
        {
            Cancel(stop);
            await progress;
        }

        sink.Complete(timeProvider.GetUtcNow());
        sink.Dispose();
        return new RecordResult
        {
            Symbols = sink.Snapshot(),
            Failure = sink.Failure,
            WasLive = sink.LiveSince is not null,
            LastStatus = sink.Status,
            LastStatusReason = sink.StatusReason,
            Reconnects = counters.Total("trading.marketdata.reconnects"),
            MalformedFrames = counters.Total("trading.marketdata.malformed_frames"),
            VenueErrors = counters.Total("trading.marketdata.venue_errors"),
        };
    }

    // Fail before connecting when today's files exist but are something else; other days are checked when first written.
    private void CheckTodaysFiles(RecordRequest request)
    {
        var today = RecordFiles.DayOf(timeProvider.GetUtcNow());
        foreach (var symbol in request.Symbols)
        {
            CsvAppendFile.CheckHeader(RecordFiles.Trades(request.Directory, request.Venue, symbol, today), RecordFiles.TradesHeader);
            CsvAppendFile.CheckHeader(RecordFiles.Candles(request.Directory, request.Venue, symbol, today), CandleCsvFile.Header);
            CsvAppendFile.CheckHeader(RecordFiles.Gaps(request.Directory, request.Venue, symbol), RecordFiles.GapsHeader);
        }
    }

    private static void Cancel(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
