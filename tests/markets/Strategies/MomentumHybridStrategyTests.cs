using Trading.Markets.Strategies;
using static Trading.Markets.Tests.Strategies.SignalChecks;

namespace Trading.Markets.Tests.Strategies;

public sealed class MomentumHybridStrategyTests
{
    // ROC(2), EMA(3) with a one-candle slope, STOCH(3,2,2) with 20/80 zones, ADX(2), ATR(2) stop at 1.5 ATR: ready from the
    // 6th candle (the stochastic of the candle before).
    private static readonly MomentumHybridOptions Small = new()
    {
        RocPeriod = 2,
        EmaPeriod = 3,
        SlopePeriod = 1,
        StochasticPeriod = 3,
        StochasticSmoothing = 2,
        Oversold = 20,
        Overbought = 80,
        AdxPeriod = 2,
        AtrPeriod = 2,
        StopAtrMultiple = 1.5m,
    };

    private static readonly MarketContext Trending = Regime(MarketRegime.Trending);
    private static readonly MarketContext Ranging = Regime(MarketRegime.Ranging);

    // A climb with a pullback to the EMA(3) on candle 4 (low 104 ≤ EMA 104.5) and a resumption on candle 5 (close 108 above
    // EMA 106.25 and the previous close; ROC(2) +1.89 %, slope +1.75, ATR 3.25).
    private static List<Candle> Pullback() => TestCandles.FromCloses(1m, 100, 102, 104, 106, 105, 108);

    private static List<Candle> Bounce() => TestCandles.FromCloses(1m, 100, 98, 96, 94, 95, 92);

    // A slide that takes slow %K to 16.25 and 12.5 (%D 25.6 and 14.4), then a turn on candle 7: %K 47.9 above %D 30.2; ATR 4.375.
    private static List<Candle> Slide() => TestCandles.FromCloses(1m, 100, 100, 100, 100, 97, 94, 91, 95);

    private static List<Candle> Spike() => TestCandles.FromCloses(1m, 100, 100, 100, 100, 103, 106, 109, 105);

    [Fact]
    public void Follows_momentum_long_on_a_pullback_entry_in_a_trending_market()
    {
        var candles = Pullback();
        var strategy = new MomentumHybridStrategy(Small);

        var signals = Each(strategy, candles, Context(market: Trending));

        Assert.All(signals.Take(5), Assert.Null);
        var signal = signals[5];
        Assert.NotNull(signal);
        Assert.Equal(
            new StrategySignal
            {
                Strategy = "momentum-hybrid",
                Direction = TradeDirection.Long,
                Entry = 108m,
                StopLoss = 103.12m,
                TakeProfit = 117.76m,
                RiskReward = 2m,
                Confidence = 0.5385m,
                Reason = signal.Reason,
                SignalAt = candles[5].ClosedAt,
            },
            signal);
    }

    [Fact]
    public void Follows_momentum_short_on_a_bounce_entry_in_a_trending_market()
    {
        var candles = Bounce();

        var signals = Each(new MomentumHybridStrategy(Small), candles, Context(market: Trending));

        Assert.All(signals.Take(5), Assert.Null);
        var signal = signals[5];
        Assert.NotNull(signal);
        Assert.Equal(
            (TradeDirection.Short, 92m, 96.88m, 82.24m, 2m, 0.5385m),
            (signal.Direction, signal.Entry, signal.StopLoss, signal.TakeProfit, signal.RiskReward, signal.Confidence));
    }

    [Fact]
    public void Fades_an_oversold_turn_long_in_a_ranging_market()
    {
        var candles = Slide();

        var signals = Each(new MomentumHybridStrategy(Small), candles, Context(market: Ranging));

        Assert.All(signals.Take(7), Assert.Null);
        var signal = signals[7];
        Assert.NotNull(signal);
        Assert.Equal(
            (TradeDirection.Long, 95m, 88.44m, 108.12m, 2m, 0.375m),
            (signal.Direction, signal.Entry, signal.StopLoss, signal.TakeProfit, signal.RiskReward, signal.Confidence));
    }

    [Fact]
    public void Fades_an_overbought_turn_short_in_a_ranging_market()
    {
        var candles = Spike();

        var signals = Each(new MomentumHybridStrategy(Small), candles, Context(market: Ranging));

        Assert.All(signals.Take(7), Assert.Null);
        var signal = signals[7];
        Assert.NotNull(signal);
        Assert.Equal(
            (TradeDirection.Short, 105m, 111.56m, 91.88m, 2m, 0.375m),
            (signal.Direction, signal.Entry, signal.StopLoss, signal.TakeProfit, signal.RiskReward, signal.Confidence));
    }

    [Fact]
    public void Does_not_fade_when_the_previous_k_was_not_in_the_extreme_zone()
    {
        var signals = Run(new MomentumHybridStrategy(Small with { Oversold = 12 }), Slide(), Context(market: Ranging));

        Assert.Empty(signals);
    }

    [Fact]
    public void Regime_picks_the_mode_that_reads_the_candles()
    {
        var pullbackWhileRanging = Run(new MomentumHybridStrategy(Small), Pullback(), Context(market: Ranging));
        var slideWhileTrending = Run(new MomentumHybridStrategy(Small), Slide(), Context(market: Trending));

        Assert.Empty(pullbackWhileRanging);
        var momentum = Assert.Single(slideWhileTrending);
        Assert.StartsWith("ROC(2) +1.06% and the EMA(3) slope +0.69", momentum.Reason, StringComparison.Ordinal);
        Assert.Equal(0.1571m, momentum.Confidence);
    }

    [Fact]
    public void Volatile_regime_suppresses_both_modes()
    {
        var pullback = Run(new MomentumHybridStrategy(Small), Pullback(), Context(market: Regime(MarketRegime.Volatile)));
        var slide = Run(new MomentumHybridStrategy(Small), Slide(), Context(market: Regime(MarketRegime.Volatile)));

        Assert.Empty(pullback);
        Assert.Empty(slide);
    }

    [Fact]
    public void Own_adx_picks_the_mode_while_the_regime_is_unknown()
    {
        var trendingPullback = Run(new MomentumHybridStrategy(Small with { TrendingAdx = 1 }), Pullback(), Context());
        var rangingPullback = Run(new MomentumHybridStrategy(Small with { TrendingAdx = 100 }), Pullback(), Context());
        var rangingSlide = Run(new MomentumHybridStrategy(Small with { TrendingAdx = 100 }), Slide(), Context());

        Assert.Contains("(ADX(2) ", Assert.Single(trendingPullback).Reason, StringComparison.Ordinal);
        Assert.Empty(rangingPullback);
        Assert.Equal(TradeDirection.Long, Assert.Single(rangingSlide).Direction);
    }

    [Fact]
    public void Higher_timeframe_filter_suppresses_a_signal_against_the_higher_trend()
    {
        var options = Small with { RequireHigherTimeframe = true };

        var against = Run(new MomentumHybridStrategy(options), Pullback(), Context(market: HigherTrend(Trend.Down, MarketRegime.Trending)));
        var aligned = Run(new MomentumHybridStrategy(options), Pullback(), Context(market: HigherTrend(Trend.Up, MarketRegime.Trending)));
        var fadeAgainst = Run(new MomentumHybridStrategy(options), Spike(), Context(market: HigherTrend(Trend.Up, MarketRegime.Ranging)));

        Assert.Empty(against);
        Assert.Single(aligned);
        Assert.Empty(fadeAgainst);
    }

    [Fact]
    public void Raises_the_target_to_the_interval_minimum()
    {
        var signal = Assert.Single(Run(new MomentumHybridStrategy(Small), Pullback(), Context(2.5m, Trending)));

        Assert.Equal((120.2m, 2.5m), (signal.TakeProfit, signal.RiskReward));
    }

    [Fact]
    public void Does_not_signal_before_the_previous_stochastic_is_known()
    {
        var strategy = new MomentumHybridStrategy(Small with { StochasticSmoothing = 3 });

        var signals = Run(strategy, Pullback(), Context(market: Trending));

        Assert.Empty(signals);
        Assert.False(strategy.IsReady);
        Assert.Equal(8, strategy.WarmUpPeriod);
    }

    [Fact]
    public void Is_ready_from_the_sixth_candle()
    {
        var strategy = new MomentumHybridStrategy(Small);

        var readiness = Readiness(strategy, Pullback(), Context(market: Trending));

        Assert.Equal([false, false, false, false, false, true], readiness);
        Assert.Equal(6, strategy.WarmUpPeriod);
        Assert.Equal(55, new MomentumHybridStrategy(new MomentumHybridOptions()).WarmUpPeriod);
    }

    [Fact]
    public void Does_not_signal_a_long_whose_stop_would_be_below_zero()
    {
        var signals = Run(new MomentumHybridStrategy(Small with { StopAtrMultiple = 40m }), Pullback(), Context(market: Trending));

        Assert.Empty(signals);
    }

    [Fact]
    public void Signals_when_the_turn_comes_on_a_synthetic_candle()
    {
        var candles = Slide();
        candles[7] = candles[7] with { IsSynthetic = true, Volume = 0m, TradeCount = 0 };

        var signal = Assert.Single(Run(new MomentumHybridStrategy(Small), candles, Context(market: Ranging)));

        Assert.Equal(candles[7].ClosedAt, signal.SignalAt);
    }

    [Fact]
    public void Explains_a_momentum_entry_in_one_sentence_with_the_numbers()
    {
        var signal = Assert.Single(Run(new MomentumHybridStrategy(Small), Pullback(), Context(market: Trending)));

        Assert.Equal(
            "ROC(2) +1.89% and the EMA(3) slope +1.75 over 1 candle agreed up and close 108 resumed above EMA(3) 106.25 " +
            "after a pullback to the EMA at 104.5 on the 1m close at 2024-01-01 00:06Z (trending regime); " +
            "stop 4.88 (1.5×ATR(2)) below entry, target at 2.0:1.",
            signal.Reason);
    }

    [Fact]
    public void Explains_a_fade_in_one_sentence_with_the_numbers()
    {
        var signal = Assert.Single(Run(new MomentumHybridStrategy(Small), Slide(), Context(market: Ranging)));

        Assert.Equal(
            "STOCH(3,2,2) %K 47.9 crossed above %D 30.2 after 12.5 at or below the oversold 20 " +
            "on the 1m close at 2024-01-01 00:08Z (ranging regime); stop 6.56 (1.5×ATR(2)) below entry, target at 2.0:1.",
            signal.Reason);
    }

    [Fact]
    public void Ignores_candles_that_are_not_newer_than_the_last_one()
    {
        var candles = Pullback();
        var disturbed = new List<Candle>(candles);
        disturbed.Insert(5, candles[4] with { Close = 50m, Low = 50m });
        disturbed.Insert(6, candles[0] with { Close = 150m, High = 150m });
        var strategy = new MomentumHybridStrategy(Small);

        var signals = Each(strategy, disturbed, Context(market: Trending));

        Assert.Null(signals[5]);
        Assert.Null(signals[6]);
        Assert.Equal(Run(new MomentumHybridStrategy(Small), candles, Context(market: Trending)), signals.OfType<StrategySignal>());
    }

    [Fact]
    public void Is_created_by_the_catalog_from_its_settings()
    {
        var settings = new StrategySettings { MomentumHybrid = new MomentumHybridOptions { EmaPeriod = 60 } };

        var strategy = StrategyCatalog.Create("momentum-hybrid", settings);

        Assert.IsType<MomentumHybridStrategy>(strategy);
        Assert.Equal(65, strategy.WarmUpPeriod);
        Assert.Same(settings.MomentumHybrid, StrategyCatalog.ParametersOf("momentum-hybrid", settings));
    }

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Rejects_invalid_options_naming_the_option(MomentumHybridOptions options, string option)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => new MomentumHybridStrategy(options));

        Assert.Equal(option, exception.ParamName);
    }

    public static TheoryData<MomentumHybridOptions, string> InvalidOptions => new()
    {
        { new MomentumHybridOptions { RocPeriod = 0 }, "RocPeriod" },
        { new MomentumHybridOptions { EmaPeriod = 0 }, "EmaPeriod" },
        { new MomentumHybridOptions { SlopePeriod = 0 }, "SlopePeriod" },
        { new MomentumHybridOptions { StochasticPeriod = 0 }, "StochasticPeriod" },
        { new MomentumHybridOptions { StochasticSmoothing = 0 }, "StochasticSmoothing" },
        { new MomentumHybridOptions { Oversold = 0 }, "Oversold" },
        { new MomentumHybridOptions { Oversold = 85, Overbought = 85 }, "Oversold" },
        { new MomentumHybridOptions { Overbought = 100 }, "Overbought" },
        { new MomentumHybridOptions { AdxPeriod = 0 }, "AdxPeriod" },
        { new MomentumHybridOptions { TrendingAdx = 0 }, "TrendingAdx" },
        { new MomentumHybridOptions { TrendingAdx = 120 }, "TrendingAdx" },
        { new MomentumHybridOptions { AtrPeriod = 0 }, "AtrPeriod" },
        { new MomentumHybridOptions { StopAtrMultiple = 0m }, "StopAtrMultiple" },
        { new MomentumHybridOptions { RiskReward = 0m }, "RiskReward" },
    };
}
