using Trading.Markets.Strategies;
using static Trading.Markets.Tests.Strategies.SignalChecks;

namespace Trading.Markets.Tests.Strategies;

// The shipped strategies with their default parameters on two weeks of real BTC-PERP candles (1m, and merged into 5m, 15m and
// 30m), run through StrategySeries. The counts as of writing, longs in brackets:
//   donchian-breakout  1m 865 (418)  5m 180 (81)  15m 71 (33)  30m 29 (12)
//   momentum-hybrid    1m 982 (529)  5m 161 (80)  15m 47 (23)  30m 15 (7)
//   vwap-reversion     1m 303 (161)  5m 145 (79)  15m 54 (22)  30m 17 (8)
//   rsi-reversion      1m 112 (57)   5m 15 (5)    15m 3 (0)    30m 2 (0)
//   macd-momentum      1m 363 (171)  5m 58 (25)   15m 16 (8)   30m 14 (9)
//   bollinger-squeeze  1m 565 (272)  5m 104 (47)  15m 28 (14)  30m 11 (8)
public sealed class ShippedStrategiesOnMarketDataTests
{
    private static readonly string[] Shipped =
        ["donchian-breakout", "momentum-hybrid", "vwap-reversion", "rsi-reversion", "macd-momentum", "bollinger-squeeze"];

    // Strategy, interval, the fewest and most signals, and whether both longs and shorts must be among them.
    public static TheoryData<string, string, int, int, bool> Runs => new()
    {
        { "donchian-breakout", "1m", 500, 1_200, true },
        { "donchian-breakout", "5m", 100, 300, true },
        { "donchian-breakout", "15m", 40, 120, true },
        { "donchian-breakout", "30m", 15, 60, true },
        { "momentum-hybrid", "1m", 500, 1_200, true },
        { "momentum-hybrid", "5m", 80, 300, true },
        { "momentum-hybrid", "15m", 25, 100, true },
        { "momentum-hybrid", "30m", 8, 60, true },
        { "vwap-reversion", "1m", 150, 600, true },
        { "vwap-reversion", "5m", 60, 300, true },
        { "vwap-reversion", "15m", 20, 100, true },
        { "vwap-reversion", "30m", 8, 40, true },
        { "rsi-reversion", "1m", 50, 300, true },
        { "rsi-reversion", "5m", 5, 60, true },
        { "rsi-reversion", "15m", 1, 30, false },
        { "rsi-reversion", "30m", 1, 20, false },
        { "macd-momentum", "1m", 100, 1_000, true },
        { "macd-momentum", "5m", 20, 200, true },
        { "macd-momentum", "15m", 5, 60, true },
        { "macd-momentum", "30m", 5, 40, true },
        { "bollinger-squeeze", "1m", 100, 1_000, true },
        { "bollinger-squeeze", "5m", 20, 200, true },
        { "bollinger-squeeze", "15m", 5, 60, true },
        { "bollinger-squeeze", "30m", 5, 40, true },
    };

    // Each strategy with as many real 1-minute candles as it needs to signal at least once.
    public static TheoryData<string, int> Replays => new()
    {
        { "donchian-breakout", 3_000 },
        { "momentum-hybrid", 3_000 },
        { "vwap-reversion", 4_000 },
        { "rsi-reversion", 6_000 },
        { "macd-momentum", 3_000 },
        { "bollinger-squeeze", 3_000 },
    };

    public static TheoryData<string, MarketRegime> InEitherRegime()
    {
        var data = new TheoryData<string, MarketRegime>();
        foreach (var strategy in Shipped)
        {
            data.Add(strategy, MarketRegime.Unknown);
            data.Add(strategy, MarketRegime.Ranging);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Gives_a_useful_number_of_valid_signals_with_the_default_parameters(
        string strategy, string code, int fewest, int most, bool bothDirections)
    {
        var (candles, signals, minimum) = RealSeries(strategy, code);
        var closedAt = candles.Select(candle => candle.ClosedAt).ToHashSet();
        var regimes = RegimesItSignalsIn(strategy);

        Assert.InRange(signals.Count, fewest, most);
        if (bothDirections)
        {
            Assert.Contains(signals, signal => signal.Direction == TradeDirection.Long);
            Assert.Contains(signals, signal => signal.Direction == TradeDirection.Short);
        }

        Assert.All(signals, signal =>
        {
            AssertValid(signal, strategy, minimum);
            Assert.Contains(signal.SignalAt, closedAt);
            Assert.Contains(code, signal.Reason, StringComparison.Ordinal);
            Assert.Contains(signal.Context.Regime, regimes);
        });
    }

    [Theory]
    [MemberData(nameof(Replays))]
    public void Reset_then_replay_gives_the_signals_of_a_fresh_instance(string strategy, int count)
    {
        var candles = MarketDataSeries.Candles(Interval.OneMinute).Take(count).ToList();
        var instance = StrategyCatalog.Create(strategy, new StrategySettings());
        var firstRun = Each(instance, candles, Context());

        instance.Reset();
        var readyAfterReset = instance.IsReady;
        var replayed = Each(instance, candles, Context());

        Assert.False(readyAfterReset);
        Assert.NotEmpty(StrategyFixtures.SignalIndices(firstRun));
        Assert.NotEmpty(StrategyFixtures.SignalIndices(replayed));
        Assert.Equal(firstRun, replayed);
        Assert.Equal(Each(StrategyCatalog.Create(strategy, new StrategySettings()), candles, Context()), replayed);
    }

    [Theory]
    [MemberData(nameof(InEitherRegime))]
    public void Allocates_nothing_on_a_candle_that_gives_no_signal(string strategy, MarketRegime regime)
    {
        var candles = MarketDataSeries.Candles(Interval.OneMinute).Take(5_000).ToList();

        var (allocated, quiet, allocating) = BytesAllocatedWithoutSignal(
            () => StrategyCatalog.Create(strategy, new StrategySettings()), candles, Context(market: Regime(regime)));

        // The runtime now and then charges this thread once for its own work (a fresh allocation context, a method promoted to
        // optimised code) in the middle of the pass; an allocation of the strategy's would show on every quiet candle.
        Assert.True(quiet > 4_000, $"only {quiet} candles without a signal");
        Assert.True(allocating <= 2, $"{allocating} of {quiet} candles without a signal allocated, {allocated} bytes in all");
    }

    [Theory]
    [InlineData("rsi-reversion")]
    [InlineData("macd-momentum")]
    [InlineData("bollinger-squeeze")]
    public void Is_in_the_catalog_with_its_options_in_the_settings(string strategy)
    {
        var settings = new StrategySettings();

        var created = StrategyCatalog.Create(strategy, settings);
        var parameters = StrategyCatalog.ParametersOf(strategy, settings);

        Assert.Contains(strategy, StrategyCatalog.Names);
        Assert.Equal(strategy, created.Name);
        Assert.Same(
            strategy switch
            {
                "rsi-reversion" => settings.RsiReversion,
                "macd-momentum" => settings.MacdMomentum,
                _ => (object)settings.BollingerSqueeze,
            },
            parameters);
    }

    [Fact]
    public void Higher_timeframe_alignment_keeps_only_signals_whose_context_is_aligned()
    {
        var interval = Interval.Parse("5m");
        var candles = MarketDataSeries.Candles(interval);
        var settings = new StrategySettings
        {
            MacdMomentum = new MacdMomentumOptions { RequireHigherTimeframe = true },
            BollingerSqueeze = new BollingerSqueezeOptions { RequireHigherTimeframe = true },
        };
        var series = new StrategySeries(
            interval, [StrategyCatalog.Create("macd-momentum", settings), StrategyCatalog.Create("bollinger-squeeze", settings)], 2m);

        var signals = MarketDataSeries.Run(series, candles);

        Assert.NotEmpty(signals);
        Assert.All(signals, signal => Assert.True(signal.Context.IsAligned(signal.Direction)));
    }

    // Momentum-hybrid stands aside in a volatile market and vwap-reversion trades only a ranging one (or an unknown regime, its
    // own ADX deciding); the others signal in any regime.
    private static MarketRegime[] RegimesItSignalsIn(string strategy) => strategy switch
    {
        "momentum-hybrid" => [MarketRegime.Trending, MarketRegime.Ranging, MarketRegime.Unknown],
        "vwap-reversion" => [MarketRegime.Ranging, MarketRegime.Unknown],
        _ => Enum.GetValues<MarketRegime>(),
    };
}
