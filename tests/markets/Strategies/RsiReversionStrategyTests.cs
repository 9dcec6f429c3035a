using Trading.Markets.Strategies;
using static Trading.Markets.Tests.Strategies.StrategyFixtures;

namespace Trading.Markets.Tests.Strategies;

public sealed class RsiReversionStrategyTests
{
    // RSI(2) 30/70, EMA(5) trend, volume against the 2 candles before, ATR(2): ready after 5 candles.
    private static readonly RsiReversionOptions Small = new()
    {
        RsiPeriod = 2,
        Oversold = 30,
        Overbought = 70,
        TrendPeriod = 5,
        VolumePeriod = 2,
        VolumeMultiple = 1.0m,
        AtrPeriod = 2,
        StopAtrMultiple = 1.5m,
        RiskReward = 2m,
    };

    // An uptrend, a two-candle pullback (RSI(2) 100 → 40 → 22.22) and a recovery (RSI 66.67) on candle 8, above EMA(5) 106.59.
    private static readonly decimal[] PullbackInUptrend = [100, 102, 104, 106, 108, 110, 107, 105, 108];

    [Fact]
    public void Signals_long_on_the_candle_where_the_rsi_crosses_back_above_oversold_above_the_trend()
    {
        var candles = TestCandles.FromCloses(1m, PullbackInUptrend);

        var results = Feed(new RsiReversionStrategy(Small), candles);

        Assert.Equal([8], SignalIndices(results));
        var signal = results[8]!;
        Assert.Equal(
            new StrategySignal
            {
                Strategy = "rsi-reversion",
                Direction = TradeDirection.Long,
                Entry = 108m,
                StopLoss = 102.56m,
                TakeProfit = 118.88m,
                RiskReward = 2m,
                Confidence = 0.2593m,
                Reason = signal.Reason,
                SignalAt = candles[8].ClosedAt,
            },
            signal);
    }

    [Fact]
    public void Signals_short_on_the_candle_where_the_rsi_crosses_back_below_overbought_below_the_trend()
    {
        var candles = Mirrored(210m, 1m, PullbackInUptrend);

        var results = Feed(new RsiReversionStrategy(Small), candles);

        Assert.Equal([8], SignalIndices(results));
        var signal = results[8]!;
        Assert.Equal(
            (TradeDirection.Short, 102m, 107.44m, 91.12m, 2m, 0.2593m),
            (signal.Direction, signal.Entry, signal.StopLoss, signal.TakeProfit, signal.RiskReward, signal.Confidence));
    }

    [Fact]
    public void Moves_the_target_out_to_the_context_minimum_risk_reward()
    {
        var candles = TestCandles.FromCloses(1m, PullbackInUptrend);

        var signal = Feed(new RsiReversionStrategy(Small), candles, Context(minimumRiskReward: 2.5m))[8];

        Assert.NotNull(signal);
        Assert.Equal((102.56m, 121.6m, 2.5m), (signal.StopLoss, signal.TakeProfit, signal.RiskReward));
        AssertConsistent(signal, 2.5m);
    }

    [Fact]
    public void Trend_filter_suppresses_a_turn_on_the_wrong_side_of_the_trend_ema()
    {
        // Candle 6 turns the RSI down through 70 (100 → 40) at close 107: below EMA(3) 107.5, above EMA(5) 106.33.
        var candles = TestCandles.FromCloses(1m, PullbackInUptrend);

        var fastTrend = Feed(new RsiReversionStrategy(Small with { TrendPeriod = 3 }), candles);
        var slowTrend = Feed(new RsiReversionStrategy(Small), candles);

        Assert.Equal([6, 8], SignalIndices(fastTrend));
        Assert.Equal(TradeDirection.Short, fastTrend[6]!.Direction);
        Assert.Equal([8], SignalIndices(slowTrend));
    }

    [Fact]
    public void Volume_filter_suppresses_a_signal_on_volume_below_the_multiple_of_the_average()
    {
        var candles = TestCandles.FromCloses(1m, PullbackInUptrend);
        var loud = new List<Candle>(candles);
        loud[8] = loud[8] with { Volume = 1.5m };

        var quiet = Feed(new RsiReversionStrategy(Small with { VolumeMultiple = 1.5m }), candles);
        var confirmed = Feed(new RsiReversionStrategy(Small with { VolumeMultiple = 1.5m }), loud);

        Assert.Empty(SignalIndices(quiet));
        Assert.Equal([8], SignalIndices(confirmed));
    }

    [Fact]
    public void Synthetic_candles_signal_only_with_the_volume_filter_off()
    {
        var candles = TestCandles.FromCloses(1m, PullbackInUptrend);
        candles[8] = candles[8] with { Volume = 0m, TradeCount = 0, IsSynthetic = true };

        var filtered = Feed(new RsiReversionStrategy(Small), candles);
        var unfiltered = Feed(new RsiReversionStrategy(Small with { VolumeMultiple = 0m }), candles);

        Assert.Empty(SignalIndices(filtered));
        Assert.Equal([8], SignalIndices(unfiltered));
    }

    [Theory]
    [InlineData(Trend.Up, true)]
    [InlineData(Trend.Down, false)]
    [InlineData(Trend.Flat, false)]
    [InlineData(Trend.Unknown, false)]
    public void Higher_timeframe_filter_needs_the_higher_trend_to_point_the_same_way(Trend higher, bool signals)
    {
        var candles = TestCandles.FromCloses(1m, PullbackInUptrend);
        var strategy = new RsiReversionStrategy(Small with { RequireHigherTimeframe = true });

        var results = Feed(strategy, candles, Context(higherTimeframeTrend: higher));

        Assert.Equal(signals, results[8] is not null);
        Assert.Equal([8], SignalIndices(Feed(new RsiReversionStrategy(Small), candles, Context(higherTimeframeTrend: higher))));
    }

    [Fact]
    public void Does_not_signal_before_it_is_ready()
    {
        var candles = TestCandles.FromCloses(1m, PullbackInUptrend);
        var strategy = new RsiReversionStrategy(Small with { TrendPeriod = 10 });

        var results = Feed(strategy, candles);

        Assert.Empty(SignalIndices(results));
        Assert.False(strategy.IsReady);
        Assert.Equal(10, strategy.WarmUpPeriod);
    }

    [Fact]
    public void Is_ready_exactly_after_the_warm_up_period()
    {
        var candles = TestCandles.FromCloses(1m, PullbackInUptrend);
        var strategy = new RsiReversionStrategy(Small with { VolumePeriod = 6 });
        var context = Context();

        var readiness = candles.Select(candle =>
        {
            strategy.Update(candle, context);
            return strategy.IsReady;
        });

        Assert.Equal(7, strategy.WarmUpPeriod);
        Assert.Equal([false, false, false, false, false, false, true, true, true], readiness);
    }

    [Fact]
    public void Ignores_candles_that_are_not_newer_than_the_last_one()
    {
        var candles = TestCandles.FromCloses(1m, PullbackInUptrend);
        var disturbed = WithStaleCandlesBefore(candles, 8);

        var results = Feed(new RsiReversionStrategy(Small), disturbed);

        Assert.Null(results[8]);
        Assert.Null(results[9]);
        Assert.Equal(Feed(new RsiReversionStrategy(Small), candles).OfType<StrategySignal>(), results.OfType<StrategySignal>());
    }

    [Fact]
    public void Explains_the_turn_in_one_sentence_with_the_numbers()
    {
        var candles = TestCandles.FromCloses(1m, PullbackInUptrend);

        var signal = Feed(new RsiReversionStrategy(Small), candles)[8]!;

        Assert.Equal(
            "RSI(2) crossed back up through 30 to 66.67 (from a low of 22.22) on the 1m close at 2024-01-01 00:09Z with the close " +
            "108 above EMA(5) 106.59 and volume 1× its 2-candle average; stop 5.44 (1.5×ATR(2)) below entry 108, target at 2:1.",
            signal.Reason);
    }

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Rejects_invalid_options_naming_the_option(RsiReversionOptions options, string option)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => new RsiReversionStrategy(options));

        Assert.Equal(option, exception.ParamName);
    }

    public static TheoryData<RsiReversionOptions, string> InvalidOptions => new()
    {
        { new RsiReversionOptions { RsiPeriod = 0 }, "RsiPeriod" },
        { new RsiReversionOptions { Oversold = 0 }, "Oversold" },
        { new RsiReversionOptions { Oversold = 65 }, "Oversold" },
        { new RsiReversionOptions { Overbought = 100 }, "Overbought" },
        { new RsiReversionOptions { Overbought = double.NaN }, "Overbought" },
        { new RsiReversionOptions { TrendPeriod = -1 }, "TrendPeriod" },
        { new RsiReversionOptions { VolumePeriod = 0 }, "VolumePeriod" },
        { new RsiReversionOptions { VolumeMultiple = -0.5m }, "VolumeMultiple" },
        { new RsiReversionOptions { AtrPeriod = 0 }, "AtrPeriod" },
        { new RsiReversionOptions { StopAtrMultiple = 0m }, "StopAtrMultiple" },
        { new RsiReversionOptions { RiskReward = -1m }, "RiskReward" },
    };
}
