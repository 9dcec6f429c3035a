using Trading.Markets.Execution;
using Trading.Markets.Risk;
using Trading.Markets.Strategies;

namespace Trading.Markets.Backtesting;

/// <summary>The account, risk and fill assumptions of a backtest; the defaults are those of live paper trading.</summary>
public sealed record BacktestSettings
{
    /// <summary>Equity each account (one per strategy, symbol and interval) starts with, in quote currency; positive.</summary>
    public decimal StartingEquity { get; init; } = 10_000m;

    /// <summary>The limits <see cref="RiskGate.Evaluate"/> sizes each trade with.</summary>
    public RiskLimits RiskLimits { get; init; } = new();

    /// <summary>Slippage and fees of every entry and exit fill.</summary>
    public PaperFillModel FillModel { get; init; } = new();

    /// <summary>A position still open this long after its entry is closed at the close of the input candle that reaches it.</summary>
    public TimeSpan MaxHolding { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The minimum reward-to-risk per interval given to the strategies (see <see cref="StrategyContext.MinimumRiskReward"/>).</summary>
    public RiskRewardMinimums RiskRewardMinimums { get; init; } = new();
}
