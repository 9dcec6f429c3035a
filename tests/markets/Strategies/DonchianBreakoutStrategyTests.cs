using Trading.Markets.Strategies;
using static Trading.Markets.Tests.Strategies.SignalChecks;

namespace Trading.Markets.Tests.Strategies;

public sealed class DonchianBreakoutStrategyTests
{
    // Channel of 3 candles before, exit channel of 2 candles, ATR(2), no volume filter: ready from the 4th candle.
    private static readonly DonchianBreakoutOptions Small = new()
    {
        ChannelPeriod = 3,
        StopChannelPeriod = 2,
        AtrPeriod = 2,
        VolumeMultiple = 0m,
        VolumePeriod = 3,
    };

    [Fact]
    public void Signals_long_when_a_close_breaks_above_the_prior_channel_high()
    {
        var candles = TestCandles.FromCloses(1m, 100, 100, 100, 100, 103);
        var strategy = new DonchianBreakoutStrategy(Small);

        var signals = Each(strategy, candles, Context(2.5m));

        Assert.All(signals.Take(4), Assert.Null);
        var signal = signals[4];
        Assert.NotNull(signal);
        Assert.Equal(
            new StrategySignal
            {
                Strategy = "donchian-breakout",
                Direction = TradeDirection.Long,
                Entry = 103m,
                StopLoss = 99m,
                TakeProfit = 113m,
                RiskReward = 2.5m,
                Confidence = 0.6667m,
                Reason = signal.Reason,
                SignalAt = candles[4].ClosedAt,
            },
            signal);
    }

    [Fact]
    public void Signals_short_when_a_close_breaks_below_the_prior_channel_low()
    {
        var candles = TestCandles.FromCloses(1m, 100, 100, 100, 100, 97);
        var strategy = new DonchianBreakoutStrategy(Small);

        var signals = Each(strategy, candles, Context(2.5m));

        Assert.All(signals.Take(4), Assert.Null);
        var signal = signals[4];
        Assert.NotNull(signal);
        Assert.Equal(
            (TradeDirection.Short, 97m, 101m, 87m, 2.5m, 0.6667m),
            (signal.Direction, signal.Entry, signal.StopLoss, signal.TakeProfit, signal.RiskReward, signal.Confidence));
    }

    [Fact]
    public void Does_not_signal_a_close_that_only_touches_the_prior_high()
    {
        var candles = TestCandles.FromCloses(1m, 100, 100, 100, 100, 101);
        var strategy = new DonchianBreakoutStrategy(Small);

        var signals = Run(strategy, candles, Context());

        Assert.Empty(signals);
    }

    [Fact]
    public void Signals_a_fresh_breakout_once_not_again_while_closes_keep_breaking_out()
    {
        var candles = TestCandles.FromCloses(1m, 100, 100, 100, 100, 103, 106, 109, 105, 112);
        var strategy = new DonchianBreakoutStrategy(Small);

        var indices = SignalIndices(strategy, candles, Context());

        Assert.Equal([4, 8], indices);
    }

    [Fact]
    public void Uses_the_own_options_risk_reward_when_it_is_above_the_interval_minimum()
    {
        var candles = TestCandles.FromCloses(1m, 100, 100, 100, 100, 103);
        var strategy = new DonchianBreakoutStrategy(Small with { RiskReward = 3m });

        var signal = Assert.Single(Run(strategy, candles, Context(2m)));

        Assert.Equal((115m, 3m), (signal.TakeProfit, signal.RiskReward));
    }

    [Fact]
    public void Places_the_stop_from_the_atr_when_configured()
    {
        var candles = TestCandles.FromCloses(1m, 100, 100, 100, 100, 103);
        var strategy = new DonchianBreakoutStrategy(Small with { UseAtrStop = true, StopAtrMultiple = 1.5m });

        var signal = Assert.Single(Run(strategy, candles, Context()));

        Assert.Equal((98.5m, 112m, 2m), (signal.StopLoss, signal.TakeProfit, signal.RiskReward));
        Assert.Contains("stop 4.5 (1.5×ATR(2)) below entry", signal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Volume_filter_suppresses_a_breakout_on_ordinary_volume()
    {
        var candles = TestCandles.FromCloses(1m, 100, 100, 100, 100, 103);
        var loud = new List<Candle>(candles);
        loud[4] = loud[4] with { Volume = 2m };
        var options = Small with { VolumeMultiple = 1.5m };

        var quiet = Run(new DonchianBreakoutStrategy(options), candles, Context());
        var confirmed = Run(new DonchianBreakoutStrategy(options), loud, Context());

        Assert.Empty(quiet);
        var signal = Assert.Single(confirmed);
        Assert.Contains("on 2× the 3-candle mean volume", signal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Higher_timeframe_filter_suppresses_a_breakout_against_the_higher_trend()
    {
        var candles = TestCandles.FromCloses(1m, 100, 100, 100, 100, 103);
        var options = Small with { RequireHigherTimeframe = true };

        var against = Run(new DonchianBreakoutStrategy(options), candles, Context(market: HigherTrend(Trend.Down)));
        var unknown = Run(new DonchianBreakoutStrategy(options), candles, Context());
        var aligned = Run(new DonchianBreakoutStrategy(options), candles, Context(market: HigherTrend(Trend.Up)));

        Assert.Empty(against);
        Assert.Empty(unknown);
        Assert.Equal(TradeDirection.Long, Assert.Single(aligned).Direction);
    }

    [Fact]
    public void Does_not_signal_before_the_prior_channel_is_complete()
    {
        var candles = TestCandles.FromCloses(1m, 100, 100, 100, 100, 103);
        var strategy = new DonchianBreakoutStrategy(Small with { ChannelPeriod = 5 });

        var signals = Run(strategy, candles, Context());

        Assert.Empty(signals);
        Assert.False(strategy.IsReady);
        Assert.Equal(6, strategy.WarmUpPeriod);
    }

    [Fact]
    public void Is_ready_from_the_candle_after_a_full_channel()
    {
        var candles = TestCandles.FromCloses(1m, 100, 100, 100, 100, 100);
        var strategy = new DonchianBreakoutStrategy(Small);

        var readiness = Readiness(strategy, candles, Context());

        Assert.Equal([false, false, false, true, true], readiness);
        Assert.Equal(4, strategy.WarmUpPeriod);
    }

    [Fact]
    public void Warm_up_covers_the_exit_channel_and_the_volume_mean_when_they_are_longer()
    {
        Assert.Equal(21, new DonchianBreakoutStrategy(new DonchianBreakoutOptions()).WarmUpPeriod);
        Assert.Equal(31, new DonchianBreakoutStrategy(new DonchianBreakoutOptions { StopChannelPeriod = 31 }).WarmUpPeriod);
        Assert.Equal(41, new DonchianBreakoutStrategy(new DonchianBreakoutOptions { VolumePeriod = 40 }).WarmUpPeriod);
        Assert.Equal(21, new DonchianBreakoutStrategy(new DonchianBreakoutOptions { VolumePeriod = 40, VolumeMultiple = 0m }).WarmUpPeriod);
    }

    [Fact]
    public void Does_not_signal_when_the_structure_stop_would_equal_entry()
    {
        var candles = TestCandles.FromCloses(1m, 100, 100, 100, 100);
        candles.Add(TestCandles.Create(4, 103m, 103m, 103m, 103m));
        var strategy = new DonchianBreakoutStrategy(Small with { StopChannelPeriod = 1 });

        var signals = Run(strategy, candles, Context());

        Assert.Empty(signals);
    }

    [Fact]
    public void Does_not_signal_a_long_whose_stop_would_be_at_or_below_zero()
    {
        var candles = TestCandles.FromCloses(0.5m, 1, 1, 1, 1, 2);
        var options = Small with { UseAtrStop = true };

        var atZero = Run(new DonchianBreakoutStrategy(options with { StopAtrMultiple = 1.6m }), candles, Context());
        var aboveZero = Run(new DonchianBreakoutStrategy(options with { StopAtrMultiple = 1.5m }), candles, Context());

        Assert.Empty(atZero);
        Assert.Equal(0.12m, Assert.Single(aboveZero).StopLoss);
    }

    [Fact]
    public void Signals_on_a_breakout_by_a_synthetic_candle_like_any_other()
    {
        var candles = TestCandles.FromCloses(1m, 100, 100, 100, 100);
        candles.Add(TestCandles.Create(4, 103m, 103m, 103m, 103m, isSynthetic: true));

        var signal = Assert.Single(Run(new DonchianBreakoutStrategy(Small), candles, Context()));

        Assert.Equal((103m, 99m), (signal.Entry, signal.StopLoss));
    }

    [Fact]
    public void Explains_the_breakout_in_one_sentence_with_the_numbers()
    {
        var candles = TestCandles.FromCloses(1m, 100, 100, 100, 100, 103);
        var strategy = new DonchianBreakoutStrategy(Small);

        var signal = Assert.Single(Run(strategy, candles, Context(2.5m)));

        Assert.Equal(
            "Close 103 broke above the prior DC(3) high 101 on the 1m close at 2024-01-01 00:05Z; " +
            "stop 4 (at the DC(2) low) below entry, target at 2.5:1.",
            signal.Reason);
    }

    [Fact]
    public void Ignores_candles_that_are_not_newer_than_the_last_one()
    {
        var candles = TestCandles.FromCloses(1m, 100, 100, 100, 100, 103);
        var disturbed = new List<Candle>(candles);
        disturbed.Insert(4, candles[3] with { Close = 90m, Low = 80m });
        disturbed.Insert(5, candles[1] with { Close = 200m, High = 210m });
        var strategy = new DonchianBreakoutStrategy(Small);

        var signals = Each(strategy, disturbed, Context());

        Assert.Null(signals[4]);
        Assert.Null(signals[5]);
        Assert.Equal(Run(new DonchianBreakoutStrategy(Small), candles, Context()), signals.OfType<StrategySignal>());
    }

    [Fact]
    public void Is_created_by_the_catalog_from_its_settings()
    {
        var settings = new StrategySettings { DonchianBreakout = new DonchianBreakoutOptions { ChannelPeriod = 30 } };

        var strategy = StrategyCatalog.Create("donchian-breakout", settings);

        Assert.IsType<DonchianBreakoutStrategy>(strategy);
        Assert.Equal(31, strategy.WarmUpPeriod);
        Assert.Same(settings.DonchianBreakout, StrategyCatalog.ParametersOf("donchian-breakout", settings));
    }

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Rejects_invalid_options_naming_the_option(DonchianBreakoutOptions options, string option)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => new DonchianBreakoutStrategy(options));

        Assert.Equal(option, exception.ParamName);
    }

    public static TheoryData<DonchianBreakoutOptions, string> InvalidOptions => new()
    {
        { new DonchianBreakoutOptions { ChannelPeriod = 1 }, "ChannelPeriod" },
        { new DonchianBreakoutOptions { StopChannelPeriod = 0 }, "StopChannelPeriod" },
        { new DonchianBreakoutOptions { AtrPeriod = 0 }, "AtrPeriod" },
        { new DonchianBreakoutOptions { StopAtrMultiple = 0m }, "StopAtrMultiple" },
        { new DonchianBreakoutOptions { VolumeMultiple = -0.5m }, "VolumeMultiple" },
        { new DonchianBreakoutOptions { VolumePeriod = 0 }, "VolumePeriod" },
        { new DonchianBreakoutOptions { RiskReward = -1m }, "RiskReward" },
    };
}
