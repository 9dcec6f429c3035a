using Trading.Contracts.MarketData;

namespace Trading.MarketData.Live;

/// <summary>Trades of one (venue, normalised symbol), oldest first, to be published as one <c>TradesReceived</c>.</summary>
public sealed record TradeBatch(string Venue, string Symbol, IReadOnlyList<Trade> Trades);
