namespace Trading.Markets.Backtesting;

/// <summary>
/// The figures of one account's backtest (one strategy on one symbol and interval), computed by <see cref="Compute"/> from its
/// closed trades in exit order. Money is in quote currency.
/// </summary>
public sealed record BacktestStatistics
{
    /// <summary>Days per year used to annualise <see cref="Sharpe"/> and <see cref="Sortino"/>: crypto trades every day.</summary>
    public const double DaysPerYear = 365;

    /// <summary>Closed trades.</summary>
    public int Trades { get; init; }

    /// <summary>Trades with <see cref="BacktestTrade.Pnl"/> &gt; 0. Every other trade (P&amp;L ≤ 0) is a loss.</summary>
    public int Wins { get; init; }

    /// <summary>Trades − wins: trades with P&amp;L ≤ 0.</summary>
    public int Losses => Trades - Wins;

    /// <summary>Wins ÷ trades, 0 to 1; 0 when there are no trades.</summary>
    public double WinRate { get; init; }

    /// <summary>Mean P&amp;L of the wins; 0 when there are none.</summary>
    public decimal AverageWin { get; init; }

    /// <summary>Mean P&amp;L of the losses (zero or negative); 0 when there are none.</summary>
    public decimal AverageLoss { get; init; }

    /// <summary>Σ P&amp;L of the wins.</summary>
    public decimal GrossProfit { get; init; }

    /// <summary>Σ P&amp;L of the losses (zero or negative).</summary>
    public decimal GrossLoss { get; init; }

    /// <summary>Gross profit ÷ |gross loss|; null when the gross loss is 0 (no losing trade), where the ratio is undefined.</summary>
    public decimal? ProfitFactor { get; init; }

    /// <summary>Mean <see cref="BacktestTrade.RMultiple"/>: what a trade earns in units of the risk it took; 0 without trades.</summary>
    public decimal ExpectancyR { get; init; }

    /// <summary>
    /// Mean <see cref="BacktestTrade.RMultiple"/> of the wins (P&amp;L &gt; 0): what a winning trade earns in units of its initial
    /// risk; 0 when there are none. With <see cref="AverageLossR"/> it is the edge Kelly sizing needs.
    /// </summary>
    public decimal AverageWinR { get; init; }

    /// <summary>
    /// Mean |<see cref="BacktestTrade.RMultiple"/>| of the losses (P&amp;L ≤ 0): what a losing trade gives up in units of its initial
    /// risk, as a positive number (a full stop-out is 1); 0 when there are none.
    /// </summary>
    public decimal AverageLossR { get; init; }

    /// <summary>Σ P&amp;L, net of fees.</summary>
    public decimal NetPnl { get; init; }

    /// <summary>
    /// Largest fall of account equity from a peak to a later trough, as a percentage of that peak (0 to 100), with equity taken
    /// at the start and after each closed trade (realised P&amp;L only); 0 when equity never falls.
    /// </summary>
    public double MaxDrawdownPct { get; init; }

    /// <summary>
    /// Annualised Sharpe ratio of daily returns: mean ÷ sample standard deviation (n − 1) × √<see cref="DaysPerYear"/>, no
    /// risk-free rate. The days are the UTC days the data range touches; a day's equity is the equity after the trades that exited
    /// before its end, and its return is that equity ÷ the previous day's − 1 (the first day against the starting equity).
    /// 0 when undefined: fewer than two days, or a standard deviation of 0.
    /// </summary>
    public double Sharpe { get; init; }

    /// <summary>
    /// Annualised Sortino ratio of the same daily returns: mean ÷ downside deviation × √<see cref="DaysPerYear"/>, the downside
    /// deviation being √(Σ min(r, 0)² ÷ n) over all n days. 0 when undefined: fewer than two days, or no day with a loss.
    /// </summary>
    public double Sortino { get; init; }

    /// <summary>Time with a position open ÷ the data range × 100 (0 to 100); 0 for an empty range.</summary>
    public double ExposurePct { get; init; }

    /// <summary>Most losses (P&amp;L ≤ 0) in a row, in exit order.</summary>
    public int LongestLosingStreak { get; init; }

    /// <summary>
    /// The win rate at which the trades would break even before costs: 1 ÷ (1 + mean planned reward-to-risk of the trades)
    /// (a 2:1 trade breaks even at 1/3). 0 when there are no trades.
    /// </summary>
    public double BreakevenWinRate { get; init; }

    /// <summary>Computes the figures.</summary>
    /// <param name="trades">Closed trades of one account, in exit order.</param>
    /// <param name="startingEquity">Equity before the first trade; positive.</param>
    /// <param name="from">Start of the data range (UTC).</param>
    /// <param name="to">End of the data range (UTC), at or after <paramref name="from"/>.</param>
    public static BacktestStatistics Compute(IReadOnlyList<BacktestTrade> trades, decimal startingEquity, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(trades);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(startingEquity);
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);

        var wins = 0;
        decimal grossProfit = 0m, grossLoss = 0m, sumR = 0m, sumWinR = 0m, sumLossR = 0m, sumPlanned = 0m;
        var streak = 0;
        var longestStreak = 0;
        var equity = startingEquity;
        var peak = startingEquity;
        var maxDrawdown = 0.0;
        var exposure = TimeSpan.Zero;
        foreach (var trade in trades)
        {
            if (trade.Pnl > 0m)
            {
                wins++;
                grossProfit += trade.Pnl;
                sumWinR += trade.RMultiple;
                streak = 0;
            }
            else
            {
                grossLoss += trade.Pnl;
                sumLossR += Math.Abs(trade.RMultiple);
                longestStreak = Math.Max(longestStreak, ++streak);
            }

            sumR += trade.RMultiple;
            sumPlanned += trade.PlannedRiskReward;
            exposure += trade.ExitTime - trade.EntryTime;
            equity += trade.Pnl;
            peak = Math.Max(peak, equity);
            if (peak > 0m)
            {
                maxDrawdown = Math.Max(maxDrawdown, (double)((peak - equity) / peak) * 100);
            }
        }

        var count = trades.Count;
        var losses = count - wins;
        var range = to - from;
        var (sharpe, sortino) = DailyRatios(trades, startingEquity, from, to);
        return new BacktestStatistics
        {
            Trades = count,
            Wins = wins,
            WinRate = count == 0 ? 0 : (double)wins / count,
            AverageWin = wins == 0 ? 0m : grossProfit / wins,
            AverageLoss = losses == 0 ? 0m : grossLoss / losses,
            GrossProfit = grossProfit,
            GrossLoss = grossLoss,
            ProfitFactor = grossLoss == 0m ? null : grossProfit / -grossLoss,
            ExpectancyR = count == 0 ? 0m : sumR / count,
            AverageWinR = wins == 0 ? 0m : sumWinR / wins,
            AverageLossR = losses == 0 ? 0m : sumLossR / losses,
            NetPnl = grossProfit + grossLoss,
            MaxDrawdownPct = maxDrawdown,
            Sharpe = sharpe,
            Sortino = sortino,
            ExposurePct = range <= TimeSpan.Zero ? 0 : Math.Min(100, exposure / range * 100),
            LongestLosingStreak = longestStreak,
            BreakevenWinRate = count == 0 ? 0 : 1 / (1 + (double)(sumPlanned / count)),
        };
    }

    private static (double Sharpe, double Sortino) DailyRatios(
        IReadOnlyList<BacktestTrade> trades, decimal startingEquity, DateTimeOffset from, DateTimeOffset to)
    {
        var firstDay = from.UtcDateTime.Date;
        var lastDay = to > from ? (to - TimeSpan.FromTicks(1)).UtcDateTime.Date : firstDay;
        var days = (int)(lastDay - firstDay).TotalDays + 1;
        if (days < 2)
        {
            return (0, 0);
        }

        var returns = new double[days];
        var previous = startingEquity;
        var equity = startingEquity;
        var next = 0;
        for (var day = 0; day < days; day++)
        {
            var end = new DateTimeOffset(firstDay.AddDays(day + 1), TimeSpan.Zero);
            while (next < trades.Count && trades[next].ExitTime < end)
            {
                equity += trades[next++].Pnl;
            }

            returns[day] = previous == 0m ? 0 : (double)(equity / previous) - 1;
            previous = equity;
        }

        var mean = returns.Average();
        var variance = returns.Sum(r => (r - mean) * (r - mean)) / (days - 1);
        var downside = Math.Sqrt(returns.Sum(r => r < 0 ? r * r : 0) / days);
        var annualise = Math.Sqrt(DaysPerYear);
        var sharpe = variance > 0 ? mean / Math.Sqrt(variance) * annualise : 0;
        var sortino = downside > 0 ? mean / downside * annualise : 0;
        return (sharpe, sortino);
    }
}
