namespace Trading.MarketData.Exchange.Rest;

/// <summary>One page of Kraken public trades, oldest first as Kraken sends them.</summary>
public sealed record KrakenTradesPage
{
    /// <summary>The key Kraken filed the trades under: the pair id (<c>XXBTZUSD</c>) even when the altname was asked.</summary>
    public required string PairId { get; init; }

    public required IReadOnlyList<VenueTrade> Trades { get; init; }

    /// <summary>Nanosecond cursor as Kraken sent it (a string; it does not fit a double); pass it as the next <c>since</c>.</summary>
    public required string Last { get; init; }

    /// <summary>Warning entries (<c>W...</c>) of Kraken's <c>error</c> array; they do not fail the call.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
