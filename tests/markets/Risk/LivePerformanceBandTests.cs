using Trading.Markets.Risk;

namespace Trading.Markets.Tests.Risk;

public sealed class LivePerformanceBandTests
{
    private static readonly LivePerformanceBand Band = new() { MinTrades = 4, MaxWinRateShortfall = 0.10m, MinProfitFactorRatio = 0.5m, MaxDrawdownRatio = 1.5m };

    [Fact]
    public void Measures_a_track_record_as_a_backtest_does()
    {
        // Equity 1,000 → 1,100 → 1,050 → 1,010 → 1,030: peak 1,100, trough 1,010, drawdown 90 / 1,100.
        var live = LiveTrackRecord.From([100m, -50m, -40m, 20m], 1_000m);

        Assert.Equal(4, live.Trades);
        Assert.Equal(2, live.Wins);
        Assert.Equal(0.5m, live.WinRate);
        Assert.Equal(120m / 90m, live.ProfitFactor);
        Assert.Equal(30m, live.NetPnl);
        Assert.Equal(90m / 1_100m * 100m, live.MaxDrawdownPct);
        Assert.Null(LiveTrackRecord.From([5m, 1m], 1_000m).ProfitFactor);
    }

    [Fact]
    public void Says_nothing_before_the_minimum_number_of_trades()
    {
        var live = LiveTrackRecord.From([-10m, -10m, -10m], 1_000m);

        Assert.Empty(Band.Deviations(live, backtestWinRate: 0.6m, backtestProfitFactor: 2m, backtestMaxDrawdownPct: 1m));
    }

    [Fact]
    public void The_win_rate_may_fall_exactly_to_the_band_but_not_below_it()
    {
        var live = LiveTrackRecord.From([10m, -1m, -1m, -1m], 1_000m); // 25 %, PF 3.33, drawdown 0.3 %

        Assert.Empty(Band.Deviations(live, backtestWinRate: 0.35m, backtestProfitFactor: null, backtestMaxDrawdownPct: 1m));
        var deviation = Assert.Single(Band.Deviations(live, backtestWinRate: 0.3501m, backtestProfitFactor: null, backtestMaxDrawdownPct: 1m));
        Assert.StartsWith("live win rate 25.0 % is below the backtest's 35.0 % less 10 points", deviation);
    }

    [Fact]
    public void The_profit_factor_and_the_drawdown_have_their_own_bounds()
    {
        var live = LiveTrackRecord.From([10m, 10m, -20m, -20m], 1_000m); // 50 %, PF 0.5, drawdown 40 / 1,020

        Assert.Empty(Band.Deviations(live, 0.5m, backtestProfitFactor: 1m, backtestMaxDrawdownPct: 40m / 1_020m * 100m / 1.5m));
        var deviations = Band.Deviations(live, 0.5m, backtestProfitFactor: 1.01m, backtestMaxDrawdownPct: 2m);
        Assert.Equal(2, deviations.Count);
        Assert.StartsWith("live profit factor 0.5 is below 0.5 × the backtest's 1.01", deviations[0]);
        Assert.StartsWith("live max drawdown 3.92 % is above 1.5 × the backtest's 2 % (3 %)", deviations[1]);
    }

    [Theory]
    [InlineData(0, 0.1, 0.5, 1.5)]
    [InlineData(1, 1.1, 0.5, 1.5)]
    [InlineData(1, 0.1, -0.1, 1.5)]
    [InlineData(1, 0.1, 0.5, 0.99)]
    public void Refuses_a_band_out_of_range(int minTrades, double shortfall, double pfRatio, double ddRatio)
    {
        var band = new LivePerformanceBand
        {
            MinTrades = minTrades,
            MaxWinRateShortfall = (decimal)shortfall,
            MinProfitFactorRatio = (decimal)pfRatio,
            MaxDrawdownRatio = (decimal)ddRatio,
        };

        Assert.Throws<ArgumentOutOfRangeException>(band.Validate);
    }
}
