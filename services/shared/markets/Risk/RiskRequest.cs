using Trading.Markets.Strategies;

namespace Trading.Markets.Risk;

/// <summary>A trade asked of <see cref="RiskGate"/>: the signal's market, direction, entry and stop, and its backtest edge.</summary>
public sealed record RiskRequest
{
    /// <summary>Upper-case symbol, for example <c>BTC/USD</c>.</summary>
    public required string Symbol { get; init; }

    /// <summary>Long or short.</summary>
    public required TradeDirection Direction { get; init; }

    /// <summary>Intended entry price in quote currency; positive.</summary>
    public required decimal Entry { get; init; }

    /// <summary>Stop-loss price in quote currency.</summary>
    public required decimal StopLoss { get; init; }

    /// <summary>True when the instrument is a perpetual future, so <see cref="RiskLimits.MaxLeverage"/> applies.</summary>
    public bool IsPerpetual { get; init; }

    /// <summary>The edge from the signal's backtest record; needed only when <see cref="RiskLimits.Sizing"/> is Kelly.</summary>
    public TradeEdge? Edge { get; init; }
}
