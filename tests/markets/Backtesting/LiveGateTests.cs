using Trading.Markets.Backtesting;

namespace Trading.Markets.Tests.Backtesting;

public sealed class LiveGateTests
{
    private static readonly Interval FiveMinutes = Interval.Parse("5m");
    private static readonly BacktestStatistics Passing = new()
    {
        Trades = 50,
        Wins = 25,
        WinRate = 0.5,
        BreakevenWinRate = 1 / 3.0,
        GrossProfit = 120m,
        GrossLoss = -100m,
        ProfitFactor = 1.2m,
    };

    [Fact]
    public void Passes_with_exactly_fifty_trades_and_a_profit_factor_of_exactly_1_2()
    {
        var result = new LiveGate().Evaluate(Passing, FiveMinutes);

        Assert.True(result.Passed);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public void Fails_with_forty_nine_trades_and_says_why()
    {
        var result = new LiveGate().Evaluate(Passing with { Trades = 49 }, FiveMinutes);

        Assert.False(result.Passed);
        Assert.Equal(["49 trades, fewer than the 50 required."], result.Reasons);
    }

    [Fact]
    public void Fails_with_a_profit_factor_just_below_1_2()
    {
        var result = new LiveGate().Evaluate(Passing with { ProfitFactor = 1.199m }, FiveMinutes);

        Assert.Equal(["profit factor 1.199 is below 1.2."], result.Reasons);
    }

    [Fact]
    public void Needs_the_win_rate_strictly_above_break_even_plus_the_margin()
    {
        var atMargin = Passing with { WinRate = 0.45, BreakevenWinRate = 0.40 };

        var result = new LiveGate().Evaluate(atMargin, FiveMinutes);
        var above = new LiveGate().Evaluate(atMargin with { WinRate = 0.4501 }, FiveMinutes);

        Assert.Equal(["win rate 45.0 % is not above the break-even 40.0 % plus the margin 5.0 % (45.0 %)."], result.Reasons);
        Assert.True(above.Passed);
    }

    [Fact]
    public void Lists_every_failed_rule()
    {
        var result = new LiveGate().Evaluate(new BacktestStatistics(), FiveMinutes);

        Assert.Equal(3, result.Reasons.Count);
        Assert.StartsWith("0 trades", result.Reasons[0]);
        Assert.StartsWith("profit factor undefined", result.Reasons[2]);
    }

    [Fact]
    public void An_undefined_profit_factor_with_only_winners_passes_that_rule()
    {
        var result = new LiveGate().Evaluate(Passing with { ProfitFactor = null, GrossLoss = 0m }, FiveMinutes);

        Assert.True(result.Passed);
    }

    [Fact]
    public void Uses_the_thresholds_of_the_interval_when_it_has_its_own()
    {
        var gate = new LiveGate
        {
            ByInterval = new Dictionary<string, LiveGateThresholds> { ["5m"] = new() { MinTrades = 100, MinProfitFactor = 1.5m } },
        };

        var fiveMinutes = gate.Evaluate(Passing, FiveMinutes);
        var oneHour = gate.Evaluate(Passing, Interval.Parse("1h"));

        Assert.Equal(2, fiveMinutes.Reasons.Count);
        Assert.True(oneHour.Passed);
    }
}
