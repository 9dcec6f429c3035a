using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Trading.Contracts.MarketData;
using Trading.MarketData.Persistence;
using Trading.ServiceDefaults;
using Trading.ServiceDefaults.Outbox;
using Trading.ServiceDefaults.Telemetry;

namespace Trading.MarketData.Replay;

/// <summary>
/// Plays a recorded trades file once, from its stored cursor to the end. Each batch is published in one outbox
/// transaction together with the cursor move, so a crash at any point neither loses nor repeats a trade.
/// </summary>
public sealed class ReplayRunner(
    Outbox outbox,
    ReplayProgressStore store,
    IOptions<ReplayOptions> options,
    TimeProvider timeProvider,
    MarketDataMetrics metrics,
    ILogger<ReplayRunner> logger)
{
    // Task.Delay refuses waits beyond about 49 days; long pauses are slept in steps and re-checked.
    private static readonly TimeSpan LongestSleep = TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var source = new Source(settings);
        var progress = await BeginAsync(source, settings.Speed, cancellationToken);
        if (progress.CompletedAt is { } completedAt)
        {
            Log.ReplayAlreadyCompleted(logger, source.Key, completedAt, progress.TradesPublished);
            return;
        }

        var totalLines = await CountLinesAsync(settings.File, cancellationToken);
        Log.ReplayStarting(logger, source.Key, settings.File, settings.Speed, progress.NextLine, totalLines);

        var run = new Run(progress.NextLine, progress.TradesPublished, Decile(progress.NextLine - 1, totalLines));
        var batcher = new ReplayBatcher(settings.BatchSize, settings.Speed > 0m ? settings.BatchWindow : null);
        var clock = new ReplayClock(settings.Speed);
        var lastLine = progress.NextLine - 1;

        await using var stream = new FileStream(settings.File, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        using var reader = new StreamReader(stream);
        await foreach (var line in new TradeFileReader(reader).ReadAsync(progress.NextLine, cancellationToken))
        {
            lastLine = line.LineNumber;
            if (line.Trade is not { } trade)
            {
                Log.MalformedLine(logger, source.FileName, line.LineNumber, line.Error, line.Sample);
                metrics.MalformedLine(source.Venue, source.Symbol);
                continue;
            }

            if (batcher.CutBefore(trade) is { } windowBatch)
            {
                await PublishAsync(source, run, windowBatch, windowBatch[^1].LineNumber + 1, completed: false, totalLines, cancellationToken);
            }

            await WaitUntilDueAsync(clock, trade, cancellationToken);
            if (batcher.Add(trade) is { } fullBatch)
            {
                await PublishAsync(source, run, fullBatch, fullBatch[^1].LineNumber + 1, completed: false, totalLines, cancellationToken);
            }
        }

        await PublishAsync(source, run, batcher.Flush(), Math.Max(run.NextLine, lastLine + 1), completed: true, totalLines, cancellationToken);
        Log.ReplayCompleted(logger, source.Key, run.TradesPublished);
    }

    private async Task<ReplayProgress> BeginAsync(Source source, decimal speed, CancellationToken cancellationToken)
    {
        ReplayProgress? progress = null;
        await outbox.ExecuteAsync(
            async tx =>
            {
                // Live is announced once per file, by the transaction that creates its cursor.
                if (await store.TryCreateAsync(tx, source.Key))
                {
                    await tx.PublishAsync(new FeedStatusChanged
                    {
                        Venue = source.Venue,
                        Status = FeedStatus.Live,
                        Reason = $"Replay of {source.FileName} ({source.Symbol}) started at speed {speed.ToString(CultureInfo.InvariantCulture)}",
                        ChangedAt = tx.Now,
                    });
                }

                progress = await store.GetForUpdateAsync(tx, source.Key);
            },
            cancellationToken);
        return progress!;
    }

    private async Task WaitUntilDueAsync(ReplayClock clock, RecordedTrade trade, CancellationToken cancellationToken)
    {
        if (!clock.IsStarted)
        {
            clock.Start(trade.Time, timeProvider.GetUtcNow());
            return;
        }

        while (clock.DelayUntilDue(trade.Time, timeProvider.GetUtcNow()) is var delay && delay > TimeSpan.Zero)
        {
            await Task.Delay(delay < LongestSleep ? delay : LongestSleep, timeProvider, cancellationToken);
        }
    }

    private async Task PublishAsync(
        Source source, Run run, IReadOnlyList<RecordedTrade> batch, int nextLine, bool completed, int totalLines, CancellationToken cancellationToken)
    {
        // Each batch starts its own trace: this is where the trace of a trade begins.
        Activity.Current = null;
        using var activity = batch.Count > 0
            ? ServiceTelemetry.Source.StartActivity("replay batch", ActivityKind.Producer, parentContext: default)
            : null;
        activity?.SetTag("trading.venue", source.Venue);
        activity?.SetTag("trading.symbol", source.Symbol);
        activity?.SetTag("trading.trade_count", batch.Count);
        activity?.SetTag("trading.replay.first_line", batch.Count > 0 ? batch[0].LineNumber : null);

        var receivedAt = timeProvider.GetUtcNow();
        var tradesAfter = run.TradesPublished + batch.Count;
        await outbox.ExecuteAsync(
            async tx =>
            {
                if (batch.Count > 0)
                {
                    await tx.PublishAsync(ToMessage(source, batch, receivedAt));
                }

                await store.AdvanceAsync(tx, source.Key, run.NextLine, nextLine, batch.Count, completed ? tx.Now : null);
                if (completed)
                {
                    await tx.PublishAsync(new FeedStatusChanged
                    {
                        Venue = source.Venue,
                        Status = FeedStatus.Completed,
                        Reason = $"Replay of {source.FileName} ({source.Symbol}) completed: {tradesAfter} trades replayed",
                        ChangedAt = tx.Now,
                    });
                }
            },
            cancellationToken);

        run.NextLine = nextLine;
        run.TradesPublished = tradesAfter;
        if (batch.Count > 0)
        {
            metrics.BatchPublished(source.Venue, source.Symbol, batch.Count);
        }

        var decile = Decile(nextLine - 1, totalLines);
        if (decile > run.LoggedDecile)
        {
            run.LoggedDecile = decile;
            Log.ReplayProgress(logger, source.Key, decile * 10, nextLine - 1, totalLines, run.TradesPublished);
        }
    }

    private static TradesReceived ToMessage(Source source, IReadOnlyList<RecordedTrade> batch, DateTimeOffset receivedAt) => new()
    {
        BatchId = DeterministicGuid.Create($"{source.Key}|{batch[0].LineNumber}"),
        Venue = source.Venue,
        Symbol = source.Symbol,

        // Recorded files carry no venue trade ids; the line number is unique within the file and stable across replays.
        Trades = batch.Select(t => new Trade
        {
            TradeId = t.LineNumber.ToString(CultureInfo.InvariantCulture),
            Price = t.Price,
            Quantity = t.Size,
            Side = t.Side,
            ExchangeTime = t.Time,
            ReceivedAt = receivedAt,
        }).ToList(),
    };

    private static int Decile(int linesDone, int totalLines) =>
        totalLines <= 0 ? 10 : (int)Math.Clamp(linesDone * 10L / totalLines, 0, 10);

    private static async Task<int> CountLinesAsync(string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        var count = 0;
        while (await reader.ReadLineAsync(cancellationToken) is not null)
        {
            count++;
        }

        return count;
    }

    private sealed class Source(ReplayOptions settings)
    {
        public string Venue { get; } = settings.Venue.Trim().ToUpperInvariant();

        public string Symbol { get; } = settings.Symbol.Trim().ToUpperInvariant();

        public string FileName { get; } = Path.GetFileName(settings.File);

        /// <summary>The file name, not its path, so the same recording replays from its cursor wherever it is mounted.</summary>
        public string Key => $"{Venue}|{Symbol}|{FileName}";
    }

    private sealed class Run(int nextLine, long tradesPublished, int loggedDecile)
    {
        public int NextLine { get; set; } = nextLine;

        public long TradesPublished { get; set; } = tradesPublished;

        public int LoggedDecile { get; set; } = loggedDecile;
    }
}
