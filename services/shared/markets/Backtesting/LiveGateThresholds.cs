namespace Trading.Markets.Backtesting;

/// <summary>What a backtest must show before a strategy may signal live on a symbol and interval.</summary>
public sealed record LiveGateThresholds
{
    /// <summary>Fewest closed trades; default 50.</summary>
    public int MinTrades { get; init; } = 50;

    /// <summary>How far the win rate must be above the break-even win rate (a fraction, 0.05 = 5 points); default 0.05.</summary>
    public double WinRateMargin { get; init; } = 0.05;

    /// <summary>Lowest profit factor; default 1.2.</summary>
    public decimal MinProfitFactor { get; init; } = 1.2m;
}
