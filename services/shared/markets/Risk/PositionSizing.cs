namespace Trading.Markets.Risk;

/// <summary>How <see cref="RiskGate"/> chooses the fraction of equity a trade risks.</summary>
public enum PositionSizing
{
    /// <summary>Risk <see cref="RiskLimits.RiskPerTrade"/> of equity on every trade.</summary>
    FixedFraction,

    /// <summary>
    /// Risk the Kelly fraction of the signal's backtest record (<see cref="TradeEdge.Kelly"/>) × <see cref="RiskLimits.KellyFraction"/>,
    /// capped at <see cref="RiskLimits.KellyCap"/>.
    /// </summary>
    Kelly,
}
