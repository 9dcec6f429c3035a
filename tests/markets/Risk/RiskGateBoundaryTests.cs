using Trading.Markets.Risk;
using Trading.Markets.Strategies;
using static Trading.Markets.Tests.Risk.RiskScenario;

namespace Trading.Markets.Tests.Risk;

// One table per rule of RiskGate.Decide: each rejects exactly at its boundary and passes one step before it. A null rule means
// approved. Loss limits trip when reached; exposure limits may be reached but not passed; cooldowns and halts end at their end time.
public sealed class RiskGateBoundaryTests
{
    private static readonly RiskScenario Base = new();

    [Theory]
    [InlineData(true, "kill-switch")]
    [InlineData(false, null)]
    public void Kill_switch_rejects_everything_while_engaged(bool engaged, string? rule)
    {
        var decision = Base.WithAccount(a => a with { KillSwitch = engaged }).Decide();

        AssertOutcome(decision, rule);
    }

    [Theory]
    [InlineData("0", "no-equity")]
    [InlineData("-1", "no-equity")]
    [InlineData("1", null)]
    public void No_equity_rejects_at_zero_equity(string equity, string? rule)
    {
        var value = decimal.Parse(equity, System.Globalization.CultureInfo.InvariantCulture);

        var decision = Base.WithAccount(a => a with { Equity = value, PeakEquity = value, DayStartEquity = value }).Decide();

        AssertOutcome(decision, rule);
    }

    [Theory]
    [InlineData("8500", "max-drawdown")]
    [InlineData("8000", "max-drawdown")]
    [InlineData("8500.01", null)]
    [InlineData("8501", null)]
    public void Max_drawdown_rejects_at_15_percent_below_the_peak(string equity, string? rule)
    {
        var value = decimal.Parse(equity, System.Globalization.CultureInfo.InvariantCulture);

        var decision = Base.WithAccount(a => a with { Equity = value, DayStartEquity = value, PeakEquity = 10_000m }).Decide();

        AssertOutcome(decision, rule);
    }

    [Theory]
    [InlineData(true, "max-drawdown")]
    [InlineData(false, null)]
    public void Drawdown_halt_rejects_until_an_operator_resumes_even_after_equity_recovers(bool halted, string? rule)
    {
        var decision = Base.WithAccount(a => a with { DrawdownHalted = halted }).Decide();

        AssertOutcome(decision, rule);
        if (halted)
        {
            Assert.Equal("Trading is halted after the maximum drawdown was reached, until an operator resumes.", decision.Reason);
        }
    }

    [Theory]
    [InlineData("-300", "daily-loss-limit")]
    [InlineData("-450", "daily-loss-limit")]
    [InlineData("-299.99", null)]
    [InlineData("-299", null)]
    [InlineData("250", null)]
    public void Daily_loss_limit_rejects_at_minus_3_percent_of_the_days_starting_equity(string pnl, string? rule)
    {
        var value = decimal.Parse(pnl, System.Globalization.CultureInfo.InvariantCulture);

        var decision = Base.WithAccount(a => a with { RealisedPnlToday = value, Equity = 10_000m + value }).Decide();

        AssertOutcome(decision, rule);
    }

    [Fact]
    public void Daily_loss_reason_gives_the_numbers_and_the_end_of_the_halt()
    {
        var decision = Base.WithAccount(a => a with { RealisedPnlToday = -300m, Equity = 9_700m }).Decide();

        Assert.Equal(
            "Realised P&L today is -300, -3 % of the day's starting equity 10,000, reaching the daily loss limit of -3 %; " +
            "no new orders until 2025-11-11T00:00:00Z.",
            decision.Reason);
    }

    [Theory]
    [InlineData("2025-11-10T23:59:59.9999999Z", "daily-loss-limit")]
    [InlineData("2025-11-10T12:00:00Z", "daily-loss-limit")]
    [InlineData("2025-11-11T00:00:00Z", null)]
    public void Daily_loss_halt_lasts_until_the_next_utc_day_even_when_the_loss_is_reduced(string now, string? rule)
    {
        var scenario = Base with { Now = TestData.ParseTime(now) };

        var decision = scenario
            .WithAccount(a => a with { RealisedPnlToday = -100m, Equity = 9_900m, DailyLossHaltedUntil = RiskGate.NextUtcDay(Noon) })
            .Decide();

        AssertOutcome(decision, rule);
    }

    [Fact]
    public void Yesterdays_loss_does_not_count_against_today()
    {
        var yesterday = new DateOnly(2025, 11, 9);

        var decision = Base.WithAccount(a => a with { Day = yesterday, DayStartEquity = 10_400m, RealisedPnlToday = -400m }).Decide();

        AssertOutcome(decision, null);
    }

    [Theory]
    [InlineData(3, 60, "loss-cooldown")]
    [InlineData(5, 60, "loss-cooldown")]
    [InlineData(2, 60, null)]
    [InlineData(3, 239, "loss-cooldown")]
    [InlineData(3, 240, null)]
    public void Loss_cooldown_rejects_from_the_nth_loss_in_a_row_until_the_duration_has_passed(
        int losses, int minutesSinceLastLoss, string? rule)
    {
        var decision = Base
            .WithAccount(a => a with { ConsecutiveLosses = losses, LastLossAt = Noon.AddMinutes(-minutesSinceLastLoss) })
            .Decide();

        AssertOutcome(decision, rule);
    }

    [Fact]
    public void Loss_cooldown_ends_exactly_at_the_last_loss_plus_the_duration()
    {
        var scenario = Base.WithAccount(a => a with { ConsecutiveLosses = 3, LastLossAt = Noon.AddHours(-4) });

        var oneTickBefore = (scenario with { Now = Noon.AddTicks(-1) }).Decide();
        var atTheEnd = scenario.Decide();

        AssertOutcome(oneTickBefore, "loss-cooldown");
        Assert.Equal(
            "3 losses in a row (cooldown after 3), the last at 2025-11-10T08:00:00Z: no new orders for 240 minutes, " +
            "until 2025-11-10T12:00:00Z.",
            oneTickBefore.Reason);
        AssertOutcome(atTheEnd, null);
    }

    [Fact]
    public void Loss_cooldown_is_off_when_its_count_is_zero()
    {
        var decision = Base
            .WithLimits(l => l with { CooldownAfterLosses = 0 })
            .WithAccount(a => a with { ConsecutiveLosses = 10, LastLossAt = Noon })
            .Decide();

        AssertOutcome(decision, null);
    }

    [Theory]
    [InlineData(TradeDirection.Long, "45000", "invalid-stop")]
    [InlineData(TradeDirection.Long, "44999.99", null)]
    [InlineData(TradeDirection.Short, "45000", "invalid-stop")]
    [InlineData(TradeDirection.Short, "45000.01", null)]
    public void Invalid_stop_rejects_a_stop_at_entry(TradeDirection direction, string stop, string? rule)
    {
        var stopLoss = decimal.Parse(stop, System.Globalization.CultureInfo.InvariantCulture);

        var decision = Base.WithRequest(r => r with { Direction = direction, StopLoss = stopLoss }).Decide();

        AssertOutcome(decision, rule);
    }

    [Theory]
    [InlineData("BTC/USD", TradeDirection.Long, "duplicate-position")]
    [InlineData("BTC/USD", TradeDirection.Short, null)]
    [InlineData("SOL/USD", TradeDirection.Long, null)]
    public void One_position_per_symbol_and_direction(string openSymbol, TradeDirection openDirection, string? rule)
    {
        var decision = Base.Holding(Position(openSymbol, openDirection)).Decide();

        AssertOutcome(decision, rule);
    }

    [Theory]
    [InlineData(2, 2, "max-open-positions")]
    [InlineData(2, 1, null)]
    [InlineData(3, 3, "max-open-positions")]
    [InlineData(3, 2, null)]
    public void Max_open_positions_rejects_when_the_limit_is_reached(int limit, int open, string? rule)
    {
        var positions = Enumerable.Range(0, open).Select(i => Position($"ALT{i}/USD", TradeDirection.Short)).ToArray();

        var decision = Base.WithLimits(l => l with { MaxOpenPositions = limit }).Holding(positions).Decide();

        AssertOutcome(decision, rule);
    }

    [Theory]
    [InlineData(0.80, TradeDirection.Long, "correlated-exposure")]
    [InlineData(0.95, TradeDirection.Long, "correlated-exposure")]
    [InlineData(0.79, TradeDirection.Long, null)]
    [InlineData(-0.90, TradeDirection.Long, null)]
    [InlineData(0.95, TradeDirection.Short, null)]
    public void Correlated_exposure_rejects_a_same_direction_position_correlated_at_the_threshold(
        double correlation, TradeDirection openDirection, string? rule)
    {
        var scenario = Base with { Correlations = CorrelationMatrix.Empty.With("BTC/USD", "ETH/USD", correlation) };

        var decision = scenario.Holding(Position("ETH/USD", openDirection)).Decide();

        AssertOutcome(decision, rule);
    }

    [Theory]
    [InlineData(2, 2, "correlated-exposure")]
    [InlineData(2, 1, null)]
    [InlineData(3, 2, null)]
    public void Correlated_positions_count_against_one_limit(int limit, int correlatedOpen, string? rule)
    {
        var correlations = CorrelationMatrix.Empty.With("BTC/USD", "ETH/USD", 0.9).With("BTC/USD", "SOL/USD", 0.85);
        var open = new[] { "ETH/USD", "SOL/USD" }.Take(correlatedOpen).Select(s => Position(s, TradeDirection.Long)).ToArray();
        var scenario = (Base with { Correlations = correlations })
            .WithLimits(l => l with { MaxCorrelatedPositions = limit, MaxOpenPositions = 5 });

        var decision = scenario.Holding(open).Decide();

        AssertOutcome(decision, rule);
    }

    [Fact]
    public void Correlated_exposure_reason_names_the_correlated_positions()
    {
        var scenario = Base with { Correlations = CorrelationMatrix.Empty.With("ETH/USD", "BTC/USD", 0.8413) };

        var decision = scenario.Holding(Position("ETH/USD", TradeDirection.Long)).Decide();

        Assert.Equal(
            "A long in BTC/USD would make 2 long positions in assets correlated at r ≥ 0.8 with it (ETH/USD (r = 0.8413)), " +
            "and at most 1 are allowed.",
            decision.Reason);
    }

    [Theory]
    [InlineData("0.5", "negative-kelly")]
    [InlineData("0.4", "negative-kelly")]
    [InlineData("0.51", null)]
    public void Negative_kelly_rejects_a_record_with_no_edge(string winRate, string? rule)
    {
        var edge = new TradeEdge
        {
            WinRate = decimal.Parse(winRate, System.Globalization.CultureInfo.InvariantCulture),
            AverageWinR = 1m,
            AverageLossR = 1m,
        };

        var decision = Base.WithLimits(l => l with { Sizing = PositionSizing.Kelly }).WithRequest(r => r with { Edge = edge }).Decide();

        AssertOutcome(decision, rule);
    }

    [Fact]
    public void Kelly_sizing_without_a_backtest_record_is_rejected()
    {
        var decision = Base.WithLimits(l => l with { Sizing = PositionSizing.Kelly }).Decide();

        AssertOutcome(decision, "no-backtest-record");
        Assert.Equal("Kelly sizing needs the backtest record's edge, and the long in BTC/USD has none.", decision.Reason);
    }

    [Theory]
    [InlineData("0.40000001", "below-min-quantity")]
    [InlineData("0.4", null)]
    public void Below_min_quantity_rejects_one_step_above_the_sized_quantity(string minimum, string? rule)
    {
        var minQuantity = decimal.Parse(minimum, System.Globalization.CultureInfo.InvariantCulture);

        var decision = Base.WithLimits(l => l with { MaxPositionNotional = 2m, MinQuantity = minQuantity }).Decide();

        AssertOutcome(decision, rule);
    }

    [Theory]
    [InlineData(true, "6000.01", "max-leverage")]
    [InlineData(true, "6000", null)]
    [InlineData(false, "6000.01", null)]
    public void Max_leverage_rejects_a_perpetual_whose_total_notional_would_pass_the_limit(bool perpetual, string openNotional, string? rule)
    {
        var notional = decimal.Parse(openNotional, System.Globalization.CultureInfo.InvariantCulture);
        var scenario = Base.WithRequest(r => r with { Entry = 100m, StopLoss = 95m, IsPerpetual = perpetual });

        var decision = scenario.Holding(Position("ETH-PERP", TradeDirection.Short, notional)).Decide();

        AssertOutcome(decision, rule);
    }

    [Fact]
    public void Max_leverage_reason_gives_the_notionals()
    {
        var scenario = Base.WithRequest(r => r with { Entry = 100m, StopLoss = 95m, IsPerpetual = true });

        var rejected = scenario.Holding(Position("ETH-PERP", TradeDirection.Short, 6_000.01m)).Decide();
        var approved = scenario.WithLimits(l => l with { MaxLeverage = 2m }).Holding(Position("ETH-PERP", TradeDirection.Short, 6_000.01m)).Decide();

        Assert.EndsWith(
            "rounded down to step 0.00000001: 40; open notional 6,000.01 + 4,000 on equity 10,000 is leverage 1.000001, " +
            "above the perpetual leverage limit 1.",
            rejected.Reason);
        Assert.Equal((true, 40m), (approved.Approved, approved.Quantity));
        Assert.EndsWith("is leverage 1.000001, within 2, notional 4,000.", approved.Reason);
    }

    internal static void AssertOutcome(RiskDecision decision, string? rule)
    {
        Assert.Equal(rule, decision.Rule);
        Assert.Equal(rule is null, decision.Approved);
        if (rule is null)
        {
            Assert.True(decision.Quantity > 0m, decision.Reason);
        }
        else
        {
            Assert.Equal(0m, decision.Quantity);
            Assert.Contains(rule, RiskRules.InOrder);
        }
    }
}
