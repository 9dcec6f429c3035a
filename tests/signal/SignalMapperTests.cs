using Trading.Contracts.Candles;
using Trading.Contracts.Signals;
using Trading.Markets;
using Trading.Markets.Strategies;
using Trading.ServiceDefaults;
using Trading.Signal.Signals;
using Trading.Signal.Strategies;

namespace Trading.Signal.Tests;

public sealed class SignalMapperTests
{
    private static readonly SeriesKey Series = new("KRAKEN", "BTC/USD", "1m");
    private static readonly DateTimeOffset OpenedAt = new(2024, 1, 1, 12, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Derives_the_signal_id_from_strategy_series_and_candle_open_time()
    {
        var id = SignalMapper.SignalId("ema-cross", Series, OpenedAt);

        Assert.Equal(DeterministicGuid.Create("ema-cross|KRAKEN|BTC/USD|1m|2024-01-01T12:30:00.0000000+00:00"), id);
    }

    [Fact]
    public void Gives_the_same_signal_id_for_the_same_instant_written_with_another_offset()
    {
        var utc = SignalMapper.SignalId("ema-cross", Series, OpenedAt);

        var shifted = SignalMapper.SignalId("ema-cross", Series, OpenedAt.ToOffset(TimeSpan.FromHours(2)));

        Assert.Equal(utc, shifted);
    }

    [Fact]
    public void Gives_different_signal_ids_to_different_series_and_candles()
    {
        var ids = new[]
        {
            SignalMapper.SignalId("ema-cross", Series, OpenedAt),
            SignalMapper.SignalId("ema-cross", Series with { Venue = "COINBASE" }, OpenedAt),
            SignalMapper.SignalId("ema-cross", Series with { Symbol = "ETH/USD" }, OpenedAt),
            SignalMapper.SignalId("ema-cross", Series with { Interval = "5m" }, OpenedAt),
            SignalMapper.SignalId("ema-cross", Series, OpenedAt.AddMinutes(1)),
            SignalMapper.SignalId("other", Series, OpenedAt),
        };

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void Maps_a_strategy_signal_to_signal_generated()
    {
        var signal = new StrategySignal
        {
            Strategy = "ema-cross",
            Direction = TradeDirection.Short,
            Entry = 42_000.5m,
            StopLoss = 42_100.25m,
            TakeProfit = 41_801m,
            RiskReward = 2m,
            Confidence = 0.1234m,
            Reason = "EMA(9) crossed below EMA(21)",
            SignalAt = OpenedAt.AddMinutes(1),
        };

        var generated = SignalMapper.ToSignalGenerated(signal, Series, OpenedAt);

        Assert.Equal(
            new SignalGenerated
            {
                SignalId = SignalMapper.SignalId("ema-cross", Series, OpenedAt),
                Strategy = "ema-cross",
                Venue = "KRAKEN",
                Symbol = "BTC/USD",
                Interval = "1m",
                Direction = SignalDirection.Short,
                Entry = 42_000.5m,
                StopLoss = 42_100.25m,
                TakeProfit = 41_801m,
                RiskReward = 2m,
                Confidence = 0.1234m,
                Reason = "EMA(9) crossed below EMA(21)",
                SignalAt = OpenedAt.AddMinutes(1),
                Regime = "Unknown",
                HigherTimeframe = null,
                HigherTimeframeTrend = "Unknown",
                MacroTrend = "Unknown",
                Backtest = null,
            },
            generated);
    }

    [Fact]
    public void Carries_the_market_context_in_words_and_the_backtest_record()
    {
        var context = new MarketContext(MarketRegime.Trending, 31.5, 64.0, Interval.Parse("5m"), Trend.Up, Trend.Down);
        var signal = Signal() with { Context = context };
        var record = SignalMapper.ToRecord(BacktestRecords.Recorded());

        var generated = SignalMapper.ToSignalGenerated(signal, Series, OpenedAt, record);

        Assert.Equal(("Trending", "5m", "Up", "Down"), (generated.Regime, generated.HigherTimeframe, generated.HigherTimeframeTrend, generated.MacroTrend));
        Assert.Same(record, generated.Backtest);
    }

    [Fact]
    public void Maps_a_recorded_backtest_to_the_record_a_signal_carries()
    {
        var recorded = BacktestRecords.Recorded(passed: false);

        var record = SignalMapper.ToRecord(recorded);

        Assert.Equal(
            new BacktestRecord
            {
                DataStartAt = recorded.DataStartAt,
                DataEndAt = recorded.DataEndAt,
                Parameters = recorded.Parameters,
                Trades = 120,
                Wins = 30,
                WinRate = 0.25m,
                ProfitFactor = null,
                ExpectancyR = -0.25m,
                AverageWinR = 1.4m,
                AverageLossR = 0.8m,
                NetPnl = -830.1m,
                MaxDrawdownPct = 7.5m,
                BreakevenWinRate = 0.3333m,
                Passed = false,
                GateReasons = recorded.GateReasons,
                RecordedAt = BacktestRecords.RecordedAt,
            },
            record);
    }

    private static StrategySignal Signal() => new()
    {
        Strategy = "ema-cross",
        Direction = TradeDirection.Long,
        Entry = 100m,
        StopLoss = 99m,
        TakeProfit = 102m,
        RiskReward = 2m,
        Confidence = 0.5m,
        Reason = "EMA(9) crossed above EMA(21)",
        SignalAt = OpenedAt.AddMinutes(1),
    };

    [Theory]
    [InlineData(TradeDirection.Long, SignalDirection.Long)]
    [InlineData(TradeDirection.Short, SignalDirection.Short)]
    public void Maps_each_trade_direction(TradeDirection direction, SignalDirection expected)
    {
        var mapped = SignalMapper.ToDirection(direction);

        Assert.Equal(expected, mapped);
    }

    [Fact]
    public void Maps_a_candle_closed_message_to_a_core_candle_and_its_series()
    {
        var message = new CandleClosed
        {
            Venue = "KRAKEN",
            Symbol = "BTC/USD",
            Interval = "1m",
            OpenedAt = OpenedAt,
            ClosedAt = OpenedAt.AddMinutes(1),
            Open = 1m,
            High = 3m,
            Low = 0.5m,
            Close = 2m,
            Volume = 7.5m,
            QuoteVolume = 15.25m,
            BuyVolume = 5m,
            SellVolume = 2.5m,
            TradeCount = 4,
            IsSynthetic = false,
        };

        var candle = SignalMapper.ToCandle(message);
        var series = SignalMapper.Series(message);

        Assert.Equal(Series, series);
        Assert.Equal(
            (OpenedAt, OpenedAt.AddMinutes(1), 1m, 3m, 0.5m, 2m, 7.5m, 4, false),
            (candle.OpenedAt, candle.ClosedAt, candle.Open, candle.High, candle.Low, candle.Close, candle.Volume, candle.TradeCount, candle.IsSynthetic));
        Assert.Equal((15.25m, 5m, 2.5m), (candle.QuoteVolume, candle.BuyVolume, candle.SellVolume));
    }
}
