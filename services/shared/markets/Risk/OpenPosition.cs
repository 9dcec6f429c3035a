using Trading.Markets.Strategies;

namespace Trading.Markets.Risk;

/// <summary>A position the account holds (or an order awaiting its fill), as the risk rules see it.</summary>
public sealed record OpenPosition
{
    /// <summary>Upper-case symbol, for example <c>BTC/USD</c>.</summary>
    public required string Symbol { get; init; }

    /// <summary>Long or short.</summary>
    public required TradeDirection Direction { get; init; }

    /// <summary>Quantity × entry price, in quote currency; not negative.</summary>
    public required decimal Notional { get; init; }
}
