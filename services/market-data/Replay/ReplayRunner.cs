using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Trading.Contracts.MarketData;
using Trading.MarketData.Exchange;
using Trading.MarketData.Live;
using Trading.MarketData.Persistence;
using Trading.ServiceDefaults.Outbox;
using Trading.ServiceDefaults.Telemetry;

namespace Trading.MarketData.Replay;

/// <summary>
/// Plays a recorded trades or candles file from its stored cursor to the end, once or (with <see cref="ReplayOptions.Loop"/>)
/// again and again. Each batch is published in one outbox transaction together with the cursor move, so a crash at any
/// point neither loses nor repeats a trade. Messages are built by <see cref="MarketDataMessages"/>, as for the live feed.
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
        metrics.StatusChanged(source.Venue, progress.CompletedAt is null ? FeedStatus.Live : FeedStatus.Completed);
        if (progress.CompletedAt is { } completedAt)
        {
            Log.ReplayAlreadyCompleted(logger, source.Key, completedAt, progress.TradesPublished);
            return;
        }

        var file = await ReplayFile.InspectAsync(settings, cancellationToken);
        Log.ReplayStarting(logger, source.Key, settings.File, settings.Speed, progress.NextLine, file.TotalLines);
        Log.ReplaySection(logger, source.Key, file.Format.ToString(), file.SectionStart, file.SectionEnd, settings.Loop, progress.LoopNumber, file.LoopShift);

        var run = new Run(progress.Cursor, progress.TradesPublished, Decile(progress.NextLine - 1, file.TotalLines));
        var batcher = new ReplayBatcher(settings.BatchSize, settings.Speed > 0m ? settings.BatchWindow : null);
        var clock = new ReplayClock(settings.Speed);
        while (true)
        {
            var loop = run.Cursor.Loop;
            var shift = file.LoopShift * loop;
            var lastLine = run.Cursor.Line - 1;
            await foreach (var line in file.ReadAsync(run.Cursor.Line, run.Cursor.Point, cancellationToken))
            {
                lastLine = line.LineNumber;
                if (line.Error is not null)
                {
                    Log.MalformedLine(logger, source.FileName, line.LineNumber, line.Error, line.Sample);
                    metrics.MalformedLine(source.Venue, source.Symbol);
                    continue;
                }

                foreach (var recorded in line.Trades)
                {
                    var trade = shift == TimeSpan.Zero ? recorded : recorded with { Time = recorded.Time + shift };
                    if (batcher.CutBefore(trade) is { } windowBatch)
                    {
                        await PublishAsync(source, file, run, windowBatch, After(loop, windowBatch[^1]), completed: false, file.TotalLines, cancellationToken);
                    }

                    await WaitUntilDueAsync(clock, trade, cancellationToken);
                    if (batcher.Add(trade) is { } fullBatch)
                    {
                        await PublishAsync(source, file, run, fullBatch, After(loop, fullBatch[^1]), completed: false, file.TotalLines, cancellationToken);
                    }
                }
            }

            if (!settings.Loop)
            {
                var end = new ReplayCursor(loop, Math.Max(run.Cursor.Line, lastLine + 1), 0);
                await PublishAsync(source, file, run, batcher.Flush(), end, completed: true, file.TotalLines, cancellationToken);
                Log.ReplayCompleted(logger, source.Key, run.TradesPublished);
                return;
            }

            // The rest of this loop and the move to the next one commit together, so a restart never replays a loop's tail.
            await PublishAsync(source, file, run, batcher.Flush(), new ReplayCursor(loop + 1, 1, 0), completed: false, file.TotalLines, cancellationToken);
            run.LoggedDecile = 0;
            Log.ReplayLoopStarted(logger, source.Key, loop + 1, file.LoopShift * (loop + 1), run.TradesPublished);
        }
    }

    // Where the replay continues after a trade: the next trade of the same candle line, or the next line.
    private static ReplayCursor After(int loop, RecordedTrade last) =>
        last.EndsLine ? new ReplayCursor(loop, last.LineNumber + 1, 0) : new ReplayCursor(loop, last.LineNumber, last.Point + 1);

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
        Source source, ReplayFile file, Run run, IReadOnlyList<RecordedTrade> batch, ReplayCursor next, bool completed, int totalLines,
        CancellationToken cancellationToken)
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
        activity?.SetTag("trading.replay.loop", run.Cursor.Loop);

        var receivedAt = timeProvider.GetUtcNow();
        var tradesAfter = run.TradesPublished + batch.Count;
        await outbox.ExecuteAsync(
            async tx =>
            {
                if (batch.Count > 0)
                {
                    await tx.PublishAsync(ToMessage(source, file, run.Cursor.Loop, batch, receivedAt));
                }

                await store.AdvanceAsync(tx, source.Key, run.Cursor, next, batch.Count, completed ? tx.Now : null);
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

        run.Cursor = next;
        run.TradesPublished = tradesAfter;
        if (completed)
        {
            metrics.StatusChanged(source.Venue, FeedStatus.Completed);
        }

        if (batch.Count > 0)
        {
            // No venue-to-publish latency here: replayed trade times are recorded history, not a clock to measure against.
            metrics.BatchPublished(source.Venue, source.Symbol, batch.Count);
        }

        var decile = next.Line == 1 ? 10 : Decile(next.Line - 1, totalLines);
        if (decile > run.LoggedDecile)
        {
            run.LoggedDecile = decile;
            Log.ReplayProgress(logger, source.Key, decile * 10, next.Line == 1 ? totalLines : next.Line - 1, totalLines, run.TradesPublished);
        }
    }

    // Recorded trades carry no venue trade ids: ReplayFile.TradeId derives them from the line (and loop), stable across replays.
    private static TradesReceived ToMessage(Source source, ReplayFile file, int loop, IReadOnlyList<RecordedTrade> batch, DateTimeOffset receivedAt) =>
        MarketDataMessages.ToTradesReceived(new TradeBatch(
            source.Venue,
            source.Symbol,
            batch.Select(t => MarketDataMessages.ToTrade(
                new VenueTrade(source.Symbol, file.TradeId(t, loop), t.Price, t.Size, t.Side, t.Time), receivedAt)).ToList()));

    private static int Decile(int linesDone, int totalLines) =>
        totalLines <= 0 ? 10 : (int)Math.Clamp(linesDone * 10L / totalLines, 0, 10);

    private sealed class Source(ReplayOptions settings)
    {
        public string Venue { get; } = settings.Venue.Trim().ToUpperInvariant();

        public string Symbol { get; } = settings.Symbol.Trim().ToUpperInvariant();

        public string FileName { get; } = Path.GetFileName(settings.File);

        /// <summary>The file name, not its path, so the same recording replays from its cursor wherever it is mounted.</summary>
        public string Key => $"{Venue}|{Symbol}|{FileName}";
    }

    private sealed class Run(ReplayCursor cursor, long tradesPublished, int loggedDecile)
    {
        public ReplayCursor Cursor { get; set; } = cursor;

        public long TradesPublished { get; set; } = tradesPublished;

        public int LoggedDecile { get; set; } = loggedDecile;
    }
}
