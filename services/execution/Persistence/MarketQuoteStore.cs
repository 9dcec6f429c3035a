using Trading.Contracts.MarketData;
using Trading.Markets.Execution;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Execution.Persistence;

/// <summary>The <c>market_quotes</c> table: the latest best bid and ask per venue and symbol, with the venue's time.</summary>
public sealed class MarketQuoteStore
{
    /// <summary>Stores the quote when it is newer (exchange time) than the stored one; returns whether it was.</summary>
    public async Task<bool> UpsertIfNewerAsync(OutboxTransaction tx, QuoteUpdated quote) =>
        await tx.ExecuteAsync(
            """
            INSERT INTO market_quotes (venue, symbol, bid, ask, exchange_time)
            VALUES (@Venue, @Symbol, @BidPrice, @AskPrice, @ExchangeTime)
            ON CONFLICT (venue, symbol) DO UPDATE
            SET bid = excluded.bid, ask = excluded.ask, exchange_time = excluded.exchange_time
            WHERE market_quotes.exchange_time < excluded.exchange_time
            """,
            new { quote.Venue, quote.Symbol, quote.BidPrice, quote.AskPrice, quote.ExchangeTime }) == 1;

    public Task<MarketQuote?> LatestAsync(OutboxTransaction tx, string venue, string symbol) =>
        tx.QuerySingleOrDefaultAsync<MarketQuote>(
            "SELECT bid, ask, exchange_time FROM market_quotes WHERE venue = @venue AND symbol = @symbol",
            new { venue, symbol });
}
