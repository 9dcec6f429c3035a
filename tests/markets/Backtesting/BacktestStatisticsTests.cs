using Trading.Markets.Backtesting;
using Trading.Markets.Strategies;

namespace Trading.Markets.Tests.Backtesting;

public sealed class BacktestStatisticsTests
{
    private static readonly DateTimeOffset Day = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Computes_the_trade_figures_from_the_pnl_and_r_multiples()
    {
        var trades = new[]
        {
            Trade(200m, 2m, hour: 1),
            Trade(-100m, -1m, hour: 2),
            Trade(-50m, -0.5m, hour: 3),
            Trade(300m, 3m, hour: 4),
            Trade(-100m, -1m, hour: 5),
        };

        var statistics = BacktestStatistics.Compute(trades, 1_000m, Day, Day.AddHours(10));

        Assert.Equal((5, 2, 3), (statistics.Trades, statistics.Wins, statistics.Losses));
        Assert.Equal(0.4, statistics.WinRate);
        Assert.Equal((250m, -250m / 3), (statistics.AverageWin, statistics.AverageLoss));
        Assert.Equal(2m, statistics.ProfitFactor);
        Assert.Equal(0.5m, statistics.ExpectancyR);
        Assert.Equal(250m, statistics.NetPnl);
        Assert.Equal(2, statistics.LongestLosingStreak);
        Assert.Equal(150.0 / 1_200 * 100, statistics.MaxDrawdownPct, 12);
        Assert.Equal(5 * 0.5 / 10 * 100, statistics.ExposurePct, 12);
        Assert.Equal(1 / 3.0, statistics.BreakevenWinRate, 12);
    }

    [Fact]
    public void Averages_the_r_multiples_of_wins_and_the_absolute_r_multiples_of_losses()
    {
        var trades = new[]
        {
            Trade(240m, 2.4m, hour: 1),
            Trade(-100m, -1m, hour: 2),
            Trade(90m, 0.9m, hour: 3),
            Trade(-35m, -0.35m, hour: 4),
            Trade(0m, 0m, hour: 5),
            Trade(150m, 1.5m, hour: 6),
        };

        var statistics = BacktestStatistics.Compute(trades, 1_000m, Day, Day.AddHours(10));

        Assert.Equal((2.4m + 0.9m + 1.5m) / 3, statistics.AverageWinR);
        Assert.Equal(1.6m, statistics.AverageWinR);
        Assert.Equal((1m + 0.35m + 0m) / 3, statistics.AverageLossR);
        Assert.Equal(0.45m, statistics.AverageLossR);
    }

    [Fact]
    public void Gives_a_zero_average_r_to_the_side_without_trades()
    {
        var onlyWins = BacktestStatistics.Compute([Trade(10m, 1m, hour: 1), Trade(30m, 2m, hour: 2)], 1_000m, Day, Day.AddHours(3));
        var onlyLosses = BacktestStatistics.Compute([Trade(-10m, -1m, hour: 1), Trade(-5m, -0.5m, hour: 2)], 1_000m, Day, Day.AddHours(3));

        Assert.Equal((1.5m, 0m), (onlyWins.AverageWinR, onlyWins.AverageLossR));
        Assert.Equal((0m, 0.75m), (onlyLosses.AverageWinR, onlyLosses.AverageLossR));
    }

    [Fact]
    public void Leaves_the_profit_factor_undefined_without_a_losing_trade()
    {
        var statistics = BacktestStatistics.Compute([Trade(10m, 1m, hour: 1)], 1_000m, Day, Day.AddHours(2));

        Assert.Null(statistics.ProfitFactor);
        Assert.Equal(0.0, statistics.MaxDrawdownPct);
    }

    [Fact]
    public void Gives_zeros_without_trades()
    {
        var statistics = BacktestStatistics.Compute([], 1_000m, Day, Day.AddDays(3));

        Assert.Equal(
            (0, 0.0, 0m, 0m, 0m, 0.0, 0.0, 0.0, 0.0, 0),
            (statistics.Trades, statistics.WinRate, statistics.NetPnl, statistics.AverageWin, statistics.AverageLoss, statistics.Sharpe,
                statistics.Sortino, statistics.BreakevenWinRate, statistics.ExposurePct, statistics.LongestLosingStreak));
        Assert.Equal((0m, 0m), (statistics.AverageWinR, statistics.AverageLossR));
        Assert.Null(statistics.ProfitFactor);
    }

    [Fact]
    public void Annualises_sharpe_and_sortino_from_the_daily_returns_of_equity()
    {
        var trades = new[] { Trade(100m, 1m, hour: 12), Trade(-55m, -1m, hour: 36), Trade(22m, 1m, hour: 60) };

        var statistics = BacktestStatistics.Compute(trades, 1_000m, Day, Day.AddDays(4));

        double[] returns = [0.1, -0.05, 22 / 1_045.0, 0.0];
        var mean = returns.Average();
        var deviation = Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / 3);
        var downside = Math.Sqrt(0.05 * 0.05 / 4);
        Assert.Equal(mean / deviation * Math.Sqrt(365), statistics.Sharpe, 9);
        Assert.Equal(mean / downside * Math.Sqrt(365), statistics.Sortino, 9);
    }

    [Fact]
    public void Sharpe_and_sortino_are_zero_when_undefined()
    {
        var oneDay = BacktestStatistics.Compute([Trade(-10m, -1m, hour: 1)], 1_000m, Day, Day.AddHours(20));
        var noLosingDay = BacktestStatistics.Compute([Trade(10m, 1m, hour: 1)], 1_000m, Day, Day.AddDays(2));

        Assert.Equal((0.0, 0.0), (oneDay.Sharpe, oneDay.Sortino));
        Assert.Equal(0.0, noLosingDay.Sortino);
        Assert.True(noLosingDay.Sharpe > 0);
    }

    // A trade entered at the hour before `hour` and exited half an hour later.
    private static BacktestTrade Trade(decimal pnl, decimal r, int hour) => new()
    {
        Strategy = "s",
        Symbol = "TEST",
        Interval = Interval.OneMinute,
        Direction = TradeDirection.Long,
        SignalAt = Day.AddHours(hour - 1),
        EntryTime = Day.AddHours(hour - 1),
        EntryPrice = 100m,
        ExitTime = Day.AddHours(hour - 0.5),
        ExitPrice = 100m,
        Quantity = 1m,
        StopLoss = 99m,
        TakeProfit = 102m,
        PlannedRiskReward = 2m,
        Fees = 0m,
        Pnl = pnl,
        RMultiple = r,
        ExitReason = BacktestExitReason.TakeProfit,
    };
}
