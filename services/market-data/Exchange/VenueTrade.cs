using Trading.Contracts.MarketData;

namespace Trading.MarketData.Exchange;

/// <summary>A trade as a venue sent it, under the venue's own symbol; normalised later by <c>SymbolMap</c>.</summary>
public readonly record struct VenueTrade(
    string VenueSymbol,
    string TradeId,
    decimal Price,
    decimal Quantity,
    TradeSide Side,
    DateTimeOffset ExchangeTime);
