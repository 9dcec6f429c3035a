using Trading.Markets;

namespace Trading.MarketData.Exchange.Rest;

/// <summary>One page of Kraken OHLC candles, oldest first.</summary>
public sealed record KrakenOhlcPage
{
    /// <summary>The key Kraken filed the candles under: the pair id (<c>XXBTZUSD</c>) even when the altname was asked.</summary>
    public required string PairId { get; init; }

    /// <summary>Finished candles only.</summary>
    public required IReadOnlyList<Candle> Candles { get; init; }

    /// <summary>Kraken's last row, the candle still forming; its values change until it closes. Null when no rows came.</summary>
    public required Candle? Unfinished { get; init; }

    /// <summary>Kraken's <c>since</c> cursor (unix seconds) for the next poll.</summary>
    public required long Last { get; init; }

    /// <summary>Warning entries (<c>W...</c>) of Kraken's <c>error</c> array; they do not fail the call.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
