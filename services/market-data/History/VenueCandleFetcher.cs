using Trading.Contracts.Candles;
using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Rest;
using Trading.MarketData.Exchange.Symbols;
using Trading.Markets;

namespace Trading.MarketData.History;

/// <summary>
/// Answers a <see cref="FetchVenueCandles"/> from the venue's REST OHLC: pages through the range, keeps closed candles only,
/// and builds an interval the venue lacks from the longest one it has that divides it, merged by <see cref="CandleAggregator"/>
/// exactly as candle-builder merges them. An interval without trades between two known candles comes back synthetic, as
/// candle-builder would have closed it.
/// </summary>
/// <remarks>
/// The clients never retry; a rate limit is retried here (after the venue's Retry-After when it gives one), every other failure
/// becomes a <see cref="VenueHistoryException"/> naming the series, the range and the venue's error.
/// </remarks>
public sealed class VenueCandleFetcher(
    KrakenRestClient kraken,
    CoinbaseRestClient coinbase,
    TimeProvider timeProvider,
    ILogger logger,
    int rateLimitAttempts = VenueCandleFetcher.DefaultRateLimitAttempts,
    TimeSpan? rateLimitDelay = null)
{
    /// <summary>The most candles one request may ask for; more would keep the requester waiting past its timeout.</summary>
    public const int MaxCandles = 5000;

    /// <summary>Kraken's OHLC serves only this many of the most recent candles of a length, whatever <c>since</c> asks.</summary>
    public const int KrakenMaxCandles = 720;

    public const int DefaultRateLimitAttempts = 3;

    // The requester waits 30 s by default: a longer pause would only answer a request nobody waits for.
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(10);

    private readonly TimeSpan _rateLimitDelay = rateLimitDelay ?? TimeSpan.FromSeconds(2);
    private int _requests;

    /// <exception cref="VenueHistoryException">The request is malformed, or the venue refused or could not be reached.</exception>
    public async Task<CandleHistory> FetchAsync(FetchVenueCandles request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var series = $"{request.Venue} {request.Symbol} {request.Interval} candles [{request.StartAt:O}, {request.EndAt:O})";
        if (!Interval.TryParse(request.Interval, out var interval))
        {
            throw new VenueHistoryException(
                $"Cannot fetch {series}: '{request.Interval}' is not an interval code; use one of {string.Join(", ", Interval.All.Select(i => i.Code))}.");
        }

        if (interval.Floor(request.StartAt) != request.StartAt || interval.Floor(request.EndAt) != request.EndAt || request.EndAt < request.StartAt)
        {
            throw new VenueHistoryException($"Cannot fetch {series}: the range must start and end on {interval} boundaries, start first.");
        }

        if ((request.EndAt - request.StartAt) / interval.Duration > MaxCandles)
        {
            throw new VenueHistoryException($"Cannot fetch {series}: it spans more than {MaxCandles} candles; ask in parts.");
        }

        TimeSpan source;
        string venueSymbol;
        try
        {
            source = VenueGranularities.SourceOf(request.Venue, interval);
            venueSymbol = request.Venue == Venues.Kraken
                ? SymbolMap.Default.ToKrakenRestPair(request.Symbol)
                : SymbolMap.Default.ToVenue(request.Venue, request.Symbol);
        }
        catch (Exception exception) when (exception is ArgumentException or UnknownSymbolException)
        {
            throw new VenueHistoryException($"Cannot fetch {series}: {exception.Message}", exception);
        }

        // Only closed candles are final: a range reaching into the current interval stops at its start.
        var start = request.StartAt;
        var end = Min(request.EndAt, interval.Floor(timeProvider.GetUtcNow()));
        IReadOnlyList<Candle> candles = [];
        if (start < end)
        {
            try
            {
                var (fetched, coveredUntil) = request.Venue == Venues.Kraken
                    ? await FetchKrakenAsync(venueSymbol, source, start, end, cancellationToken)
                    : await FetchCoinbaseAsync(venueSymbol, source, start, end, cancellationToken);
                candles = Merge(interval, source, fetched, start, coveredUntil, series);
            }
            catch (Exception exception) when (exception is VenueRequestException or HttpRequestException
                || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw new VenueHistoryException($"Cannot fetch {series}: {exception.Message}", exception);
            }
        }

        var history = new CandleHistory
        {
            Venue = request.Venue,
            Symbol = request.Symbol,
            Interval = interval.Code,
            Candles = [.. candles.Select(candle => ToHistoric(candle, givesOrderFlow: request.Venue == Venues.Kraken))],
        };
        Log.HistoryFetched(logger, request.Venue, request.Symbol, interval.Code, request.StartAt, request.EndAt, history.Candles.Count, _requests);
        return history;
    }

    /// <summary>
    /// The candles of [<paramref name="start"/>, <paramref name="end"/>) Kraken has, and the time up to which that is all of
    /// them: the start of the candle still forming, which Kraken sends last.
    /// </summary>
    private async Task<(List<Candle> Candles, DateTimeOffset CoveredUntil)> FetchKrakenAsync(
        string pair, TimeSpan source, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var candles = new List<Candle>();
        var coveredUntil = start;

        // One second before the first bar, so it is included whether Kraken reads `since` as inclusive or not.
        var since = start.ToUnixTimeSeconds() - 1;
        while (true)
        {
            var page = await WithRateLimitRetryAsync(
                Venues.Kraken, () => kraken.GetOhlcAsync(pair, VenueGranularities.KrakenMinutes(source), since, cancellationToken), cancellationToken);
            var fresh = page.Candles.Where(c => c.OpenedAt >= start && c.OpenedAt < end && (candles.Count == 0 || c.OpenedAt > candles[^1].OpenedAt)).ToList();
            candles.AddRange(fresh);
            if (page.Unfinished is { } forming)
            {
                coveredUntil = Min(end, forming.OpenedAt);
            }

            // Kraken answers up to the candle still forming, so a page ending before the range end only happens when it
            // paged; stop once nothing new comes or the cursor stops moving, so the loop always ends.
            if (fresh.Count == 0 || page.Unfinished is null || page.Unfinished.OpenedAt >= end || page.Last <= since)
            {
                return (candles, coveredUntil);
            }

            since = page.Last;
        }
    }

    /// <summary>
    /// The candles of [<paramref name="start"/>, <paramref name="end"/>) Coinbase has, in windows of at most
    /// <see cref="CoinbaseRestClient.MaxCandlesPerRequest"/>; <paramref name="end"/> is a closed boundary, so all of them are final.
    /// </summary>
    private async Task<(List<Candle> Candles, DateTimeOffset CoveredUntil)> FetchCoinbaseAsync(
        string product, TimeSpan source, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var candles = new List<Candle>();
        var granularity = VenueGranularities.CoinbaseGranularity(source);
        var window = source * CoinbaseRestClient.MaxCandlesPerRequest;
        for (var from = start; from < end; from += window)
        {
            var to = Min(end, from + window);
            var page = await WithRateLimitRetryAsync(
                Venues.Coinbase, () => coinbase.GetCandlesAsync(product, granularity, from, to, cancellationToken), cancellationToken);
            candles.AddRange(page.Where(c => c.OpenedAt >= from && c.OpenedAt < to));
        }

        return (candles, end);
    }

    private static List<Candle> Merge(
        Interval interval, TimeSpan source, IEnumerable<Candle> fetched, DateTimeOffset start, DateTimeOffset coveredUntil, string series)
    {
        var closed = new List<Candle>();
        var aggregator = new CandleAggregator(interval, closed.Add);
        foreach (var candle in fetched.Where(c => c.ClosedAt <= coveredUntil).DistinctBy(c => c.OpenedAt).OrderBy(c => c.OpenedAt))
        {
            if (candle.OpenedAt.UtcTicks % source.Ticks != 0 || candle.ClosedAt - candle.OpenedAt != source)
            {
                throw new VenueHistoryException(
                    $"Cannot fetch {series}: the venue sent a candle [{candle.OpenedAt:O}, {candle.ClosedAt:O}) that is not one aligned {source} bar.");
            }

            aggregator.Update(candle);
        }

        // Up to the covered boundary, an interval without a candle had no trade: close the last one and fill after it.
        aggregator.Scan(interval.Floor(coveredUntil));
        return closed.Where(c => c.OpenedAt >= start && c.ClosedAt <= coveredUntil).ToList();
    }

    /// <summary>Kraken gives a VWAP (stored as VWAP × volume) and a trade count per candle; Coinbase gives neither.</summary>
    private static HistoricCandle ToHistoric(Candle candle, bool givesOrderFlow) => new()
    {
        OpenedAt = candle.OpenedAt,
        ClosedAt = candle.ClosedAt,
        Open = candle.Open,
        High = candle.High,
        Low = candle.Low,
        Close = candle.Close,
        Volume = candle.Volume,
        QuoteVolume = candle.IsSynthetic ? 0m : givesOrderFlow && candle.QuoteVolume > 0m ? candle.QuoteVolume : null,
        TradeCount = candle.IsSynthetic ? 0 : givesOrderFlow ? candle.TradeCount : null,
        IsSynthetic = candle.IsSynthetic,
    };

    private async Task<T> WithRateLimitRetryAsync<T>(string venue, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan wait;
            try
            {
                _requests++;
                return await call();
            }
            catch (VenueRequestException exception) when (exception.IsRateLimit && attempt < rateLimitAttempts && WaitBefore(attempt, exception.RetryAfter) is { } delay)
            {
                wait = delay;
            }

            Log.HistoryRateLimited(logger, venue, attempt, rateLimitAttempts, wait);
            await Task.Delay(wait, timeProvider, cancellationToken);
        }
    }

    private TimeSpan? WaitBefore(int failedAttempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked)
        {
            return asked <= MaxRetryAfter ? asked : null;
        }

        return _rateLimitDelay * Math.Pow(2, failedAttempt - 1);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
