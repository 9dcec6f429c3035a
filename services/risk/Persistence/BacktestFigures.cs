namespace Trading.Risk.Persistence;

/// <summary>The backtest figures a decision's signal carried: win rate (0 to 1), profit factor (null without a loss), max drawdown in percent.</summary>
public sealed class BacktestFigures
{
    public decimal WinRate { get; set; }

    public decimal? ProfitFactor { get; set; }

    public decimal MaxDrawdownPct { get; set; }
}
