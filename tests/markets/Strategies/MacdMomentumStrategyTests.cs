using Trading.Markets.Indicators;
using Trading.Markets.Strategies;
using static Trading.Markets.Tests.Strategies.StrategyFixtures;

namespace Trading.Markets.Tests.Strategies;

public sealed class MacdMomentumStrategyTests
{
    // MACD(2,4,2), EMA(3) trend, ADX(2) without a minimum, ATR(2) × 2: ready after 5 candles.
    private static readonly MacdMomentumOptions Small = new()
    {
        FastPeriod = 2,
        SlowPeriod = 4,
        SignalPeriod = 2,
        TrendPeriod = 3,
        AdxPeriod = 2,
        MinimumAdx = 0,
        AtrPeriod = 2,
        StopAtrMultiple = 2m,
        RiskReward = 2m,
    };

    // A rise, a dip that turns the histogram negative on candle 6 (0 → −0.18), and a rally that turns it positive on candle 9
    // (−0.017 → 0.171) with the close 106 above EMA(3) 104.875, the MACD line at 0.674 and ADX(2) at 56.4.
    private static readonly decimal[] DipInUptrend = [100, 101, 102, 103, 104, 105, 104, 103, 104, 106];

    [Fact]
    public void Signals_long_on_the_candle_where_the_histogram_crosses_above_zero_in_an_uptrend()
    {
        var candles = TestCandles.FromCloses(1m, DipInUptrend);

        var results = Feed(new MacdMomentumStrategy(Small), candles);

        Assert.Equal([9], SignalIndices(results));
        var signal = results[9]!;
        Assert.Equal(
            new StrategySignal
            {
                Strategy = "macd-momentum",
                Direction = TradeDirection.Long,
                Entry = 106m,
                StopLoss = 101m,
                TakeProfit = 116m,
                RiskReward = 2m,
                Confidence = 1m,
                Reason = signal.Reason,
                SignalAt = candles[9].ClosedAt,
            },
            signal);
    }

    [Fact]
    public void Signals_short_on_the_candle_where_the_histogram_crosses_below_zero_in_a_downtrend()
    {
        var candles = Mirrored(210m, 1m, DipInUptrend);

        var results = Feed(new MacdMomentumStrategy(Small), candles);

        Assert.Equal([9], SignalIndices(results));
        var signal = results[9]!;
        Assert.Equal(
            (TradeDirection.Short, 104m, 109m, 94m, 2m),
            (signal.Direction, signal.Entry, signal.StopLoss, signal.TakeProfit, signal.RiskReward));
    }

    [Fact]
    public void Moves_the_target_out_to_the_context_minimum_risk_reward()
    {
        var candles = TestCandles.FromCloses(1m, DipInUptrend);

        var signal = Feed(new MacdMomentumStrategy(Small), candles, Context(minimumRiskReward: 3m))[9];

        Assert.NotNull(signal);
        Assert.Equal((101m, 121m, 3m), (signal.StopLoss, signal.TakeProfit, signal.RiskReward));
        AssertConsistent(signal, 3m);
    }

    [Fact]
    public void Trend_filter_suppresses_a_cross_against_the_trend_ema()
    {
        // On candle 6 the histogram turns negative at close 104: below EMA(2) 104.17, but not below EMA(3), exactly 104.
        var candles = TestCandles.FromCloses(1m, DipInUptrend);

        var fastTrend = Feed(new MacdMomentumStrategy(Small with { TrendPeriod = 2 }), candles);
        var slowTrend = Feed(new MacdMomentumStrategy(Small), candles);

        Assert.Equal([6, 9], SignalIndices(fastTrend));
        Assert.Equal(TradeDirection.Short, fastTrend[6]!.Direction);
        Assert.Equal([9], SignalIndices(slowTrend));
    }

    [Fact]
    public void Macd_line_sign_filter_suppresses_a_short_while_the_line_is_above_zero()
    {
        // The short of candle 6 comes with the MACD line still at +0.47; the long of candle 9 has it at +0.67.
        var candles = TestCandles.FromCloses(1m, DipInUptrend);

        var results = Feed(new MacdMomentumStrategy(Small with { TrendPeriod = 2, RequireMacdLineSign = true }), candles);

        Assert.Equal([9], SignalIndices(results));
    }

    [Theory]
    [InlineData(56, true)]
    [InlineData(57, false)]
    public void Adx_filter_suppresses_a_signal_below_the_minimum_adx(double minimumAdx, bool signals)
    {
        var candles = TestCandles.FromCloses(1m, DipInUptrend);

        var results = Feed(new MacdMomentumStrategy(Small with { MinimumAdx = minimumAdx }), candles);

        Assert.Equal(signals ? [9] : [], SignalIndices(results));
    }

    [Fact]
    public void Confidence_is_the_adx_over_fifty_capped_at_one()
    {
        // A choppy rise whose crosses come with ADX(2) both below and above 50.
        var candles = TestCandles.FromCloses(1m, 100, 101, 100, 101, 102, 101, 102, 103, 102, 101, 101, 102, 103, 104);
        var strategy = new MacdMomentumStrategy(Small);
        var adx = new AverageDirectionalIndex(2);
        var context = Context();

        var confidences = new List<(decimal Actual, decimal Expected)>();
        foreach (var candle in candles)
        {
            adx.Update(candle);
            if (strategy.Update(candle, context) is { } signal)
            {
                confidences.Add((signal.Confidence, Math.Round((decimal)Math.Min(1, adx.Current.Value / 50), 4)));
            }
        }

        Assert.NotEmpty(confidences);
        Assert.All(confidences, pair => Assert.Equal(pair.Expected, pair.Actual));
        Assert.Contains(confidences, pair => pair.Actual < 1m);
    }

    [Theory]
    [InlineData(Trend.Up, true)]
    [InlineData(Trend.Down, false)]
    [InlineData(Trend.Flat, false)]
    public void Higher_timeframe_filter_needs_the_higher_trend_to_point_the_same_way(Trend higher, bool signals)
    {
        var candles = TestCandles.FromCloses(1m, DipInUptrend);
        var strategy = new MacdMomentumStrategy(Small with { RequireHigherTimeframe = true });

        var results = Feed(strategy, candles, Context(higherTimeframeTrend: higher));

        Assert.Equal(signals ? [9] : [], SignalIndices(results));
    }

    [Fact]
    public void Does_not_signal_before_it_is_ready()
    {
        var candles = TestCandles.FromCloses(1m, DipInUptrend);
        var strategy = new MacdMomentumStrategy(Small with { AdxPeriod = 6 });

        var results = Feed(strategy, candles);

        Assert.Empty(SignalIndices(results));
        Assert.False(strategy.IsReady);
        Assert.Equal(12, strategy.WarmUpPeriod);
    }

    [Fact]
    public void Is_ready_exactly_after_the_warm_up_period()
    {
        var candles = TestCandles.FromCloses(1m, DipInUptrend);
        var strategy = new MacdMomentumStrategy(Small);
        var context = Context();

        var readiness = candles.Select(candle =>
        {
            strategy.Update(candle, context);
            return strategy.IsReady;
        });

        Assert.Equal(5, strategy.WarmUpPeriod);
        Assert.Equal([false, false, false, false, true, true, true, true, true, true], readiness);
    }

    [Fact]
    public void Signals_on_a_cross_in_synthetic_candles_like_any_other()
    {
        var candles = TestCandles.FromCloses(1m, DipInUptrend);
        candles[7] = candles[7] with { High = 103m, Low = 103m, Volume = 0m, TradeCount = 0, IsSynthetic = true };

        var results = Feed(new MacdMomentumStrategy(Small), candles);

        Assert.Equal([9], SignalIndices(results));
    }

    [Fact]
    public void Ignores_candles_that_are_not_newer_than_the_last_one()
    {
        var candles = TestCandles.FromCloses(1m, DipInUptrend);
        var disturbed = WithStaleCandlesBefore(candles, 9);

        var results = Feed(new MacdMomentumStrategy(Small), disturbed);

        Assert.Null(results[9]);
        Assert.Null(results[10]);
        Assert.Equal(Feed(new MacdMomentumStrategy(Small), candles).OfType<StrategySignal>(), results.OfType<StrategySignal>());
    }

    [Fact]
    public void Explains_the_cross_in_one_sentence_with_the_numbers()
    {
        var candles = TestCandles.FromCloses(1m, DipInUptrend);

        var signal = Feed(new MacdMomentumStrategy(Small), candles)[9]!;

        Assert.Equal(
            "MACD(2,4,2) histogram crossed above zero to 0.17 (MACD line 0.67) on the 1m close at 2024-01-01 00:10Z with the close " +
            "106 above EMA(3) 104.88 and ADX(2) 56.41; stop 5 (2×ATR(2)) below entry 106, target at 2:1.",
            signal.Reason);
    }

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Rejects_invalid_options_naming_the_option(MacdMomentumOptions options, string option)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => new MacdMomentumStrategy(options));

        Assert.Equal(option, exception.ParamName);
    }

    public static TheoryData<MacdMomentumOptions, string> InvalidOptions => new()
    {
        { new MacdMomentumOptions { FastPeriod = 0 }, "FastPeriod" },
        { new MacdMomentumOptions { SlowPeriod = 0 }, "SlowPeriod" },
        { new MacdMomentumOptions { FastPeriod = 26, SlowPeriod = 26 }, "FastPeriod" },
        { new MacdMomentumOptions { SignalPeriod = -1 }, "SignalPeriod" },
        { new MacdMomentumOptions { TrendPeriod = 0 }, "TrendPeriod" },
        { new MacdMomentumOptions { AdxPeriod = 0 }, "AdxPeriod" },
        { new MacdMomentumOptions { MinimumAdx = -1 }, "MinimumAdx" },
        { new MacdMomentumOptions { MinimumAdx = 101 }, "MinimumAdx" },
        { new MacdMomentumOptions { AtrPeriod = 0 }, "AtrPeriod" },
        { new MacdMomentumOptions { StopAtrMultiple = -1m }, "StopAtrMultiple" },
        { new MacdMomentumOptions { RiskReward = 0m }, "RiskReward" },
    };
}
