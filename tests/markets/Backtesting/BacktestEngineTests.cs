using Trading.Markets.Backtesting;
using Trading.Markets.Execution;
using Trading.Markets.Risk;
using Trading.Markets.Strategies;

namespace Trading.Markets.Tests.Backtesting;

public sealed class BacktestEngineTests
{
    private static readonly Interval OneMinute = Interval.OneMinute;
    private static readonly BacktestSettings NoCosts = new() { FillModel = new PaperFillModel { SlippageBps = 0m, FeeRate = 0m } };

    [Fact]
    public void Fills_the_entry_at_the_next_candles_open_with_slippage_not_at_the_signal_close()
    {
        var candles = Flat(100m, 6);
        candles[3] = TestCandles.Create(3, 103m, 103.5m, 102.5m, 103m);
        var settings = NoCosts with { FillModel = new PaperFillModel { SlippageBps = 10m, FeeRate = 0m } };

        var result = Run(candles, Script((2, TradeDirection.Long, 95m, 120m)), settings);

        var trade = Assert.Single(result.Trades);
        Assert.Equal(candles[3].OpenedAt, trade.EntryTime);
        Assert.Equal(103m * 1.001m, trade.EntryPrice);
        Assert.Equal(candles[2].ClosedAt, trade.SignalAt);
    }

    [Fact]
    public void Checks_the_stop_before_the_target_when_one_candle_reaches_both()
    {
        var candles = Flat(100m, 6);
        candles[4] = TestCandles.Create(4, 100m, 111m, 94m, 100m);

        var result = Run(candles, Script((2, TradeDirection.Long, 95m, 110m)), NoCosts);

        var trade = Assert.Single(result.Trades);
        Assert.Equal((BacktestExitReason.StopLoss, 95m, candles[4].ClosedAt), (trade.ExitReason, trade.ExitPrice, trade.ExitTime));
    }

    [Fact]
    public void Exits_at_the_target_when_the_stop_is_not_reached()
    {
        var candles = Flat(100m, 6);
        candles[4] = TestCandles.Create(4, 100m, 111m, 99m, 100m);

        var result = Run(candles, Script((2, TradeDirection.Long, 95m, 110m)), NoCosts);

        var trade = Assert.Single(result.Trades);
        Assert.Equal((BacktestExitReason.TakeProfit, 110m), (trade.ExitReason, trade.ExitPrice));
        Assert.Equal(1m, result.Statistics.Wins);
    }

    [Fact]
    public void A_candle_opening_beyond_the_stop_fills_at_its_open()
    {
        var candles = Flat(100m, 6);
        candles[4] = TestCandles.Create(4, 90m, 91m, 89m, 90m);

        var result = Run(candles, Script((2, TradeDirection.Long, 95m, 110m)), NoCosts);

        var trade = Assert.Single(result.Trades);
        Assert.Equal((BacktestExitReason.StopLoss, 90m, candles[4].OpenedAt), (trade.ExitReason, trade.ExitPrice, trade.ExitTime));
    }

    [Fact]
    public void A_short_stopped_by_a_gap_up_fills_at_the_open()
    {
        var candles = Flat(100m, 6);
        candles[4] = TestCandles.Create(4, 108m, 109m, 107m, 108m);

        var result = Run(candles, Script((2, TradeDirection.Short, 105m, 90m)), NoCosts);

        var trade = Assert.Single(result.Trades);
        Assert.Equal((BacktestExitReason.StopLoss, 108m), (trade.ExitReason, trade.ExitPrice));
        Assert.True(trade.Pnl < 0m);
    }

    [Fact]
    public void Closes_a_position_at_the_close_of_the_candle_that_reaches_the_maximum_holding_time()
    {
        var candles = Flat(100m, 10);
        candles[5] = TestCandles.Create(5, 100m, 100.5m, 99.5m, 100.25m);
        var settings = NoCosts with { MaxHolding = TimeSpan.FromMinutes(3) };

        var result = Run(candles, Script((2, TradeDirection.Long, 95m, 110m)), settings);

        var trade = Assert.Single(result.Trades);
        Assert.Equal(
            (BacktestExitReason.TimeLimit, candles[5].ClosedAt, 100.25m),
            (trade.ExitReason, trade.ExitTime, trade.ExitPrice));
    }

    [Fact]
    public void Closes_a_position_still_open_at_the_end_of_the_data_at_the_last_close()
    {
        var candles = Flat(100m, 6);
        candles[5] = TestCandles.Create(5, 100m, 102m, 99m, 101.5m);

        var result = Run(candles, Script((2, TradeDirection.Long, 95m, 110m)), NoCosts);

        var trade = Assert.Single(result.Trades);
        Assert.Equal(
            (BacktestExitReason.EndOfData, candles[5].ClosedAt, 101.5m),
            (trade.ExitReason, trade.ExitTime, trade.ExitPrice));
    }

    [Fact]
    public void Takes_fees_and_slippage_out_of_the_pnl()
    {
        var candles = Flat(100m, 6);
        candles[4] = TestCandles.Create(4, 100m, 111m, 99m, 100m);
        var fills = new PaperFillModel { SlippageBps = 5m, FeeRate = 0.001m };
        var settings = NoCosts with { FillModel = fills };

        var result = Run(candles, Script((2, TradeDirection.Long, 95m, 110m)), settings);

        var trade = Assert.Single(result.Trades);
        var entry = 100m * 1.0005m;
        var exit = 110m * 0.9995m;
        var fees = (entry + exit) * trade.Quantity * 0.001m;
        Assert.Equal((entry, exit), (trade.EntryPrice, trade.ExitPrice));
        Assert.Equal(fees, trade.Fees);
        Assert.Equal((exit - entry) * trade.Quantity - fees, trade.Pnl);
        Assert.Equal(trade.Pnl / (trade.Quantity * (entry - 95m)), trade.RMultiple);
        Assert.Equal(trade.Pnl, result.Statistics.NetPnl);
    }

    [Fact]
    public void Sizes_each_trade_as_the_risk_gate_does_with_the_accounts_equity_at_the_signal()
    {
        var candles = Flat(100m, 12);
        candles[4] = TestCandles.Create(4, 100m, 111m, 99m, 100m);
        var limits = new RiskLimits { RiskPerTrade = 0.01m, MaxPositionNotional = 5m };
        var settings = NoCosts with { RiskLimits = limits, StartingEquity = 5_000m };

        var result = Run(candles, Script((2, TradeDirection.Long, 95m, 110m), (6, TradeDirection.Short, 103m, 90m)), settings);

        Assert.Equal(2, result.Trades.Count);
        var first = RiskGate.Evaluate(TradeDirection.Long, 100m, 95m, 5_000m, 0, limits);
        var second = RiskGate.Evaluate(TradeDirection.Short, 100m, 103m, 5_000m + result.Trades[0].Pnl, 0, limits);
        Assert.Equal(first.Quantity, result.Trades[0].Quantity);
        Assert.Equal(second.Quantity, result.Trades[1].Quantity);
        Assert.Equal(10m, first.Quantity);
    }

    [Fact]
    public void Counts_a_signal_rejected_by_the_risk_gate_and_trades_nothing()
    {
        var candles = Flat(100m, 6);
        var settings = NoCosts with { RiskLimits = new RiskLimits { MinQuantity = 1_000m } };

        var result = Run(candles, Script((2, TradeDirection.Long, 95m, 110m)), settings);

        Assert.Empty(result.Trades);
        Assert.Equal((1, 1, 0), (result.Signals, result.SignalsRejected, result.SignalsIgnored));
    }

    [Fact]
    public void Counts_but_does_not_trade_a_signal_while_a_position_is_open()
    {
        var candles = Flat(100m, 10);
        candles[6] = TestCandles.Create(6, 100m, 111m, 99m, 100m);

        var result = Run(candles, Script((2, TradeDirection.Long, 95m, 110m), (4, TradeDirection.Short, 105m, 90m), (8, TradeDirection.Long, 95m, 110m)), NoCosts);

        Assert.Equal(2, result.Trades.Count);
        Assert.Equal((3, 1), (result.Signals, result.SignalsIgnored));
        Assert.Equal(candles[3].OpenedAt, result.Trades[0].EntryTime);
        Assert.Equal(candles[9].OpenedAt, result.Trades[1].EntryTime);
    }

    [Fact]
    public void A_signal_on_the_last_candle_is_counted_as_unfilled()
    {
        var candles = Flat(100m, 4);

        var result = Run(candles, Script((3, TradeDirection.Long, 95m, 110m)), NoCosts);

        Assert.Empty(result.Trades);
        Assert.Equal((1, 1), (result.Signals, result.SignalsUnfilled));
    }

    [Fact]
    public void Does_not_trade_signals_of_the_warm_up_before_the_trading_range()
    {
        var candles = Flat(100m, 10);
        var run = new BacktestRun
        {
            Symbol = "TEST",
            Interval = OneMinute,
            Candles = candles,
            Strategies = [Script((2, TradeDirection.Long, 95m, 110m), (6, TradeDirection.Long, 95m, 110m))],
            Settings = NoCosts,
            TradeFrom = candles[5].OpenedAt,
        };

        var result = Assert.Single(BacktestEngine.Run(run));

        var trade = Assert.Single(result.Trades);
        Assert.Equal(candles[7].OpenedAt, trade.EntryTime);
        Assert.Equal((candles[5].OpenedAt, candles[^1].ClosedAt), (result.From, result.To));
        Assert.Equal(1, result.Signals);
    }

    [Fact]
    public void Exits_on_the_input_candles_while_the_strategy_runs_on_the_built_interval()
    {
        var candles = Flat(100m, 20);
        candles[11] = TestCandles.Create(11, 100m, 100m, 94m, 95m);
        var script = new Dictionary<DateTimeOffset, (TradeDirection, decimal, decimal)>
        {
            [TestCandles.Start.AddMinutes(5)] = (TradeDirection.Long, 95m, 110m),
        };
        var run = new BacktestRun
        {
            Symbol = "TEST",
            Interval = Interval.Parse("5m"),
            Candles = candles,
            Strategies = [new BacktestStrategy("scripted", _ => new ScriptedStrategy("scripted", script), null)],
            Settings = NoCosts,
        };

        var result = Assert.Single(BacktestEngine.Run(run));

        var trade = Assert.Single(result.Trades);
        Assert.Equal(candles[10].OpenedAt, trade.EntryTime);
        Assert.Equal((BacktestExitReason.StopLoss, candles[11].ClosedAt), (trade.ExitReason, trade.ExitTime));
    }

    [Fact]
    public void Builds_the_interval_exactly_as_the_candle_aggregator_and_gives_those_candles_to_the_factory()
    {
        var input = TestData.ReadCandles("btcusd-perp-ftx-1m-20211231-20220114.csv", TimeSpan.FromMinutes(1), 3_000);
        var fiveMinutes = Interval.Parse("5m");
        var expected = new List<Candle>();
        var aggregator = new CandleAggregator(fiveMinutes, expected.Add);
        foreach (var candle in input)
        {
            aggregator.Update(candle);
        }

        IReadOnlyList<Candle>? given = null;
        var run = new BacktestRun
        {
            Symbol = "BTCUSD",
            Interval = fiveMinutes,
            Candles = input,
            Strategies = [new BacktestStrategy("ema-cross", candles => { given = candles; return new EmaCrossStrategy(new EmaCrossOptions()); }, null)],
        };

        var built = BacktestCandles.Build(input, fiveMinutes);
        BacktestEngine.Run(run);

        Assert.Equal(new DateTimeOffset(2021, 12, 31, 23, 0, 0, TimeSpan.Zero), expected[0].OpenedAt);
        Assert.Equal(expected.Skip(1), built);
        Assert.Equal(built, given);
        Assert.Equal(599, built.Length);
    }

    [Fact]
    public void Ema_cross_on_real_candles_trades_with_consistent_accounts()
    {
        var input = TestData.ReadCandles("btcusd-perp-ftx-1m-20211231-20220114.csv", TimeSpan.FromMinutes(1));
        var run = new BacktestRun
        {
            Symbol = "BTCUSD",
            Interval = Interval.Parse("5m"),
            Candles = input,
            Strategies = [BacktestStrategy.FromCatalog("ema-cross", new StrategySettings())],
        };

        var result = Assert.Single(BacktestEngine.Run(run));

        Assert.True(result.Trades.Count > 20, $"{result.Trades.Count} trades");
        Assert.Equal(result.Trades.Count + 1, result.EquityCurve.Count);
        Assert.Equal(10_000m + result.Trades.Sum(t => t.Pnl), result.EquityCurve[^1].Equity);
        Assert.All(result.Trades.Zip(result.Trades.Skip(1)), pair => Assert.True(pair.Second.EntryTime >= pair.First.ExitTime));
        Assert.All(result.Trades, trade => Assert.True(trade.EntryTime >= trade.SignalAt));
        Assert.Equal(result.Signals, result.Trades.Count + result.SignalsIgnored + result.SignalsRejected + result.SignalsUnfilled);
    }

    private static List<Candle> Flat(decimal price, int count) =>
        [.. Enumerable.Range(0, count).Select(minute => TestCandles.Create(minute, price, price + 0.5m, price - 0.5m, price))];

    private static BacktestStrategy Script(params (int Minute, TradeDirection Direction, decimal Stop, decimal Target)[] signals)
    {
        var script = signals.ToDictionary(s => TestCandles.Start.AddMinutes(s.Minute), s => (s.Direction, s.Stop, s.Target));
        return new BacktestStrategy("scripted", _ => new ScriptedStrategy("scripted", script), null);
    }

    private static BacktestResult Run(List<Candle> candles, BacktestStrategy strategy, BacktestSettings settings) =>
        Assert.Single(BacktestEngine.Run(new BacktestRun
        {
            Symbol = "TEST",
            Interval = OneMinute,
            Candles = candles,
            Strategies = [strategy],
            Settings = settings,
        }));
}
