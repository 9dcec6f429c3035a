namespace Trading.MarketData.Exchange;

/// <summary>Best bid and ask as a venue sent them, under the venue's own symbol.</summary>
public readonly record struct VenueQuote(
    string VenueSymbol,
    decimal BidPrice,
    decimal BidQuantity,
    decimal AskPrice,
    decimal AskQuantity,
    DateTimeOffset ExchangeTime);
