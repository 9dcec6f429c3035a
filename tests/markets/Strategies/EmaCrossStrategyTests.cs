using Trading.Markets.Strategies;

namespace Trading.Markets.Tests.Strategies;

public sealed class EmaCrossStrategyTests
{
    private static readonly EmaCrossOptions Small = new() { FastPeriod = 2, SlowPeriod = 4, AtrPeriod = 2 };

    [Fact]
    public void Signals_long_when_the_fast_ema_crosses_above_the_slow_ema()
    {
        var candles = TestCandles.FromCloses(1m, 100, 100, 100, 100, 100, 100, 101);
        var strategy = new EmaCrossStrategy(Small);

        var signals = Run(strategy, candles);

        var signal = Assert.Single(signals);
        Assert.Equal(
            new StrategySignal
            {
                Strategy = "ema-cross",
                Direction = TradeDirection.Long,
                Entry = 101m,
                StopLoss = 98m,
                TakeProfit = 107m,
                RiskReward = 2m,
                Confidence = 0.1333m,
                Reason = signal.Reason,
                SignalAt = candles[^1].ClosedAt,
            },
            signal);
    }

    [Fact]
    public void Signals_short_when_the_fast_ema_crosses_below_the_slow_ema()
    {
        var candles = TestCandles.FromCloses(1m, 100, 100, 100, 100, 100, 100, 99);
        var strategy = new EmaCrossStrategy(Small);

        var signal = Assert.Single(Run(strategy, candles));

        Assert.Equal(
            (TradeDirection.Short, 99m, 102m, 93m, 2m, 0.1333m),
            (signal.Direction, signal.Entry, signal.StopLoss, signal.TakeProfit, signal.RiskReward, signal.Confidence));
    }

    [Fact]
    public void Signals_only_on_the_candle_of_the_cross_not_while_the_trend_continues()
    {
        var candles = TestCandles.FromCloses(1m, 100, 100, 100, 100, 100, 100, 101, 102, 103, 104);
        var strategy = new EmaCrossStrategy(Small);

        var signals = candles.Select(Feed(strategy)).ToList();

        Assert.NotNull(signals[6]);
        Assert.All(signals.Where((_, index) => index != 6), Assert.Null);
    }

    [Fact]
    public void Does_not_signal_before_both_emas_and_the_atr_are_ready()
    {
        var candles = TestCandles.FromCloses(1m, 100, 100, 100, 100, 100, 100, 101);
        var strategy = new EmaCrossStrategy(Small with { AtrPeriod = 10 });

        var signals = Run(strategy, candles);

        Assert.Empty(signals);
        Assert.False(strategy.IsReady);
        Assert.Equal(11, strategy.WarmUpPeriod);
    }

    [Fact]
    public void Is_ready_once_the_slow_ema_and_the_atr_have_warmed_up()
    {
        var candles = TestCandles.FromCloses(1m, 100, 100, 100, 100, 100);
        var strategy = new EmaCrossStrategy(Small);

        var readiness = candles.Select(candle =>
        {
            strategy.Update(candle, Context());
            return strategy.IsReady;
        });

        Assert.Equal([false, false, false, true, true], readiness);
    }

    [Fact]
    public void Signals_on_a_cross_in_synthetic_candles_like_any_other()
    {
        var candles = SpikeThenFlat(isSynthetic: true);
        var strategy = new EmaCrossStrategy(Small);

        var signals = candles.Select(Feed(strategy)).ToList();

        var signal = signals[9];
        Assert.NotNull(signal);
        Assert.True(candles[9].IsSynthetic);
        Assert.Equal(
            (TradeDirection.Short, 110m, 116.56m, 96.88m, 2m, 0.0141m),
            (signal.Direction, signal.Entry, signal.StopLoss, signal.TakeProfit, signal.RiskReward, signal.Confidence));
    }

    [Fact]
    public void Does_not_signal_when_the_atr_is_zero_because_the_stop_would_equal_entry()
    {
        var candles = SpikeThenFlat(isSynthetic: false);
        var strategy = new EmaCrossStrategy(Small with { AtrPeriod = 1 });

        var signals = candles.Select(Feed(strategy)).ToList();

        Assert.NotNull(signals[6]);
        Assert.Null(signals[9]);
    }

    [Fact]
    public void Caps_confidence_at_one_when_the_spread_exceeds_the_atr()
    {
        var candles = SpikeThenFlat(isSynthetic: false);
        candles[9] = candles[9] with { High = 110.01m, Low = 109.99m };
        var strategy = new EmaCrossStrategy(Small with { AtrPeriod = 1 });

        var signal = candles.Select(Feed(strategy)).ToList()[9];

        Assert.NotNull(signal);
        Assert.Equal((1m, 110.03m, 109.94m), (signal.Confidence, signal.StopLoss, signal.TakeProfit));
    }

    [Fact]
    public void Does_not_signal_a_long_whose_stop_would_be_at_or_below_zero()
    {
        var candles = TestCandles.FromCloses(0.5m, 1, 1, 1, 1, 1, 1, 1.5m);

        var atZero = Run(new EmaCrossStrategy(Small with { StopAtrMultiple = 1.5m }), candles);
        var aboveZero = Run(new EmaCrossStrategy(Small with { StopAtrMultiple = 1.4m }), candles);

        Assert.Empty(atZero);
        Assert.Equal(0.1m, Assert.Single(aboveZero).StopLoss);
    }

    [Fact]
    public void Explains_the_cross_in_one_sentence_with_the_numbers()
    {
        var candles = TestCandles.FromCloses(1m, 100, 100, 100, 100, 100, 100, 101);
        var strategy = new EmaCrossStrategy(Small);

        var signal = Assert.Single(Run(strategy, candles));

        Assert.Equal(
            "EMA(2) 100.67 crossed above EMA(4) 100.4 on the 1m close at 2024-01-01 00:07Z; " +
            "stop 3 (1.5×ATR(2)) below entry 101, target at 2.0:1.",
            signal.Reason);
    }

    [Fact]
    public void Ignores_candles_that_are_not_newer_than_the_last_one()
    {
        var candles = TestCandles.FromCloses(1m, 100, 100, 100, 100, 100, 100, 101);
        var disturbed = new List<Candle>(candles);
        disturbed.Insert(6, candles[5] with { Close = 90m });
        disturbed.Insert(7, candles[2] with { Close = 200m });
        var strategy = new EmaCrossStrategy(Small);

        var signals = disturbed.Select(Feed(strategy)).ToList();

        Assert.Null(signals[6]);
        Assert.Null(signals[7]);
        Assert.Equal(Run(new EmaCrossStrategy(Small), candles), signals.OfType<StrategySignal>());
    }

    [Fact]
    public void Reset_lets_the_same_candles_give_the_same_signals_again()
    {
        var candles = TestData.ReadCandles("btcusd-perp-ftx-1m-20211231-20220114.csv", TimeSpan.FromMinutes(1), 2_000);
        var strategy = new EmaCrossStrategy(new EmaCrossOptions());
        var firstRun = Run(strategy, candles);

        strategy.Reset();
        var readyAfterReset = strategy.IsReady;
        var secondRun = Run(strategy, candles);

        Assert.False(readyAfterReset);
        Assert.NotEmpty(firstRun);
        Assert.Equal(firstRun, secondRun);
    }

    [Fact]
    public void Signals_on_real_candles_keep_stops_targets_and_confidence_consistent()
    {
        var candles = TestData.ReadCandles("btcusd-perp-ftx-1m-20211231-20220114.csv", TimeSpan.FromMinutes(1));
        var closedAt = candles.Select(candle => candle.ClosedAt).ToHashSet();
        var strategy = new EmaCrossStrategy(new EmaCrossOptions());

        var signals = Run(strategy, candles);

        Assert.True(signals.Count > 100, $"only {signals.Count} signals");
        Assert.All(signals, signal =>
        {
            var sign = signal.Direction == TradeDirection.Long ? 1 : -1;
            Assert.True(sign * (signal.Entry - signal.StopLoss) > 0);
            Assert.Equal(2m * sign * (signal.Entry - signal.StopLoss), sign * (signal.TakeProfit - signal.Entry));
            Assert.Equal(2m, signal.RiskReward);
            Assert.InRange(signal.Confidence, 0m, 1m);
            Assert.Contains(signal.SignalAt, closedAt);
            Assert.Equal("ema-cross", signal.Strategy);
        });
    }

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Rejects_invalid_options_naming_the_parameter(EmaCrossOptions options, string parameter)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => new EmaCrossStrategy(options));

        Assert.Equal(parameter, exception.ParamName);
    }

    public static TheoryData<EmaCrossOptions, string> InvalidOptions => new()
    {
        { new EmaCrossOptions { FastPeriod = 0 }, "FastPeriod" },
        { new EmaCrossOptions { SlowPeriod = -1 }, "SlowPeriod" },
        { new EmaCrossOptions { AtrPeriod = 0 }, "AtrPeriod" },
        { new EmaCrossOptions { FastPeriod = 21, SlowPeriod = 21 }, "FastPeriod" },
        { new EmaCrossOptions { FastPeriod = 30, SlowPeriod = 21 }, "FastPeriod" },
        { new EmaCrossOptions { StopAtrMultiple = 0m }, "StopAtrMultiple" },
        { new EmaCrossOptions { RiskReward = -2m }, "RiskReward" },
    };

    // Flat at 100, a spike to 130, then flat at 110 with no range: the fast EMA falls back faster and crosses below the slow one
    // on candle 9, a candle whose own true range is zero.
    private static List<Candle> SpikeThenFlat(bool isSynthetic)
    {
        var candles = TestCandles.FromCloses(0m, 100, 100, 100, 100, 100, 100, 130, 110, 110, 110, 110);
        for (var index = 8; index < candles.Count; index++)
        {
            candles[index] = candles[index] with { IsSynthetic = isSynthetic, Volume = 0m, TradeCount = 0 };
        }

        return candles;
    }

    private static List<StrategySignal> Run(EmaCrossStrategy strategy, IEnumerable<Candle> candles) =>
        candles.Select(Feed(strategy)).OfType<StrategySignal>().ToList();

    // An interval minimum below the configured 2:1, so the strategy's own RiskReward sets every target.
    private static StrategyContext Context() => new(Interval.OneMinute, 1m, new HigherTimeframes(Interval.OneMinute, []));

    private static Func<Candle, StrategySignal?> Feed(EmaCrossStrategy strategy)
    {
        var context = Context();
        return candle => strategy.Update(candle, context);
    }
}
