using Trading.Markets.Strategies;

namespace Trading.Markets.Tests.Strategies;

// rsi-reversion, macd-momentum and bollinger-squeeze with their default parameters, run through StrategySeries on two weeks of
// real BTC-PERP candles (1m, and merged into 5m, 15m and 30m). The counts as of writing, longs in brackets:
//   rsi-reversion      1m 112 (57)   5m 15 (5)    15m 3 (0)    30m 2 (0)
//   macd-momentum      1m 363 (171)  5m 58 (25)   15m 16 (8)   30m 14 (9)
//   bollinger-squeeze  1m 565 (272)  5m 104 (47)  15m 28 (14)  30m 11 (8)
public sealed class ShippedStrategiesOnMarketDataTests
{
    public static TheoryData<string, string, int, int> Runs => new()
    {
        { "rsi-reversion", "1m", 50, 300 },
        { "rsi-reversion", "5m", 5, 60 },
        { "rsi-reversion", "15m", 1, 30 },
        { "rsi-reversion", "30m", 1, 20 },
        { "macd-momentum", "1m", 100, 1_000 },
        { "macd-momentum", "5m", 20, 200 },
        { "macd-momentum", "15m", 5, 60 },
        { "macd-momentum", "30m", 5, 40 },
        { "bollinger-squeeze", "1m", 100, 1_000 },
        { "bollinger-squeeze", "5m", 20, 200 },
        { "bollinger-squeeze", "15m", 5, 60 },
        { "bollinger-squeeze", "30m", 5, 40 },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Gives_a_useful_number_of_valid_signals_with_the_default_parameters(string strategy, string code, int fewest, int most)
    {
        var interval = Interval.Parse(code);
        var candles = MarketDataSeries.Candles(interval);
        var minimum = new RiskRewardMinimums().For(interval);
        var series = new StrategySeries(interval, [StrategyCatalog.Create(strategy, new StrategySettings())], minimum);
        var closedAt = candles.Select(candle => candle.ClosedAt).ToHashSet();

        var signals = MarketDataSeries.Run(series, candles);

        Assert.InRange(signals.Count, fewest, most);
        Assert.All(signals, signal =>
        {
            StrategyFixtures.AssertConsistent(signal, minimum);
            Assert.Equal(strategy, signal.Strategy);
            Assert.Contains(signal.SignalAt, closedAt);
            Assert.Contains(interval.Code, signal.Reason, StringComparison.Ordinal);
        });
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

    [Theory]
    [InlineData("rsi-reversion")]
    [InlineData("macd-momentum")]
    [InlineData("bollinger-squeeze")]
    public void Allocates_nothing_on_a_candle_that_gives_no_signal(string strategy)
    {
        var candles = MarketDataSeries.Candles(Interval.OneMinute).Take(5_000).ToList();
        var context = StrategyFixtures.Context();

        // A first run compiles every path, so the measured run sees only the strategy's own allocations.
        StrategyFixtures.Feed(StrategyCatalog.Create(strategy, new StrategySettings()), candles, context);
        var instance = StrategyCatalog.Create(strategy, new StrategySettings());

        var allocated = 0L;
        var quiet = 0;
        foreach (var candle in candles)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var signal = instance.Update(candle, context);
            var after = GC.GetAllocatedBytesForCurrentThread();
            if (signal is null)
            {
                allocated += after - before;
                quiet++;
            }
        }

        Assert.True(quiet > 4_000);
        Assert.Equal(0L, allocated);
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
}
