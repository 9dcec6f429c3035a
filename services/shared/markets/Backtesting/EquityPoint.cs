namespace Trading.Markets.Backtesting;

/// <summary>Account equity at a moment: the start of a run, or the exit of a trade.</summary>
/// <param name="Time">UTC time.</param>
/// <param name="Equity">Equity in quote currency, realised P&amp;L only.</param>
public readonly record struct EquityPoint(DateTimeOffset Time, decimal Equity);
