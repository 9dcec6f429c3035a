using Trading.Markets.Strategies;
using static Trading.Markets.Tests.Strategies.SignalChecks;

namespace Trading.Markets.Tests.Strategies;

public sealed class VwapReversionStrategyTests
{
    // Stretch of 2 standard deviations of 5 closes, ATR(2) stop at 1 ATR, own ADX(2): ready from the 6th candle.
    private static readonly VwapReversionOptions Small = new()
    {
        StretchMultiple = 2m,
        UseStandardDeviation = true,
        DeviationPeriod = 5,
        AtrPeriod = 2,
        StopAtrMultiple = 1m,
        AdxPeriod = 2,
    };

    private static readonly MarketContext Ranging = Regime(MarketRegime.Ranging);

    // Five closes at 100 (VWAP 100, one unit of volume each), a drop to 94: VWAP 99, STDDEV(5) 2.4, so 2.08 deviations below;
    // then 97: VWAP 98.71, 0.71 deviations below, back inside the band.
    private static List<Candle> DropAndTurn(params decimal[] after) =>
        TestCandles.FromCloses(1m, [100, 100, 100, 100, 100, 94, .. after]);

    private static List<Candle> RiseAndTurn(params decimal[] after) =>
        TestCandles.FromCloses(1m, [100, 100, 100, 100, 100, 106, .. after]);

    [Fact]
    public void Signals_long_when_a_close_returns_inside_the_band_after_a_stretch_below_the_vwap()
    {
        var candles = DropAndTurn(97);
        var strategy = new VwapReversionStrategy(Small);

        var signals = Each(strategy, candles, Context(market: Ranging));

        Assert.All(signals.Take(6), Assert.Null);
        var signal = signals[6];
        Assert.NotNull(signal);
        Assert.Equal(
            new StrategySignal
            {
                Strategy = "vwap-reversion",
                Direction = TradeDirection.Long,
                Entry = 97m,
                StopLoss = 92.75m,
                TakeProfit = 105.5m,
                RiskReward = 2m,
                Confidence = 0.2012m,
                Reason = signal.Reason,
                SignalAt = candles[6].ClosedAt,
            },
            signal);
    }

    [Fact]
    public void Signals_short_when_a_close_returns_inside_the_band_after_a_stretch_above_the_vwap()
    {
        var candles = RiseAndTurn(103);
        var strategy = new VwapReversionStrategy(Small);

        var signals = Each(strategy, candles, Context(market: Ranging));

        Assert.All(signals.Take(6), Assert.Null);
        var signal = signals[6];
        Assert.NotNull(signal);
        Assert.Equal(
            (TradeDirection.Short, 103m, 107.25m, 94.5m, 2m, 0.2012m),
            (signal.Direction, signal.Entry, signal.StopLoss, signal.TakeProfit, signal.RiskReward, signal.Confidence));
    }

    [Fact]
    public void Raises_the_target_to_the_interval_minimum()
    {
        var signal = Assert.Single(Run(new VwapReversionStrategy(Small), DropAndTurn(97), Context(3m, Ranging)));

        Assert.Equal((105.5m + 4.25m, 3m), (signal.TakeProfit, signal.RiskReward));
    }

    [Fact]
    public void Targets_the_vwap_when_it_is_further_than_the_risk_reward_floor()
    {
        var strategy = new VwapReversionStrategy(Small with { StopAtrMultiple = 0.1m });

        var signal = Assert.Single(Run(strategy, DropAndTurn(97), Context(market: Ranging)));

        Assert.Equal((96.57m, 98.71m, 3.9767m, 1m), (signal.StopLoss, signal.TakeProfit, signal.RiskReward, signal.Confidence));
        Assert.Contains("target 1.71 at the VWAP at 3.98:1", signal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_signal_a_higher_close_that_is_still_stretched()
    {
        // In ATRs: 94 is 1.11 below the VWAP, 94.5 still 1.19 below (ATR 3.25, VWAP 98.36), 97 only 0.35 below.
        var candles = DropAndTurn(94.5m, 97);
        var strategy = new VwapReversionStrategy(Small with { UseStandardDeviation = false, StretchMultiple = 1m });

        var indices = SignalIndices(strategy, candles, Context(market: Ranging));

        Assert.Equal([7], indices);
    }

    [Fact]
    public void Does_not_signal_when_the_close_crosses_the_vwap()
    {
        var candles = DropAndTurn(101);

        var signals = Run(new VwapReversionStrategy(Small), candles, Context(market: Ranging));

        Assert.Empty(signals);
    }

    [Fact]
    public void Does_not_signal_without_a_stretch()
    {
        var signals = Run(new VwapReversionStrategy(Small with { StretchMultiple = 3m }), DropAndTurn(97), Context(market: Ranging));

        Assert.Empty(signals);
    }

    [Fact]
    public void Measures_the_stretch_in_atrs_when_configured()
    {
        // ATR(2) after the drop to 94 is 4.5 and the VWAP 99: 1.11 ATRs below.
        var candles = DropAndTurn(97);

        var atOne = Run(new VwapReversionStrategy(Small with { UseStandardDeviation = false, StretchMultiple = 1m }), candles, Context(market: Ranging));
        var atTwo = Run(new VwapReversionStrategy(Small with { UseStandardDeviation = false }), candles, Context(market: Ranging));

        Assert.Contains("stretched 1.11×ATR(2) below it", Assert.Single(atOne).Reason, StringComparison.Ordinal);
        Assert.Empty(atTwo);
    }

    [Theory]
    [InlineData(MarketRegime.Trending)]
    [InlineData(MarketRegime.Volatile)]
    public void Regime_filter_suppresses_the_signal_outside_a_ranging_market(MarketRegime regime)
    {
        var signals = Run(new VwapReversionStrategy(Small), DropAndTurn(97), Context(market: Regime(regime)));

        Assert.Empty(signals);
    }

    [Fact]
    public void Own_adx_filter_decides_while_the_regime_is_unknown()
    {
        var candles = DropAndTurn(97);

        var loose = Run(new VwapReversionStrategy(Small with { MaxAdx = 100 }), candles, Context());
        var strict = Run(new VwapReversionStrategy(Small with { MaxAdx = 1 }), candles, Context());

        Assert.Contains("(ADX(2) ", Assert.Single(loose).Reason, StringComparison.Ordinal);
        Assert.Empty(strict);
    }

    [Fact]
    public void Higher_timeframe_filter_suppresses_a_signal_against_the_higher_trend()
    {
        var options = Small with { RequireHigherTimeframe = true };

        var against = Run(new VwapReversionStrategy(options), DropAndTurn(97), Context(market: HigherTrend(Trend.Down, MarketRegime.Ranging)));
        var flat = Run(new VwapReversionStrategy(options), DropAndTurn(97), Context(market: HigherTrend(Trend.Flat, MarketRegime.Ranging)));
        var aligned = Run(new VwapReversionStrategy(options), DropAndTurn(97), Context(market: HigherTrend(Trend.Up, MarketRegime.Ranging)));

        Assert.Empty(against);
        Assert.Empty(flat);
        Assert.Single(aligned);
    }

    [Fact]
    public void Does_not_signal_before_the_stretch_of_the_previous_candle_is_known()
    {
        var strategy = new VwapReversionStrategy(Small with { DeviationPeriod = 7 });

        var signals = Run(strategy, DropAndTurn(97), Context(market: Ranging));

        Assert.Empty(signals);
        Assert.Equal(8, strategy.WarmUpPeriod);
    }

    [Fact]
    public void Is_ready_once_the_previous_stretch_the_atr_and_the_adx_have_values()
    {
        var strategy = new VwapReversionStrategy(Small);

        var readiness = Readiness(strategy, DropAndTurn(97), Context(market: Ranging));

        Assert.Equal([false, false, false, false, false, true, true], readiness);
        Assert.Equal(6, strategy.WarmUpPeriod);
        Assert.Equal(28, new VwapReversionStrategy(new VwapReversionOptions()).WarmUpPeriod);
    }

    [Fact]
    public void Does_not_signal_a_long_whose_stop_would_be_at_or_below_zero()
    {
        var atZero = Run(new VwapReversionStrategy(Small with { StopAtrMultiple = 97m / 4.25m }), DropAndTurn(97), Context(market: Ranging));
        var beyond = Run(new VwapReversionStrategy(Small with { StopAtrMultiple = 30m }), DropAndTurn(97), Context(market: Ranging));

        Assert.Empty(atZero);
        Assert.Empty(beyond);
    }

    [Fact]
    public void Signals_when_the_turn_comes_on_a_synthetic_candle()
    {
        var candles = DropAndTurn();
        candles.Add(TestCandles.Create(6, 97m, 98m, 96m, 97m, isSynthetic: true));

        var signal = Assert.Single(Run(new VwapReversionStrategy(Small), candles, Context(market: Ranging)));

        Assert.Equal((TradeDirection.Long, 97m), (signal.Direction, signal.Entry));
    }

    [Fact]
    public void Explains_the_reversion_in_one_sentence_with_the_numbers()
    {
        var signal = Assert.Single(Run(new VwapReversionStrategy(Small), DropAndTurn(97), Context(market: Ranging)));

        Assert.Equal(
            "Close 97 turned up toward VWAP(session) 98.71 after the previous close 94 stretched 2.08×STDDEV(5) below it, " +
            "on the 1m close at 2024-01-01 00:07Z (ranging regime); stop 4.25 (1×ATR(2)) below entry, " +
            "target 8.5 beyond the VWAP at 2:1.",
            signal.Reason);
    }

    [Fact]
    public void Ignores_candles_that_are_not_newer_than_the_last_one()
    {
        var candles = DropAndTurn(97);
        var disturbed = new List<Candle>(candles);
        disturbed.Insert(6, candles[5] with { Close = 200m, High = 200m });
        disturbed.Insert(7, candles[0] with { Close = 50m, Low = 50m });
        var strategy = new VwapReversionStrategy(Small);

        var signals = Each(strategy, disturbed, Context(market: Ranging));

        Assert.Null(signals[6]);
        Assert.Null(signals[7]);
        Assert.Equal(Run(new VwapReversionStrategy(Small), candles, Context(market: Ranging)), signals.OfType<StrategySignal>());
    }

    [Fact]
    public void Is_created_by_the_catalog_from_its_settings()
    {
        var settings = new StrategySettings { VwapReversion = new VwapReversionOptions { AdxPeriod = 20 } };

        var strategy = StrategyCatalog.Create("vwap-reversion", settings);

        Assert.IsType<VwapReversionStrategy>(strategy);
        Assert.Equal(40, strategy.WarmUpPeriod);
        Assert.Same(settings.VwapReversion, StrategyCatalog.ParametersOf("vwap-reversion", settings));
    }

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Rejects_invalid_options_naming_the_option(VwapReversionOptions options, string option)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => new VwapReversionStrategy(options));

        Assert.Equal(option, exception.ParamName);
    }

    public static TheoryData<VwapReversionOptions, string> InvalidOptions => new()
    {
        { new VwapReversionOptions { StretchMultiple = 0m }, "StretchMultiple" },
        { new VwapReversionOptions { DeviationPeriod = 1 }, "DeviationPeriod" },
        { new VwapReversionOptions { AtrPeriod = 0 }, "AtrPeriod" },
        { new VwapReversionOptions { StopAtrMultiple = -1m }, "StopAtrMultiple" },
        { new VwapReversionOptions { AdxPeriod = 0 }, "AdxPeriod" },
        { new VwapReversionOptions { MaxAdx = 0 }, "MaxAdx" },
        { new VwapReversionOptions { MaxAdx = 101 }, "MaxAdx" },
        { new VwapReversionOptions { MaxAdx = double.NaN }, "MaxAdx" },
        { new VwapReversionOptions { RiskReward = 0m }, "RiskReward" },
    };
}
