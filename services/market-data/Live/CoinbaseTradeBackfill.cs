using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Rest;

namespace Trading.MarketData.Live;

/// <summary>
/// Backfills Coinbase trades from the product ticker's most recent trades. Coinbase offers no cursor there, so when even
/// the oldest returned trade is newer than the requested time, the range before it is reported as a gap.
/// </summary>
public sealed class CoinbaseTradeBackfill(CoinbaseRestClient client, TimeProvider timeProvider, int limit = CoinbaseTradeBackfill.DefaultLimit)
    : ITradeBackfill
{
    public const int DefaultLimit = 1000;

    public async Task<BackfillResult> FetchSinceAsync(
        string venue, string venueSymbol, DateTimeOffset since, string? lastTradeId, CancellationToken cancellationToken)
    {
        var startedAt = timeProvider.GetUtcNow();
        var recent = await client.GetTradesAsync(venueSymbol, limit, cancellationToken).ConfigureAwait(false);
        var trades = recent.Where(t => t.ExchangeTime >= since).ToList();

        // The last published trade itself being among those returned proves nothing was skipped before the oldest one.
        var reachesBack = recent.Count == 0
            || recent[0].ExchangeTime <= since
            || (lastTradeId is not null && recent.Any(t => t.TradeId == lastTradeId));
        if (reachesBack)
        {
            return new BackfillResult { Trades = trades };
        }

        return new BackfillResult
        {
            Trades = trades,
            GapFrom = since,
            GapTo = recent[0].ExchangeTime,
            GapReason = $"Coinbase returned only its {limit} most recent trades, the oldest at {recent[0].ExchangeTime:O}",
        };
    }
}
