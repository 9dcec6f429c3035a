using Trading.Markets.Strategies;
using static Trading.Markets.Tests.Strategies.StrategyFixtures;

namespace Trading.Markets.Tests.Strategies;

public sealed class BollingerSqueezeStrategyTests
{
    // BB(4,1), a squeeze when no width of the last 4 is narrower, a breakout within 2 candles of it, ATR(2): ready after 7.
    private static readonly BollingerSqueezeOptions Small = new()
    {
        Period = 4,
        StandardDeviations = 1,
        SqueezeLookback = 4,
        SqueezePercentile = 0,
        SqueezeMemory = 2,
        AtrPeriod = 2,
        StopAtrMultiple = 1.5m,
        RiskReward = 2m,
    };

    // Wide swings, then the bands narrow on every candle from 6 to 10 (squeezes), then candle 11 closes at 104, above the upper
    // band 103.39; candle 12 closes above the band again, but the squeeze is used up.
    private static readonly decimal[] SqueezeThenBreakout = [100, 104, 100, 104, 100, 102, 102.2m, 101.9m, 102.1m, 102, 102.1m, 104, 105];

    // Swings that widen on every candle: no squeeze, yet candles 7 and 9 close above the upper band.
    private static readonly decimal[] WideningSwings = [100, 101, 100, 102, 100, 103, 100, 104, 100, 106];

    [Fact]
    public void Signals_long_on_the_first_close_above_the_upper_band_after_a_squeeze()
    {
        var candles = TestCandles.FromCloses(1m, SqueezeThenBreakout);

        var results = Feed(new BollingerSqueezeStrategy(Small), candles);

        Assert.Equal([11], SignalIndices(results));
        var signal = results[11]!;
        Assert.Equal(
            new StrategySignal
            {
                Strategy = "bollinger-squeeze",
                Direction = TradeDirection.Long,
                Entry = 104m,
                StopLoss = 100.28m,
                TakeProfit = 111.44m,
                RiskReward = 2m,
                Confidence = 0.2466m,
                Reason = signal.Reason,
                SignalAt = candles[11].ClosedAt,
            },
            signal);
    }

    [Fact]
    public void Signals_short_on_the_first_close_below_the_lower_band_after_a_squeeze()
    {
        var candles = Mirrored(204m, 1m, SqueezeThenBreakout);

        var results = Feed(new BollingerSqueezeStrategy(Small), candles);

        Assert.Equal([11], SignalIndices(results));
        var signal = results[11]!;
        Assert.Equal(
            (TradeDirection.Short, 100m, 103.72m, 92.56m, 2m, 0.2466m),
            (signal.Direction, signal.Entry, signal.StopLoss, signal.TakeProfit, signal.RiskReward, signal.Confidence));
    }

    [Fact]
    public void Moves_the_target_out_to_the_context_minimum_risk_reward()
    {
        var candles = TestCandles.FromCloses(1m, SqueezeThenBreakout);

        var signal = Feed(new BollingerSqueezeStrategy(Small), candles, Context(minimumRiskReward: 3m))[11];

        Assert.NotNull(signal);
        Assert.Equal((100.28m, 115.16m, 3m), (signal.StopLoss, signal.TakeProfit, signal.RiskReward));
        AssertConsistent(signal, 3m);
    }

    [Fact]
    public void Squeeze_filter_suppresses_a_breakout_from_widening_bands()
    {
        var candles = TestCandles.FromCloses(1m, WideningSwings);

        var strict = Feed(new BollingerSqueezeStrategy(Small), candles);
        var everythingSqueezed = Feed(new BollingerSqueezeStrategy(Small with { SqueezePercentile = 99.9 }), candles);

        Assert.Empty(SignalIndices(strict));
        Assert.Equal([7, 9], SignalIndices(everythingSqueezed));
    }

    [Theory]
    [InlineData(Trend.Up, true)]
    [InlineData(Trend.Down, false)]
    [InlineData(Trend.Unknown, false)]
    public void Higher_timeframe_filter_needs_the_higher_trend_to_point_the_same_way(Trend higher, bool signals)
    {
        var candles = TestCandles.FromCloses(1m, SqueezeThenBreakout);
        var strategy = new BollingerSqueezeStrategy(Small with { RequireHigherTimeframe = true });

        var results = Feed(strategy, candles, Context(higherTimeframeTrend: higher));

        // A suppressed breakout still uses the squeeze up: candle 12 does not signal in its place.
        Assert.Equal(signals ? [11] : [], SignalIndices(results));
    }

    [Fact]
    public void Does_not_signal_before_it_is_ready()
    {
        var candles = TestCandles.FromCloses(1m, SqueezeThenBreakout);
        var strategy = new BollingerSqueezeStrategy(Small with { SqueezeLookback = 11 });

        var results = Feed(strategy, candles);

        Assert.Empty(SignalIndices(results));
        Assert.False(strategy.IsReady);
        Assert.Equal(14, strategy.WarmUpPeriod);
    }

    [Fact]
    public void Is_ready_exactly_after_the_warm_up_period()
    {
        var candles = TestCandles.FromCloses(1m, SqueezeThenBreakout);
        var strategy = new BollingerSqueezeStrategy(Small);
        var context = Context();

        var readiness = candles.Select(candle =>
        {
            strategy.Update(candle, context);
            return strategy.IsReady;
        }).ToList();

        Assert.Equal(7, strategy.WarmUpPeriod);
        Assert.Equal(6, readiness.IndexOf(true));
        Assert.All(readiness.Skip(6), Assert.True);
    }

    [Fact]
    public void A_run_of_synthetic_candles_makes_a_squeeze()
    {
        // Flat synthetic candles narrow the bands to nothing; the first real move out of them breaks out.
        var candles = TestCandles.FromCloses(1m, 100, 104, 100, 104, 100, 100, 100, 100, 100, 100, 103);
        for (var index = 5; index < 10; index++)
        {
            candles[index] = candles[index] with { High = 100m, Low = 100m, Volume = 0m, TradeCount = 0, IsSynthetic = true };
        }

        var results = Feed(new BollingerSqueezeStrategy(Small), candles);

        Assert.Equal([10], SignalIndices(results));
    }

    [Fact]
    public void Ignores_candles_that_are_not_newer_than_the_last_one()
    {
        var candles = TestCandles.FromCloses(1m, SqueezeThenBreakout);
        var disturbed = WithStaleCandlesBefore(candles, 11);

        var results = Feed(new BollingerSqueezeStrategy(Small), disturbed);

        Assert.Null(results[11]);
        Assert.Null(results[12]);
        Assert.Equal(Feed(new BollingerSqueezeStrategy(Small), candles).OfType<StrategySignal>(), results.OfType<StrategySignal>());
    }

    [Fact]
    public void Explains_the_breakout_in_one_sentence_with_the_numbers()
    {
        var candles = TestCandles.FromCloses(1m, SqueezeThenBreakout);

        var signal = Feed(new BollingerSqueezeStrategy(Small), candles)[11]!;

        Assert.Equal(
            "The close 104 broke above the upper BB(4,1) band 103.39 on the 1m close at 2024-01-01 00:12Z, 1 candle after a squeeze " +
            "(band width 0.1625%, percentile 0 of the last 4); stop 3.72 (1.5×ATR(2)) below entry 104, target at 2:1.",
            signal.Reason);
    }

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Rejects_invalid_options_naming_the_option(BollingerSqueezeOptions options, string option)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => new BollingerSqueezeStrategy(options));

        Assert.Equal(option, exception.ParamName);
    }

    public static TheoryData<BollingerSqueezeOptions, string> InvalidOptions => new()
    {
        { new BollingerSqueezeOptions { Period = 0 }, "Period" },
        { new BollingerSqueezeOptions { StandardDeviations = 0 }, "StandardDeviations" },
        { new BollingerSqueezeOptions { StandardDeviations = double.PositiveInfinity }, "StandardDeviations" },
        { new BollingerSqueezeOptions { SqueezeLookback = 1 }, "SqueezeLookback" },
        { new BollingerSqueezeOptions { SqueezePercentile = -1 }, "SqueezePercentile" },
        { new BollingerSqueezeOptions { SqueezePercentile = 100 }, "SqueezePercentile" },
        { new BollingerSqueezeOptions { SqueezeMemory = 0 }, "SqueezeMemory" },
        { new BollingerSqueezeOptions { AtrPeriod = 0 }, "AtrPeriod" },
        { new BollingerSqueezeOptions { StopAtrMultiple = 0m }, "StopAtrMultiple" },
        { new BollingerSqueezeOptions { RiskReward = 0m }, "RiskReward" },
    };
}
