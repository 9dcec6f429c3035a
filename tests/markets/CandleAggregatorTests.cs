namespace Trading.Markets.Tests;

public sealed class CandleAggregatorTests
{
    private readonly List<Candle> _closed = [];

    [Fact]
    public void Opens_a_candle_aligned_to_the_interval_with_the_first_trade()
    {
        var aggregator = CreateAggregator("5m");

        var accepted = aggregator.Update(At(7.5), 100m, 0.5m);

        Assert.True(accepted);
        Assert.Equal(Real(5, 100, 100, 100, 100, 0.5m, 1, "5m"), aggregator.OpenCandle);
        Assert.Empty(_closed);
        Assert.Null(aggregator.ClosedUntil);
    }

    [Fact]
    public void Updates_high_low_close_volume_and_trade_count_within_the_interval()
    {
        var aggregator = CreateAggregator();

        aggregator.Update(At(0.1), 100m, 1m);
        aggregator.Update(At(0.2), 105m, 2m);
        aggregator.Update(At(0.3), 95m, 3m);
        aggregator.Update(At(0.4), 101m, 4m);

        Assert.Equal(Real(0, 100, 105, 95, 101, 10m, 4, quoteVolume: 100m + 210m + 285m + 404m), aggregator.OpenCandle);
        Assert.Empty(_closed);
    }

    [Fact]
    public void Closes_the_candle_when_a_trade_arrives_in_the_next_interval()
    {
        var aggregator = CreateAggregator();
        aggregator.Update(At(0.1), 100m, 1m);
        aggregator.Update(At(0.9), 102m, 1m);

        aggregator.Update(At(1.2), 103m, 2m);

        Assert.Equal([Real(0, 100, 102, 100, 102, 2m, 2, quoteVolume: 202m)], _closed);
        Assert.Equal(Real(1, 103, 103, 103, 103, 2m, 1), aggregator.OpenCandle);
        Assert.Equal((At(1), 102m), (aggregator.ClosedUntil, aggregator.LastClose));
    }

    [Fact]
    public void A_trade_exactly_at_the_close_time_belongs_to_the_next_candle()
    {
        var aggregator = CreateAggregator();
        aggregator.Update(At(0), 100m, 1m);

        aggregator.Update(At(1), 101m, 1m);

        Assert.Equal([Real(0, 100, 100, 100, 100, 1m, 1)], _closed);
        Assert.Equal(At(1), aggregator.OpenCandle!.OpenedAt);
    }

    [Fact]
    public void Fills_skipped_intervals_with_flat_synthetic_candles_at_the_previous_close()
    {
        var aggregator = CreateAggregator();
        aggregator.Update(At(0.5), 100m, 1m);
        aggregator.Update(At(0.7), 101m, 1m);

        aggregator.Update(At(3.2), 104m, 1m);

        Assert.Equal([Real(0, 100, 101, 100, 101, 2m, 2, quoteVolume: 201m), Flat(1, 101), Flat(2, 101)], _closed);
        Assert.Equal(At(3), aggregator.OpenCandle!.OpenedAt);
    }

    [Fact]
    public void Emits_nothing_synthetic_before_the_first_candle()
    {
        var aggregator = CreateAggregator();

        aggregator.Scan(At(10));
        aggregator.Update(At(12.5), 100m, 1m);
        aggregator.Scan(At(12.9));

        Assert.Empty(_closed);
        Assert.Equal(At(12), aggregator.OpenCandle!.OpenedAt);
    }

    [Fact]
    public void Refuses_a_trade_in_an_interval_that_is_already_closed()
    {
        var aggregator = CreateAggregator();
        aggregator.Update(At(0.5), 100m, 1m);
        aggregator.Update(At(1.5), 101m, 1m);
        var before = (aggregator.OpenCandle, aggregator.ClosedUntil, aggregator.LastClose, _closed.Count);

        var accepted = aggregator.Update(At(0.9), 90m, 5m);

        Assert.False(accepted);
        Assert.Equal(1, aggregator.LateTrades);
        Assert.Equal(before, (aggregator.OpenCandle, aggregator.ClosedUntil, aggregator.LastClose, _closed.Count));
    }

    [Fact]
    public void Refuses_a_trade_whose_interval_a_scan_has_closed()
    {
        var aggregator = CreateAggregator();
        aggregator.Update(At(0.5), 100m, 1m);
        aggregator.Scan(At(1));

        var accepted = aggregator.Update(At(1).AddTicks(-1), 90m, 1m);

        Assert.False(accepted);
        Assert.Equal(1, aggregator.LateTrades);
        Assert.Equal([Real(0, 100, 100, 100, 100, 1m, 1)], _closed);
        Assert.Null(aggregator.OpenCandle);
    }

    [Fact]
    public void Refuses_a_trade_earlier_than_the_open_candle_even_after_closed_until()
    {
        var aggregator = CreateAggregator();
        aggregator.Restore(Real(5, 100, 100, 100, 100, 1m, 1), closedUntil: At(2), lastClose: 99m);

        var accepted = aggregator.Update(At(3.5), 90m, 1m);

        Assert.False(accepted);
        Assert.Equal(1, aggregator.LateTrades);
        Assert.Equal(Real(5, 100, 100, 100, 100, 1m, 1), aggregator.OpenCandle);
    }

    [Fact]
    public void Closes_candle_when_interval_elapses()
    {
        var aggregator = CreateAggregator();
        aggregator.Update(At(0.5), 100m, 1m);

        aggregator.Scan(At(1).AddTicks(-1));
        var closedEarly = _closed.Count;
        aggregator.Scan(At(1));

        Assert.Equal(0, closedEarly);
        Assert.Equal([Real(0, 100, 100, 100, 100, 1m, 1)], _closed);
        Assert.Null(aggregator.OpenCandle);
        Assert.Equal(At(1), aggregator.ClosedUntil);
    }

    [Fact]
    public void Scan_emits_one_synthetic_candle_per_elapsed_interval_in_a_quiet_market()
    {
        var aggregator = CreateAggregator();
        aggregator.Update(At(0.5), 100m, 1m);

        aggregator.Scan(At(4.5));

        Assert.Equal([Real(0, 100, 100, 100, 100, 1m, 1), Flat(1, 100), Flat(2, 100), Flat(3, 100)], _closed);
        Assert.Equal(At(4), aggregator.ClosedUntil);
    }

    [Fact]
    public void Scanning_again_or_with_an_earlier_time_emits_nothing_twice()
    {
        var aggregator = CreateAggregator();
        aggregator.Update(At(0.5), 100m, 1m);
        aggregator.Scan(At(2));

        aggregator.Scan(At(2));
        aggregator.Scan(At(1.5));
        aggregator.Update(At(2.5), 101m, 1m);
        aggregator.Scan(At(3));

        Assert.Equal([Real(0, 100, 100, 100, 100, 1m, 1), Flat(1, 100), Real(2, 101, 101, 101, 101, 1m, 1)], _closed);
    }

    [Fact]
    public void Output_is_the_same_whether_gaps_are_filled_by_scan_or_by_the_next_trade()
    {
        var trades = TestData.ReadTrades("btcusdt-kraken-trades-20251110.csv");
        var byTradesOnly = new List<Candle>();
        var tradesOnly = new CandleAggregator(Interval.OneMinute, byTradesOnly.Add);
        var aggregator = CreateAggregator();
        var end = Interval.OneMinute.Floor(trades[^1].Time).AddMinutes(1);

        var clock = trades[0].Time;
        foreach (var trade in trades)
        {
            for (; clock < trade.Time; clock = clock.AddSeconds(7))
            {
                aggregator.Scan(clock);
            }

            aggregator.Scan(trade.Time);
            aggregator.Update(trade.Time, trade.Price, trade.Size);
            tradesOnly.Update(trade.Time, trade.Price, trade.Size);
        }

        aggregator.Scan(end);
        tradesOnly.Scan(end);

        Assert.Contains(byTradesOnly, candle => candle.IsSynthetic);
        Assert.Equal(byTradesOnly, _closed);
        Assert.Equal((0L, 0L), (aggregator.LateTrades, tradesOnly.LateTrades));
    }

    [Fact]
    public void Emits_candles_strictly_in_time_order_each_open_time_once()
    {
        var trades = TestData.ReadTrades("btcusdt-kraken-trades-20251110.csv");
        var aggregator = CreateAggregator();

        foreach (var trade in trades)
        {
            aggregator.Scan(trade.Time.AddSeconds(-30));
            aggregator.Update(trade.Time, trade.Price, trade.Size);
        }

        aggregator.Scan(trades[^1].Time.AddMinutes(1));

        Assert.All(_closed.Zip(_closed.Skip(1)), pair => Assert.Equal(pair.First.ClosedAt, pair.Second.OpenedAt));
        Assert.Equal(_closed.Count, _closed.Select(candle => candle.OpenedAt).Distinct().Count());
        Assert.Equal(trades.Sum(trade => trade.Size), _closed.Sum(candle => candle.Volume));
        Assert.Equal(trades.Count, _closed.Sum(candle => candle.TradeCount));
    }

    public static TheoryData<string, string> TradeFilesAndIntervals => FilesAnd(Interval.All);

    public static TheoryData<string, string> TradeFilesAndHigherIntervals => FilesAnd(Interval.All.Skip(1));

    private static string[] TradeFiles =>
        ["btcusdt-kraken-trades-20251110.csv", "btcusdt-binance-trades-20210108.csv", "xrpeth-binance-trades-20191011-20191013.csv"];

    private static TheoryData<string, string> FilesAnd(IEnumerable<Interval> intervals)
    {
        var data = new TheoryData<string, string>();
        foreach (var file in TradeFiles)
        {
            foreach (var interval in intervals)
            {
                data.Add(file, interval.Code);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TradeFilesAndIntervals))]
    public void Real_trades_give_the_candles_of_an_independent_aggregation_on_every_interval(string file, string code)
    {
        var trades = TestData.ReadTrades(file);
        var interval = Interval.Parse(code);
        var expected = IndependentAggregation(trades, interval);
        var aggregator = new CandleAggregator(interval, _closed.Add);

        foreach (var trade in trades)
        {
            aggregator.Update(trade.Time, trade.Price, trade.Size, trade.Side);
        }

        aggregator.Scan(expected[^1].ClosedAt);

        Assert.Equal(expected, _closed);
        Assert.Equal(0, aggregator.LateTrades);
    }

    [Theory]
    [MemberData(nameof(TradeFilesAndHigherIntervals))]
    public void Higher_intervals_built_from_one_minute_candles_equal_those_built_from_the_trades(string file, string code)
    {
        var trades = TestData.ReadTrades(file);
        var interval = Interval.Parse(code);
        var minutes = new List<Candle>();
        var oneMinute = new CandleAggregator(Interval.OneMinute, minutes.Add);
        var fromTrades = new List<Candle>();
        var direct = new CandleAggregator(interval, fromTrades.Add);
        var fromMinutes = new CandleAggregator(interval, _closed.Add);
        var end = interval.Floor(trades[^1].Time) + interval.Duration;

        foreach (var trade in trades)
        {
            oneMinute.Update(trade.Time, trade.Price, trade.Size, trade.Side);
            direct.Update(trade.Time, trade.Price, trade.Size, trade.Side);
        }

        oneMinute.Scan(end);
        direct.Scan(end);
        foreach (var minute in minutes)
        {
            fromMinutes.Update(minute);
        }

        Assert.Contains(minutes, candle => candle.IsSynthetic);
        Assert.Equal(fromTrades, _closed);
        Assert.Equal(trades.Count, _closed.Sum(candle => candle.TradeCount));
    }

    [Fact]
    public void Sums_quote_buy_and_sell_volume_and_derives_the_vwap()
    {
        var aggregator = CreateAggregator();

        aggregator.Update(At(0.1), 100m, 1m, AggressorSide.Buy);
        aggregator.Update(At(0.2), 110m, 3m, AggressorSide.Sell);
        aggregator.Update(At(0.3), 105m, 0.5m);
        aggregator.Scan(At(1));

        var candle = Assert.Single(_closed);
        Assert.Equal((100m + 330m + 52.5m, 1m, 3m), (candle.QuoteVolume, candle.BuyVolume, candle.SellVolume));
        Assert.Equal(482.5m / 4.5m, candle.Vwap);
    }

    [Fact]
    public void A_candle_without_volume_has_no_vwap()
    {
        var aggregator = CreateAggregator();

        aggregator.Update(At(0.1), 100m, 0m);
        aggregator.Scan(At(2));

        Assert.All(_closed, candle => Assert.Null(candle.Vwap));
        Assert.True(_closed[1].IsSynthetic);
    }

    [Fact]
    public void A_shorter_candle_in_a_closed_interval_is_refused_and_counted()
    {
        var aggregator = CreateAggregator("5m");
        aggregator.Update(Real(0, 100, 101, 99, 100, 1m, 2));
        aggregator.Update(Real(5, 100, 102, 100, 101, 1m, 1));

        var accepted = aggregator.Update(Real(4, 90, 90, 90, 90, 1m, 1));

        Assert.False(accepted);
        Assert.Equal(1, aggregator.LateTrades);
        Assert.Equal(Real(0, 100, 101, 99, 100, 1m, 2, "5m"), Assert.Single(_closed));
    }

    [Fact]
    public void A_shorter_candle_that_ends_the_interval_closes_it_at_once()
    {
        var aggregator = CreateAggregator("2m");

        aggregator.Update(Real(0, 100, 101, 99, 100, 1m, 2));
        var afterFirst = _closed.Count;
        aggregator.Update(Flat(1, 100));

        Assert.Equal(0, afterFirst);
        Assert.Equal(Real(0, 100, 101, 99, 100, 1m, 2, "2m"), Assert.Single(_closed));
    }

    [Fact]
    public void Rejects_a_candle_longer_than_or_straddling_the_interval()
    {
        var aggregator = CreateAggregator("5m");

        Assert.Throws<ArgumentException>(() => aggregator.Update(Real(3, 1, 1, 1, 1, 1m, 1, "5m")));
        Assert.Throws<ArgumentException>(() => aggregator.Update(Real(0, 1, 1, 1, 1, 1m, 1, "15m")));
    }

    [Fact]
    public void Aggregating_one_second_bars_reproduces_the_one_minute_file_and_fills_its_gaps()
    {
        var seconds = TestData.ReadCandles("btcusd-coinbase-1s-20161007-20161009.csv", TimeSpan.FromSeconds(1));
        var minutes = TestData.ReadCandles("btcusd-coinbase-1m-20161007-20161009.csv", TimeSpan.FromMinutes(1));
        var aggregator = CreateAggregator();

        foreach (var bar in seconds)
        {
            aggregator.Update(bar);
        }

        aggregator.Scan(minutes[^1].ClosedAt);

        Assert.Equal(minutes, _closed.Where(candle => !candle.IsSynthetic).Select(candle => candle with { TradeCount = 0 }));
        Assert.Equal(104, _closed.Count(candle => candle.IsSynthetic));
        Assert.All(
            _closed.Zip(_closed.Skip(1)).Where(pair => pair.Second.IsSynthetic),
            pair => Assert.Equal(pair.First.Close, pair.Second.Close));
    }

    [Fact]
    public void Aggregating_one_minute_bars_reproduces_the_five_minute_file()
    {
        var minutes = TestData.ReadCandles("btcusd-perp-ftx-1m-20211231-20220114.csv", TimeSpan.FromMinutes(1), 5_000);
        var fiveMinutes = TestData.ReadCandles("btcusd-perp-ftx-5m-20211231-20220104.csv", TimeSpan.FromMinutes(5));
        var aggregator = CreateAggregator("5m");

        foreach (var bar in minutes)
        {
            aggregator.Update(bar);
        }

        var partialFirstBucket = _closed[0];
        Assert.Equal(TestData.ParseTime("2021-12-31T23:00:00Z"), partialFirstBucket.OpenedAt);
        Assert.Equal(
            fiveMinutes,
            _closed.Skip(1).Select(candle => candle with { TradeCount = 0, Volume = ToSignificantDigits(candle.Volume, 15) }));
    }

    [Fact]
    public void Keeps_the_full_decimal_precision_of_tiny_prices_and_quantities()
    {
        var aggregator = CreateAggregator();

        aggregator.Update(At(0.1), 0.00141342m, 0.000263m);
        aggregator.Update(At(0.2), 0.00141266m, 0.00031099999999999997m);

        Assert.Equal(Real(0, 0.00141342m, 0.00141342m, 0.00141266m, 0.00141266m, 0.00057399999999999997m, 2, quoteVolume: 0.00141342m * 0.000263m + 0.00141266m * 0.00031099999999999997m), aggregator.OpenCandle);
    }

    [Fact]
    public void Candle_times_have_offset_zero_even_when_the_trade_time_has_an_offset()
    {
        var aggregator = CreateAggregator("1h");

        aggregator.Update(new DateTimeOffset(2024, 1, 1, 2, 30, 0, TimeSpan.FromHours(2)), 100m, 1m);

        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), aggregator.OpenCandle!.OpenedAt);
        Assert.Equal(TimeSpan.Zero, aggregator.OpenCandle.OpenedAt.Offset);
        Assert.Equal(TimeSpan.Zero, aggregator.OpenCandle.ClosedAt.Offset);
    }

    [Fact]
    public void Restore_continues_from_the_stored_open_candle_and_last_close()
    {
        var aggregator = CreateAggregator();
        aggregator.Restore(Real(5, 100, 110, 90, 105, 2m, 3), closedUntil: At(5), lastClose: 99m);

        aggregator.Update(At(5.5), 120m, 1m);
        aggregator.Scan(At(8));

        Assert.Equal([Real(5, 100, 120, 90, 120, 3m, 4, quoteVolume: 210m + 120m), Flat(6, 120), Flat(7, 120)], _closed);
    }

    [Fact]
    public void Restore_with_only_history_fills_quiet_intervals_at_the_stored_close()
    {
        var aggregator = CreateAggregator();
        aggregator.Restore(openCandle: null, closedUntil: At(5), lastClose: 99m);

        aggregator.Scan(At(7));

        Assert.Equal([Flat(5, 99), Flat(6, 99)], _closed);
    }

    [Fact]
    public void Restore_fills_a_gap_before_the_restored_open_candle_in_time_order()
    {
        var aggregator = CreateAggregator();
        aggregator.Restore(Real(7, 100, 100, 100, 100, 1m, 1), closedUntil: At(5), lastClose: 99m);

        aggregator.Scan(At(8));

        Assert.Equal([Flat(5, 99), Flat(6, 99), Real(7, 100, 100, 100, 100, 1m, 1)], _closed);
    }

    [Fact]
    public void Restore_rejects_state_the_aggregator_could_not_have_produced()
    {
        var aggregator = CreateAggregator();

        Assert.Throws<ArgumentException>(() => aggregator.Restore(null, At(5), null));
        Assert.Throws<ArgumentException>(() => aggregator.Restore(null, null, 99m));
        Assert.Throws<ArgumentException>(() => aggregator.Restore(null, At(5.5), 99m));
        Assert.Throws<ArgumentException>(() => aggregator.Restore(Real(4, 1, 1, 1, 1, 1m, 1), At(5), 99m));
        Assert.Throws<ArgumentException>(() => aggregator.Restore(Real(6, 1, 1, 1, 1, 1m, 1, "5m"), At(5), 99m));
        Assert.Throws<ArgumentException>(() => aggregator.Restore(Flat(6, 1), At(5), 99m));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-1, 1)]
    [InlineData(100, -0.1)]
    public void Rejects_a_trade_with_a_non_positive_price_or_negative_quantity(double price, double quantity)
    {
        var aggregator = CreateAggregator();

        Assert.Throws<ArgumentOutOfRangeException>(() => aggregator.Update(At(0), (decimal)price, (decimal)quantity));
        Assert.Null(aggregator.OpenCandle);
    }

    [Fact]
    public void Rejects_the_default_interval()
    {
        Assert.Throws<ArgumentException>(() => new CandleAggregator(default, _ => { }));
    }

    private static DateTimeOffset At(double minutes) => TestCandles.Start.AddMinutes(minutes);

    // A real candle; its quote volume defaults to close × volume, right when all its trades had the close price.
    private static Candle Real(
        int minute, decimal open, decimal high, decimal low, decimal close, decimal volume, int trades, string code = "1m", decimal? quoteVolume = null)
    {
        var duration = Interval.Parse(code).Duration;
        return new Candle
        {
            OpenedAt = At(minute),
            ClosedAt = At(minute) + duration,
            Open = open,
            High = high,
            Low = low,
            Close = close,
            Volume = volume,
            QuoteVolume = quoteVolume ?? close * volume,
            TradeCount = trades,
            IsSynthetic = false,
        };
    }

    private static Candle Flat(int minute, decimal close) =>
        Real(minute, close, close, close, close, 0m, 0) with { IsSynthetic = true };

    // The candles of the trades computed without the aggregator: group by UTC-aligned interval, fill each empty interval
    // between the first and the last with a flat candle at the previous close.
    private static List<Candle> IndependentAggregation(IReadOnlyList<TestTrade> trades, Interval interval)
    {
        var ticks = interval.Duration.Ticks;
        var groups = trades
            .GroupBy(trade => new DateTimeOffset(trade.Time.UtcTicks / ticks * ticks, TimeSpan.Zero))
            .ToDictionary(group => group.Key, group => group.ToList());
        var candles = new List<Candle>();
        var first = groups.Keys.Min();
        var last = groups.Keys.Max();
        for (var openedAt = first; openedAt <= last; openedAt += interval.Duration)
        {
            if (groups.TryGetValue(openedAt, out var group))
            {
                candles.Add(new Candle
                {
                    OpenedAt = openedAt,
                    ClosedAt = openedAt + interval.Duration,
                    Open = group[0].Price,
                    High = group.Max(trade => trade.Price),
                    Low = group.Min(trade => trade.Price),
                    Close = group[^1].Price,
                    Volume = group.Sum(trade => trade.Size),
                    QuoteVolume = group.Sum(trade => trade.Price * trade.Size),
                    BuyVolume = group.Where(trade => trade.Side == AggressorSide.Buy).Sum(trade => trade.Size),
                    SellVolume = group.Where(trade => trade.Side == AggressorSide.Sell).Sum(trade => trade.Size),
                    TradeCount = group.Count,
                    IsSynthetic = false,
                });
            }
            else
            {
                var close = candles[^1].Close;
                candles.Add(new Candle
                {
                    OpenedAt = openedAt,
                    ClosedAt = openedAt + interval.Duration,
                    Open = close,
                    High = close,
                    Low = close,
                    Close = close,
                    Volume = 0m,
                    TradeCount = 0,
                    IsSynthetic = true,
                });
            }
        }

        return candles;
    }

    // The five-minute file rounds summed volumes to 15 significant digits; some one-minute volumes have more than 4 decimals.
    private static decimal ToSignificantDigits(decimal value, int digits)
    {
        var integerDigits = value == 0 ? 1 : (int)Math.Floor(Math.Log10((double)Math.Abs(value))) + 1;
        return Math.Round(value, Math.Max(0, digits - integerDigits), MidpointRounding.AwayFromZero);
    }

    private CandleAggregator CreateAggregator(string code = "1m") => new(Interval.Parse(code), _closed.Add);
}
