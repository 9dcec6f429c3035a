using Trading.Contracts.MarketData;
using Trading.MarketData.Exchange;
using Trading.ServiceDefaults;

namespace Trading.MarketData.Live;

/// <summary>Maps what the live feed publishes to the contracts.</summary>
public static class MarketDataMessages
{
    public static Trade ToTrade(VenueTrade trade, DateTimeOffset receivedAt) => new()
    {
        TradeId = trade.TradeId,
        Price = trade.Price,
        Quantity = trade.Quantity,
        Side = trade.Side,
        ExchangeTime = trade.ExchangeTime,
        ReceivedAt = receivedAt,
    };

    /// <summary>The batch id is derived from the venue, symbol and first trade id, so a re-published batch keeps its id.</summary>
    public static TradesReceived ToTradesReceived(TradeBatch batch) => new()
    {
        BatchId = DeterministicGuid.Create($"{batch.Venue}|{batch.Symbol}|{batch.Trades[0].TradeId}"),
        Venue = batch.Venue,
        Symbol = batch.Symbol,
        Trades = batch.Trades,
    };

    public static QuoteUpdated ToQuoteUpdated(string venue, string symbol, VenueQuote quote, DateTimeOffset receivedAt) => new()
    {
        Venue = venue,
        Symbol = symbol,
        BidPrice = quote.BidPrice,
        BidQuantity = quote.BidQuantity,
        AskPrice = quote.AskPrice,
        AskQuantity = quote.AskQuantity,
        ExchangeTime = quote.ExchangeTime,
        ReceivedAt = receivedAt,
    };

    /// <summary>
    /// The contracts have no gap message yet, so a gap goes out as a status change that keeps the feed Live and says in
    /// its reason which range of which symbol is missing.
    /// </summary>
    public static FeedStatusChanged ToGapStatus(
        string venue, string symbol, DateTimeOffset from, DateTimeOffset to, string reason, DateTimeOffset changedAt) => new()
        {
            Venue = venue,
            Status = FeedStatus.Live,
            Reason = $"gap: no trades could be fetched for {symbol} from {from:O} to {to:O} ({reason})",
            ChangedAt = changedAt,
        };
}
