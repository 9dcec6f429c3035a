using Trading.Markets;
using Trading.Markets.Strategies;
using Trading.Signal.Strategies;

namespace Trading.Signal.Tests;

public sealed class SeriesRegistryTests
{
    private static readonly SeriesKey Series = new("KRAKEN", "BTC/USD", "1m");

    [Fact]
    public async Task Creates_a_series_once_and_returns_the_same_one_afterwards()
    {
        var registry = Registry(warmUpCandles: 500);
        var loads = 0;

        var first = await registry.GetOrCreateAsync(Series, TestCandles.Start, (_, _, _) => Load(ref loads, []));
        var second = await registry.GetOrCreateAsync(Series, TestCandles.Start, (_, _, _) => Load(ref loads, []));

        Assert.Same(first, second);
        Assert.Equal(1, loads);
        Assert.True(registry.Contains(Series));
    }

    [Fact]
    public async Task Runs_the_configured_strategies_with_the_minimum_risk_reward_of_the_interval()
    {
        var riskReward = new RiskRewardMinimums();
        riskReward.ByInterval["15m"] = 3.25m;
        var registry = new SeriesRegistry(["ema-cross"], new StrategySettings(), riskReward, warmUpCandles: 0);

        var series = await registry.GetOrCreateAsync(Series with { Interval = "15m" }, TestCandles.Start, (_, _, _) => Task.FromResult<IReadOnlyList<Candle>>([]));

        Assert.Equal(["ema-cross"], series.Strategies.Select(s => s.Name));
        Assert.Equal(Interval.Parse("15m"), series.Interval);
        Assert.Equal(3.25m, series.Context.MinimumRiskReward);
    }

    [Fact]
    public async Task Asks_the_loader_for_the_configured_number_of_candles_before_the_current_one()
    {
        var registry = Registry(warmUpCandles: 123);
        (SeriesKey Series, DateTimeOffset Before, int Count)? request = null;
        var before = TestCandles.Start.AddMinutes(30);

        await registry.GetOrCreateAsync(Series, before, (series, until, count) =>
        {
            request = (series, until, count);
            return Task.FromResult<IReadOnlyList<Candle>>([]);
        });

        Assert.Equal((Series, before, 123), request);
    }

    [Fact]
    public async Task Does_not_load_history_when_warm_up_is_off()
    {
        var registry = Registry(warmUpCandles: 0);
        var loads = 0;

        var series = await registry.GetOrCreateAsync(Series, TestCandles.Start, (_, _, _) => Load(ref loads, TestCandles.Wave(10)));

        Assert.Equal(0, loads);
        Assert.Equal(0, series.Samples);
    }

    [Fact]
    public async Task Warms_up_so_that_the_next_candle_signals_exactly_as_an_uninterrupted_series_would()
    {
        var candles = TestCandles.Wave(400);
        var uninterrupted = new StrategySeries(Interval.OneMinute, [new EmaCrossStrategy(new EmaCrossOptions())], 2.0m);
        var signals = candles.Select(uninterrupted.Update).ToList();
        var signalAt = signals.FindLastIndex(found => found.Count > 0);
        var registry = Registry(warmUpCandles: 500);

        var series = await registry.GetOrCreateAsync(Series, candles[signalAt].OpenedAt, (_, before, _) =>
            Task.FromResult<IReadOnlyList<Candle>>(candles.Where(c => c.OpenedAt < before).ToList()));
        var signal = series.Update(candles[signalAt]);

        Assert.True(signalAt > 0);
        Assert.Equal(signals[signalAt], signal);
        Assert.Equal(signalAt + 1, series.Samples);
    }

    [Fact]
    public async Task Discards_the_signals_raised_during_warm_up()
    {
        var candles = TestCandles.Wave(200);
        var registry = Registry(warmUpCandles: 500);

        var series = await registry.GetOrCreateAsync(Series, candles[^1].ClosedAt, (_, _, _) => Task.FromResult<IReadOnlyList<Candle>>(candles));

        Assert.Equal(candles[^1].OpenedAt, series.LastOpenedAt);
        Assert.Empty(series.Update(candles[^1]));
    }

    [Fact]
    public async Task Rebuilds_a_removed_series_from_the_loader()
    {
        var registry = Registry(warmUpCandles: 500);
        var loads = 0;
        var first = await registry.GetOrCreateAsync(Series, TestCandles.Start, (_, _, _) => Load(ref loads, []));

        registry.Remove(Series);
        var second = await registry.GetOrCreateAsync(Series, TestCandles.Start, (_, _, _) => Load(ref loads, []));

        Assert.NotSame(first, second);
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task Keeps_series_apart()
    {
        var registry = Registry(warmUpCandles: 0);

        var minute = await registry.GetOrCreateAsync(Series, TestCandles.Start, (_, _, _) => Task.FromResult<IReadOnlyList<Candle>>([]));
        var fiveMinutes = await registry.GetOrCreateAsync(Series with { Interval = "5m" }, TestCandles.Start, (_, _, _) => Task.FromResult<IReadOnlyList<Candle>>([]));

        Assert.NotSame(minute, fiveMinutes);
        Assert.Equal(2, registry.Count);
    }

    private static SeriesRegistry Registry(int warmUpCandles) =>
        new(["ema-cross"], new StrategySettings(), new RiskRewardMinimums(), warmUpCandles);

    private static Task<IReadOnlyList<Candle>> Load(ref int loads, IReadOnlyList<Candle> candles)
    {
        loads++;
        return Task.FromResult(candles);
    }
}
