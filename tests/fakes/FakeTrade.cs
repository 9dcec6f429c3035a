namespace Trading.FakeVenues;

/// <summary>
/// A trade on a fake venue's tape: what the venue executed, whether or not a client saw it on the stream. Symbols and ids
/// are the venue's own (<c>BTC/USD</c> and an integer on Kraken spot, <c>BTC-USD</c> on Coinbase, <c>PF_XBTUSD</c> and a
/// uid on Kraken Futures).
/// </summary>
/// <param name="Side">The taker side, <c>buy</c> or <c>sell</c>; each fake writes it the way its venue does.</param>
/// <param name="Time">The venue time, at the venue's resolution (microseconds, milliseconds for Kraken Futures).</param>
public sealed record FakeTrade(string Symbol, string TradeId, decimal Price, decimal Quantity, string Side, DateTimeOffset Time);
