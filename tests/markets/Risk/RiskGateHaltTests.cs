using Trading.Markets.Risk;
using Trading.Markets.Strategies;
using static Trading.Markets.Tests.Risk.RiskScenario;

namespace Trading.Markets.Tests.Risk;

// DueHalts, the order of the rules and the errors of RiskGate.Decide.
public sealed class RiskGateHaltTests
{
    private static readonly RiskScenario Base = new();

    [Theory]
    [InlineData("-300", true)]
    [InlineData("-299.99", false)]
    public void Daily_loss_halt_is_due_when_the_limit_is_reached_and_ends_at_the_next_utc_midnight(string pnl, bool due)
    {
        var value = decimal.Parse(pnl, System.Globalization.CultureInfo.InvariantCulture);
        var account = Base.Account with { RealisedPnlToday = value, Equity = 10_000m + value };

        var halts = RiskGate.DueHalts(account, Base.Limits, Noon);

        if (due)
        {
            var halt = Assert.Single(halts);
            Assert.Equal((RiskHalt.DailyLoss, "daily-loss-limit"), (halt.Halt, halt.Rule));
            Assert.Equal(new DateTimeOffset(2025, 11, 11, 0, 0, 0, TimeSpan.Zero), halt.Until);
            Assert.Contains("-3 % of the day's starting equity 10,000", halt.Reason);
        }
        else
        {
            Assert.Empty(halts);
        }
    }

    [Theory]
    [InlineData("8500", true)]
    [InlineData("8500.01", false)]
    public void Drawdown_halt_is_due_when_the_limit_is_reached_and_lasts_until_resumed(string equity, bool due)
    {
        var value = decimal.Parse(equity, System.Globalization.CultureInfo.InvariantCulture);
        var account = Base.Account with { Equity = value, DayStartEquity = value };

        var halts = RiskGate.DueHalts(account, Base.Limits, Noon);

        if (due)
        {
            var halt = Assert.Single(halts);
            Assert.Equal((RiskHalt.Drawdown, "max-drawdown", (DateTimeOffset?)null), (halt.Halt, halt.Rule, halt.Until));
            Assert.Equal(
                "Equity 8,500 is 15 % below its peak 10,000, reaching the maximum drawdown of 15 %; halted until an operator resumes.",
                halt.Reason);
        }
        else
        {
            Assert.Empty(halts);
        }
    }

    [Fact]
    public void Both_halts_are_due_drawdown_first_and_a_recorded_halt_is_not_due_again()
    {
        var account = Base.Account with { Equity = 8_000m, RealisedPnlToday = -2_000m };

        var both = RiskGate.DueHalts(account, Base.Limits, Noon);
        var recorded = RiskGate.DueHalts(
            account with { DrawdownHalted = true, DailyLossHaltedUntil = both[1].Until }, Base.Limits, Noon.AddHours(1));

        Assert.Equal([RiskHalt.Drawdown, RiskHalt.DailyLoss], both.Select(h => h.Halt));
        Assert.Empty(recorded);
    }

    [Fact]
    public void A_recorded_daily_halt_outlives_a_recovery_of_the_days_pnl_and_ends_at_midnight()
    {
        var losing = Base.Account with { RealisedPnlToday = -300m, Equity = 9_700m };
        var halt = Assert.Single(RiskGate.DueHalts(losing, Base.Limits, Noon));
        var recovered = losing with { RealisedPnlToday = 50m, Equity = 10_050m, DailyLossHaltedUntil = halt.Until };

        var evening = (Base with { Account = recovered, Now = Noon.AddHours(11) }).Decide();
        var midnight = (Base with { Account = recovered, Now = halt.Until!.Value }).Decide();

        Assert.Equal("daily-loss-limit", evening.Rule);
        Assert.Equal("Trading is halted after the daily loss limit was reached, until 2025-11-11T00:00:00Z.", evening.Reason);
        Assert.True(midnight.Approved);
    }

    [Theory]
    [InlineData("2025-11-10T00:00:00Z", "2025-11-11T00:00:00Z")]
    [InlineData("2025-11-10T23:59:59.9999999Z", "2025-11-11T00:00:00Z")]
    [InlineData("2025-12-31T12:00:00Z", "2026-01-01T00:00:00Z")]
    public void Next_utc_day_is_the_following_utc_midnight(string now, string expected)
    {
        var next = RiskGate.NextUtcDay(TestData.ParseTime(now));

        Assert.Equal(TestData.ParseTime(expected), next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
    }

    [Fact]
    public void Next_utc_day_reads_the_utc_date_of_a_local_time()
    {
        var lateInNewYork = new DateTimeOffset(2025, 11, 10, 21, 0, 0, TimeSpan.FromHours(-5));

        Assert.Equal(new DateTimeOffset(2025, 11, 12, 0, 0, 0, TimeSpan.Zero), RiskGate.NextUtcDay(lateInNewYork));
    }

    [Fact]
    public void Applies_the_rules_in_the_documented_order()
    {
        var breaks = new Dictionary<string, Func<RiskScenario, RiskScenario>>
        {
            ["kill-switch"] = s => s.WithAccount(a => a with { KillSwitch = true }),
            ["no-equity"] = s => s.WithAccount(a => a with { Equity = -1m }),
            ["max-drawdown"] = s => s.WithAccount(a => a with { DrawdownHalted = true }),
            ["daily-loss-limit"] = s => s.WithAccount(a => a with { DailyLossHaltedUntil = Noon.AddHours(1) }),
            ["loss-cooldown"] = s => s.WithAccount(a => a with { ConsecutiveLosses = 3, LastLossAt = Noon.AddHours(-1) }),
            ["invalid-stop"] = s => s.WithRequest(r => r with { StopLoss = r.Entry }),
            ["duplicate-position"] = s => s.Holding(Position("BTC/USD", TradeDirection.Long)),
            ["max-open-positions"] = s => s.WithLimits(l => l with { MaxOpenPositions = 0 }),
            ["correlated-exposure"] = s => (s with { Correlations = s.Correlations.With("BTC/USD", "ETH/USD", 0.9) })
                .Holding(Position("ETH/USD", TradeDirection.Long)),
            ["no-backtest-record"] = s => s.WithLimits(l => l with { Sizing = PositionSizing.Kelly }).WithRequest(r => r with { Edge = null }),
            ["negative-kelly"] = s => s.WithLimits(l => l with { Sizing = PositionSizing.Kelly })
                .WithRequest(r => r with { Edge = new TradeEdge { WinRate = 0.3m, AverageWinR = 1m, AverageLossR = 1m } }),
            ["below-min-quantity"] = s => s.WithLimits(l => l with { MinQuantity = 1_000m }),
            ["max-leverage"] = s => s.WithLimits(l => l with { MaxLeverage = 0.1m }).WithRequest(r => r with { IsPerpetual = true }),
        };

        var firstFailures = RiskRules.InOrder
            .Select((rule, i) => RiskRules.InOrder.Skip(i).Reverse().Aggregate(Base, (s, r) => breaks[r](s)).Decide().Rule ?? "approved")
            .ToList();
        var alone = RiskRules.InOrder.Select(rule => breaks[rule](Base).Decide().Rule ?? "approved").ToList();

        Assert.Equal(RiskRules.InOrder, breaks.Keys);
        Assert.Equal(RiskRules.InOrder, firstFailures);
        Assert.Equal(RiskRules.InOrder, alone);
        Assert.True(Base.Decide().Approved);
    }

    [Fact]
    public void Rule_names_are_kebab_case_and_distinct()
    {
        Assert.All(RiskRules.InOrder, rule => Assert.Matches("^[a-z]+(-[a-z]+)*$", rule));
        Assert.Equal(RiskRules.InOrder.Count, RiskRules.InOrder.Distinct().Count());
        Assert.Equal(13, RiskRules.InOrder.Count);
    }

    [Fact]
    public void Kill_switch_outranks_every_other_rule()
    {
        var everythingWrong = Base
            .WithAccount(a => a with { KillSwitch = true, Equity = 0m, DrawdownHalted = true, ConsecutiveLosses = 9, LastLossAt = Noon })
            .WithRequest(r => r with { StopLoss = 50_000m });

        var decision = everythingWrong.Decide();

        Assert.Equal(("kill-switch", "The kill switch is engaged: every order is rejected until an operator resumes."), (decision.Rule, decision.Reason));
    }

    [Theory]
    [MemberData(nameof(InvalidLimits))]
    public void Refuses_limits_out_of_range_as_a_configuration_error(RiskLimits limits, string parameter)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => (Base with { Limits = limits }).Decide());
        var halts = Assert.Throws<ArgumentOutOfRangeException>(() => RiskGate.DueHalts(Base.Account, limits, Noon));

        Assert.Equal((parameter, parameter), (exception.ParamName, halts.ParamName));
    }

    public static TheoryData<RiskLimits, string> InvalidLimits => new()
    {
        { new RiskLimits { RiskPerTrade = 0m }, "RiskPerTrade" },
        { new RiskLimits { Sizing = (PositionSizing)7 }, "Sizing" },
        { new RiskLimits { KellyFraction = 0m }, "KellyFraction" },
        { new RiskLimits { KellyFraction = 1.01m }, "KellyFraction" },
        { new RiskLimits { KellyCap = 0m }, "KellyCap" },
        { new RiskLimits { MaxDailyLoss = 0m }, "MaxDailyLoss" },
        { new RiskLimits { MaxDailyLoss = 1.5m }, "MaxDailyLoss" },
        { new RiskLimits { MaxDrawdown = 0m }, "MaxDrawdown" },
        { new RiskLimits { CooldownAfterLosses = -1 }, "CooldownAfterLosses" },
        { new RiskLimits { CooldownDuration = TimeSpan.FromTicks(-1) }, "CooldownDuration" },
        { new RiskLimits { CorrelationThreshold = 0 }, "CorrelationThreshold" },
        { new RiskLimits { CorrelationThreshold = double.NaN }, "CorrelationThreshold" },
        { new RiskLimits { CorrelationThreshold = 1.01 }, "CorrelationThreshold" },
        { new RiskLimits { MaxCorrelatedPositions = 0 }, "MaxCorrelatedPositions" },
        { new RiskLimits { MaxLeverage = 0m }, "MaxLeverage" },
    };

    [Fact]
    public void Refuses_a_malformed_request_or_account()
    {
        var noSymbol = Assert.Throws<ArgumentException>(() => Base.WithRequest(r => r with { Symbol = " " }).Decide());
        var noEntry = Assert.Throws<ArgumentOutOfRangeException>(() => Base.WithRequest(r => r with { Entry = 0m }).Decide());
        var badEdge = Assert.Throws<ArgumentOutOfRangeException>(
            () => Base.WithRequest(r => r with { Edge = new TradeEdge { WinRate = 2m, AverageWinR = 1m, AverageLossR = 1m } }).Decide());
        var untimedLosses = Assert.Throws<ArgumentException>(() => Base.WithAccount(a => a with { ConsecutiveLosses = 1 }).Decide());
        var negativeNotional = Assert.Throws<ArgumentOutOfRangeException>(
            () => Base.Holding(Position("ETH/USD", TradeDirection.Long, -1m)).Decide());

        Assert.Equal(
            ("Symbol", "Entry", "WinRate", "LastLossAt", "OpenPositions"),
            (noSymbol.ParamName, noEntry.ParamName, badEdge.ParamName, untimedLosses.ParamName, negativeNotional.ParamName));
    }

    [Fact]
    public void A_fresh_account_starts_at_its_equity_on_the_utc_day_of_now()
    {
        var account = RiskAccount.Start(2_500m, new DateTimeOffset(2025, 11, 10, 22, 0, 0, TimeSpan.FromHours(-3)));

        Assert.Equal(
            (2_500m, 2_500m, 2_500m, new DateOnly(2025, 11, 11), 0m, 0, false, false, (DateTimeOffset?)null),
            (account.Equity, account.PeakEquity, account.DayStartEquity, account.Day, account.RealisedPnlToday, account.ConsecutiveLosses,
             account.KillSwitch, account.DrawdownHalted, account.DailyLossHaltedUntil));
        Assert.Empty(account.OpenPositions);
    }
}
