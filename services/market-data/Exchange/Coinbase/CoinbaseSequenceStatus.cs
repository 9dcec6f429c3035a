namespace Trading.MarketData.Exchange.Coinbase;

/// <summary>How a frame's <c>sequence_num</c> relates to the previous one on the same connection.</summary>
public enum CoinbaseSequenceStatus
{
    /// <summary>Exactly one more than the previous number, or the first number seen since <see cref="CoinbaseSequenceTracker.Reset"/>.</summary>
    InOrder,

    /// <summary>More than one ahead: the venue dropped messages; see <see cref="CoinbaseSequenceCheck.Missing"/>.</summary>
    Gap,

    /// <summary>Lower than or equal to the previous number: out of order or repeated; ignore the frame.</summary>
    Stale,
}
