using System.Text;
using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Rest;
using Trading.Markets;

namespace Trading.Cli.Download;

/// <summary>
/// Downloads finished candles over REST into a candle CSV file, page by page, appending after the file's last row so
/// an interrupted download resumes without repeating or skipping a candle. Each page is flushed before the next
/// request, so a failure keeps everything fetched so far.
/// </summary>
public sealed class CandleDownloader(KrakenRestClient kraken, CoinbaseRestClient coinbase, TimeProvider timeProvider)
{
    /// <summary>Kraken's OHLC endpoint returns at most this many of the most recent candles, whatever <c>since</c> asks.</summary>
    public const int KrakenMaxCandles = 720;

    /// <exception cref="CandleFileException">The file exists and is not a candle file.</exception>
    /// <exception cref="VenueRequestException">The venue refused a request; the rows written before it stay.</exception>
    public async Task<DownloadResult> DownloadAsync(DownloadRequest request, IDownloadReporter reporter, CancellationToken cancellationToken)
    {
        var interval = request.Interval.Duration;
        var now = timeProvider.GetUtcNow();
        var resumedAfter = CandleCsvFile.PrepareForAppend(request.Path);

        // Only candles whose interval has closed by now are final; a bar still open would change after we wrote it.
        var rangeEnd = Floor(request.Until is { } until && until < now ? until : now, interval);
        var rangeStart = Ceiling(request.Since, interval);
        if (resumedAfter is { } last && last + interval > rangeStart)
        {
            rangeStart = last + interval;
        }

        reporter.Started(rangeStart, rangeEnd, resumedAfter);
        await using var stream = new FileStream(request.Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        var sink = new Sink(writer, reporter, rangeStart, rangeEnd, resumedAfter);

        if (rangeStart < rangeEnd)
        {
            if (request.Venue == Venues.Kraken)
            {
                await DownloadKrakenAsync(request, sink, now, cancellationToken);
            }
            else
            {
                await DownloadCoinbaseAsync(request, sink, cancellationToken);
            }
        }

        return new DownloadResult
        {
            Path = request.Path,
            CandlesWritten = sink.Total,
            FirstWritten = sink.FirstWritten,
            LastWritten = sink.FirstWritten is null ? null : sink.LastCandleAt,
            ResumedAfter = resumedAfter,
            RangeStart = rangeStart,
            RangeEnd = rangeEnd,
            Warnings = sink.Warnings,
        };
    }

    private async Task DownloadCoinbaseAsync(DownloadRequest request, Sink sink, CancellationToken cancellationToken)
    {
        var window = request.Interval.Duration * CoinbaseRestClient.MaxCandlesPerRequest;
        for (var start = sink.RangeStart; start < sink.RangeEnd; start += window)
        {
            var end = start + window < sink.RangeEnd ? start + window : sink.RangeEnd;
            var candles = await coinbase.GetCandlesAsync(request.VenueSymbol, request.Interval.CoinbaseGranularity, start, end, cancellationToken);
            await sink.WriteAsync(candles, end, cancellationToken);
        }
    }

    private async Task DownloadKrakenAsync(DownloadRequest request, Sink sink, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // One second before the first bar, so the first bar is included whether Kraken reads `since` as inclusive or not.
        var since = sink.RangeStart.ToUnixTimeSeconds() - 1;
        var first = true;
        while (true)
        {
            var page = await kraken.GetOhlcAsync(request.VenueSymbol, request.Interval.KrakenMinutes, since, cancellationToken);
            if (first)
            {
                WarnWhenKrakenCannotReachBack(request, sink, page, now);
                first = false;
            }

            var covered = page.Unfinished is { } forming && forming.OpenedAt < sink.RangeEnd ? forming.OpenedAt : sink.RangeEnd;
            var written = await sink.WriteAsync(page.Candles, covered, cancellationToken);

            // Kraken answers up to the candle still forming, so a page ending before the range end only happens when it
            // paged; stop once nothing new comes or the cursor stops moving, so the loop always ends.
            if (written == 0 || page.Unfinished is null || page.Unfinished.OpenedAt >= sink.RangeEnd || page.Last <= since)
            {
                return;
            }

            since = page.Last;
        }
    }

    private static void WarnWhenKrakenCannotReachBack(DownloadRequest request, Sink sink, KrakenOhlcPage page, DateTimeOffset now)
    {
        var oldestServed = now - request.Interval.Duration * KrakenMaxCandles;
        var earliest = page.Candles.Count > 0 ? page.Candles[0].OpenedAt : page.Unfinished?.OpenedAt;
        if (sink.RangeStart >= oldestServed || earliest is null || earliest <= sink.RangeStart)
        {
            return;
        }

        var startsAt = CandleCsvFile.FormatTime(earliest.Value);
        var where = sink.ResumedAfter is null
            ? $"{request.Path} starts at {startsAt}"
            : $"{request.Path} continues at {startsAt}, leaving {CandleCsvFile.FormatTime(sink.RangeStart)} to {startsAt} missing";
        sink.Warn(
            $"Kraken serves only the {KrakenMaxCandles} most recent {request.Interval.Code} candles and cannot serve history from " +
            $"{CandleCsvFile.FormatTime(sink.RangeStart)}: {where}. Use --venue coinbase for older history.");
    }

    private static DateTimeOffset Floor(DateTimeOffset time, TimeSpan interval) =>
        new(time.UtcTicks - (time.UtcTicks % interval.Ticks), TimeSpan.Zero);

    private static DateTimeOffset Ceiling(DateTimeOffset time, TimeSpan interval)
    {
        var floor = Floor(time, interval);
        return floor < time ? floor + interval : floor;
    }

    private sealed class Sink(
        StreamWriter writer, IDownloadReporter reporter, DateTimeOffset rangeStart, DateTimeOffset rangeEnd, DateTimeOffset? resumedAfter)
    {
        private readonly List<string> _warnings = [];

        public DateTimeOffset RangeStart => rangeStart;

        public DateTimeOffset RangeEnd => rangeEnd;

        public DateTimeOffset? ResumedAfter { get; } = resumedAfter;

        public int Total { get; private set; }

        public DateTimeOffset? FirstWritten { get; private set; }

        public DateTimeOffset? LastCandleAt { get; private set; } = resumedAfter;

        public IReadOnlyList<string> Warnings => _warnings;

        public void Warn(string message)
        {
            _warnings.Add(message);
            reporter.Warning(message);
        }

        /// <summary>Appends the candles in range that come after the last row, then flushes.</summary>
        public async Task<int> WriteAsync(IReadOnlyList<Candle> candles, DateTimeOffset coveredUntil, CancellationToken cancellationToken)
        {
            var written = 0;
            foreach (var candle in candles.OrderBy(c => c.OpenedAt))
            {
                if (candle.OpenedAt < rangeStart || candle.OpenedAt >= rangeEnd || candle.OpenedAt <= LastCandleAt)
                {
                    continue;
                }

                writer.WriteLine(CandleCsvFile.FormatRow(candle));
                FirstWritten ??= candle.OpenedAt;
                LastCandleAt = candle.OpenedAt;
                written++;
            }

            await writer.FlushAsync(cancellationToken);
            Total += written;
            reporter.PageWritten(new DownloadPage
            {
                RangeStart = rangeStart,
                RangeEnd = rangeEnd,
                CoveredUntil = coveredUntil,
                PageCandles = written,
                TotalCandles = Total,
                LastCandleAt = LastCandleAt,
            });
            return written;
        }
    }
}
