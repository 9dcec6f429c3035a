namespace Trading.FakeVenues;

/// <summary>One candle of a <see cref="FakeOhlcServer"/> tape, as Kraken's OHLC rows carry it (Coinbase leaves out VWAP and count).</summary>
public sealed record FakeOhlcRow(
    DateTimeOffset Start, decimal Open, decimal High, decimal Low, decimal Close, decimal Vwap, decimal Volume, int Count);
