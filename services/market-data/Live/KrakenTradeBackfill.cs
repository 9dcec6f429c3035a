using System.Globalization;
using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Rest;
using Trading.MarketData.Exchange.Symbols;

namespace Trading.MarketData.Live;

/// <summary>
/// Backfills Kraken spot trades through <c>/0/public/Trades</c>, paging with Kraken's nanosecond <c>last</c> cursor until a
/// page comes back short (caught up) or <see cref="MaxPages"/> pages were read; what is left after that is a gap.
/// </summary>
public sealed class KrakenTradeBackfill(KrakenRestClient client, TimeProvider timeProvider, int maxPages = KrakenTradeBackfill.DefaultMaxPages, int fullPage = KrakenTradeBackfill.KrakenPageSize)
    : ITradeBackfill
{
    public const int DefaultMaxPages = 10;

    /// <summary>Kraken returns at most this many trades per call; a shorter page means there is nothing more yet.</summary>
    public const int KrakenPageSize = 1000;

    public int MaxPages { get; } = maxPages > 0 ? maxPages : throw new ArgumentOutOfRangeException(nameof(maxPages));

    /// <summary>Kraken's Trades <c>since</c> cursor: nanoseconds since the Unix epoch, as a decimal string.</summary>
    public static string Cursor(DateTimeOffset time) =>
        checked((time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100L).ToString(CultureInfo.InvariantCulture);

    public async Task<BackfillResult> FetchSinceAsync(
        string venue, string venueSymbol, DateTimeOffset since, string? lastTradeId, CancellationToken cancellationToken)
    {
        // Kraken REST wants its own pair id (XXBTZUSD); the stream names the pair BTC/USD.
        var pair = SymbolMap.Default.ToKrakenRestPair(SymbolMap.Default.ToNormalised(Venues.Kraken, venueSymbol));
        var startedAt = timeProvider.GetUtcNow();
        var trades = new List<VenueTrade>();
        var cursor = Cursor(since);

        for (var page = 1; page <= MaxPages; page++)
        {
            var result = await client.GetTradesAsync(pair, cursor, cancellationToken).ConfigureAwait(false);
            foreach (var trade in result.Trades)
            {
                if (trade.ExchangeTime >= since)
                {
                    trades.Add(trade with { VenueSymbol = venueSymbol });
                }
            }

            var caughtUp = result.Trades.Count < fullPage
                || result.Last == cursor
                || result.Trades[^1].ExchangeTime >= startedAt;
            if (caughtUp)
            {
                return new BackfillResult { Trades = trades };
            }

            cursor = result.Last;
        }

        var reachedAt = trades.Count > 0 ? trades[^1].ExchangeTime : since;
        return new BackfillResult
        {
            Trades = trades,
            GapFrom = reachedAt,
            GapTo = startedAt,
            GapReason = $"backfill stopped after {MaxPages} pages of Kraken trades",
        };
    }
}
