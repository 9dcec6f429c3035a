namespace Trading.MarketData.Exchange.Coinbase;

/// <summary>The verdict on one <c>sequence_num</c>; <see cref="Missing"/> is the number of dropped messages for a gap, otherwise 0.</summary>
public readonly record struct CoinbaseSequenceCheck(CoinbaseSequenceStatus Status, long Missing);
