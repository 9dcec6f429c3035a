namespace Trading.Markets.Backtesting;

/// <summary>A signal that changed when the data after its candle was taken away: the strategy looked ahead.</summary>
/// <param name="Strategy">Strategy name.</param>
/// <param name="Symbol">Symbol.</param>
/// <param name="Interval">Interval.</param>
/// <param name="SignalAt">Close of the signal candle (UTC).</param>
/// <param name="Difference">What differed, in words with both values.</param>
public sealed record LookaheadFinding(string Strategy, string Symbol, Interval Interval, DateTimeOffset SignalAt, string Difference);
