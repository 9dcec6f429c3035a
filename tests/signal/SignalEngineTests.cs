using Trading.Contracts.Signals;
using Trading.Markets;
using Trading.Markets.Strategies;
using Trading.Signal.Backtests;
using Trading.Signal.Persistence;
using Trading.Signal.Signals;
using Trading.Signal.Strategies;

namespace Trading.Signal.Tests;

[Trait("Category", "Integration")]
public sealed class SignalEngineTests
{
    private static readonly List<Candle> Candles = TestCandles.Wave(400);

    // What the backtester's runner finds on the same candles: the live service must find exactly these.
    private static readonly List<StrategySignal> Expected = Offline(Candles);

    [Fact]
    public async Task Publishes_every_signal_of_a_strategy_whose_backtest_passed_carrying_the_record_and_the_context()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var engine = new TestEngine(database);
        await database.InTransactionAsync(tx => new BacktestRecordStore().SaveAsync(tx, BacktestRecords.Recorded(passed: true)));

        await engine.FeedAsync(Candles);
        var published = await database.MessagesAsync<SignalGenerated>();

        Assert.True(Expected.Count >= 3, $"only {Expected.Count} signals on the test candles");
        Assert.Equal(Expected.Select(s => (s.SignalAt, s.Entry, s.StopLoss, s.TakeProfit)), published.Select(s => (s.SignalAt, s.Entry, s.StopLoss, s.TakeProfit)));
        Assert.All(published, s => Assert.Equal((true, 120, 2m, 1m), (s.Backtest!.Passed, s.Backtest.Trades, s.Backtest.AverageWinR, s.Backtest.AverageLossR)));
        Assert.Equal(Expected.Select(s => (s.Context.Regime.ToString(), s.Context.HigherTimeframe?.Code, s.Context.MacroTrend.ToString())),
            published.Select(s => (s.Regime!, s.HigherTimeframe, s.MacroTrend!)));
        Assert.Equal(Enumerable.Repeat(true, Expected.Count), await database.QueryAsync<bool>("SELECT published FROM signals ORDER BY signal_at"));
    }

    [Fact]
    public async Task Stores_a_signal_without_a_backtest_record_as_suppressed_and_publishes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var engine = new TestEngine(database);

        var results = await engine.FeedAsync(Candles);
        var rows = await database.QueryAsync<(bool Published, string Reason)>("SELECT published, suppressed_reason FROM signals");

        Assert.Empty(await database.MessagesAsync<SignalGenerated>());
        Assert.Equal(Expected.Count, results.Sum(r => r.Suppressed.Count));
        Assert.Equal(Enumerable.Repeat((false, "no backtest record for ema-cross on BTC/USD 1m"), Expected.Count), rows);
    }

    [Fact]
    public async Task Stores_a_signal_whose_backtest_failed_as_suppressed_with_the_gate_reasons()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var engine = new TestEngine(database);
        await database.InTransactionAsync(tx => new BacktestRecordStore().SaveAsync(tx, BacktestRecords.Recorded(passed: false)));

        await engine.FeedAsync(Candles);
        var reasons = await database.QueryAsync<string>("SELECT DISTINCT suppressed_reason FROM signals");

        Assert.Empty(await database.MessagesAsync<SignalGenerated>());
        Assert.Equal(["win rate 25% is not above the 33.3% break-even; profit factor is undefined"], reasons);
    }

    [Fact]
    public async Task Without_an_enforced_gate_publishes_every_signal_with_whatever_record_exists()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var engine = new TestEngine(database, enforce: false);
        await database.InTransactionAsync(tx => new BacktestRecordStore().SaveAsync(tx, BacktestRecords.Recorded(passed: false, interval: "5m")));

        await engine.FeedAsync(Candles);
        var published = await database.MessagesAsync<SignalGenerated>();

        Assert.Equal(Expected.Count, published.Count);
        Assert.All(published, s => Assert.Null(s.Backtest));
    }

    [Fact]
    public async Task A_redelivered_candle_never_produces_a_second_signal()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var engine = new TestEngine(database, enforce: false);
        var signalIndex = Candles.FindIndex(c => c.ClosedAt == Expected[0].SignalAt);
        await engine.FeedAsync(Candles.Take(signalIndex + 1));

        var again = await engine.FeedAsync([Candles[signalIndex]]);
        engine.Registry.Remove(new("KRAKEN", "BTC/USD", "1m"));
        var afterRestart = await engine.FeedAsync([Candles[signalIndex]]);

        Assert.Equal(CandleOutcome.Duplicate, again.Single().Outcome);
        Assert.Equal(CandleOutcome.Duplicate, afterRestart.Single().Outcome);
        var published = Assert.Single(await database.MessagesAsync<SignalGenerated>());
        Assert.Equal(SignalMapper.SignalId("ema-cross", new("KRAKEN", "BTC/USD", "1m"), Candles[signalIndex].OpenedAt), published.SignalId);
    }

    [Fact]
    public async Task A_series_rebuilt_from_stored_candles_after_a_failure_signals_as_if_nothing_happened()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var engine = new TestEngine(database, enforce: false);
        var half = Candles.Count / 2;
        await engine.FeedAsync(Candles.Take(half));

        engine.Engine.Discard(TestEngine.Message(Candles[half - 1]));
        await engine.FeedAsync(Candles.Skip(half));
        var published = await database.MessagesAsync<SignalGenerated>();

        Assert.Equal(Expected.Select(s => (s.SignalAt, s.Direction)), published.Select(s => (s.SignalAt, Map(s.Direction))));
    }

    [Fact]
    public async Task Stored_candles_keep_their_order_flow_so_a_warmed_series_sees_the_candles_it_saw_live()
    {
        await using var database = await TestDatabase.CreateAsync();
        var candle = Candles[0] with { QuoteVolume = 123.5m, BuyVolume = 1.25m, SellVolume = 0.75m };
        var store = new CandleStore();
        var series = new SeriesKey(TestEngine.Venue, TestEngine.Symbol, "1m");

        await database.InTransactionAsync(tx => store.InsertAsync(tx, TestEngine.Message(candle) with { QuoteVolume = 123.5m, BuyVolume = 1.25m, SellVolume = 0.75m }));
        var loaded = await database.InTransactionAsync(tx => store.LoadHistoryAsync(tx, series, candle.ClosedAt, 10));

        Assert.Equal(candle, Assert.Single(loaded));
    }

    private static TradeDirection Map(SignalDirection direction) => direction == SignalDirection.Long ? TradeDirection.Long : TradeDirection.Short;

    private static List<StrategySignal> Offline(IEnumerable<Candle> candles)
    {
        var series = new StrategySeries(Interval.OneMinute, [StrategyCatalog.Create("ema-cross", new StrategySettings())], new RiskRewardMinimums().For(Interval.OneMinute));
        return candles.SelectMany(series.Update).ToList();
    }
}
