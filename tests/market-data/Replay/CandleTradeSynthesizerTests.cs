using System.Globalization;
using Trading.Contracts.MarketData;
using Trading.MarketData.Replay;

namespace Trading.MarketData.Tests.Replay;

public sealed class CandleTradeSynthesizerTests
{
    private static readonly DateTimeOffset Start = new(2017, 9, 3, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void Trades_of_the_first_500_coinbase_minutes_aggregate_back_to_the_file_rows()
    {
        var rows = ReadRows("btcusd-coinbase-1m-20170903-20170904.csv").Take(500).ToList();

        var trades = rows.SelectMany(r => CandleTradeSynthesizer.ToTrades(ToCandle(r), Minute)).ToList();

        Assert.Equal(rows, Aggregate(trades, Minute));
    }

    [Theory]
    [InlineData("btcusd-coinbase-1m-20161007-20161009.csv", 60)]
    [InlineData("btcusd-coinbase-1s-20161007-20161009.csv", 1)]
    [InlineData("btcusd-perp-ftx-1m-20211231-20220114.csv", 60)]
    [InlineData("btcusd-perp-ftx-5m-20211231-20220104.csv", 300)]
    [InlineData("ethusd-coinbase-1m-20170903-20170904.csv", 60)]
    public void Every_bar_of_every_candle_file_is_rebuilt_exactly(string file, int seconds)
    {
        var interval = TimeSpan.FromSeconds(seconds);
        var rows = ReadRows(file).ToList();

        var trades = rows.SelectMany(r => CandleTradeSynthesizer.ToTrades(ToCandle(r), interval)).ToList();

        Assert.Equal(rows, Aggregate(trades, interval));
    }

    [Fact]
    public void Up_bar_trades_open_low_high_close_at_quarters_of_the_bar_buying_up_and_selling_down()
    {
        var bar = new RecordedCandle(7, Start, Open: 100m, High: 103m, Low: 99m, Close: 102m, Volume: 2m);

        var trades = CandleTradeSynthesizer.ToTrades(bar, Minute);

        Assert.Equal(
            [
                (Start, 100m, TradeSide.Buy, 0),
                (Start.AddSeconds(15), 99m, TradeSide.Sell, 1),
                (Start.AddSeconds(30), 103m, TradeSide.Buy, 2),
                (Start.AddSeconds(45), 102m, TradeSide.Sell, 3),
            ],
            trades.Select(t => (t.Time, t.Price, t.Side, t.Point)));
        Assert.Equal([0.5m, 0.5m, 0.5m, 0.5m], trades.Select(t => t.Size));
        Assert.Equal([false, false, false, true], trades.Select(t => t.EndsLine));
        Assert.All(trades, t => Assert.Equal(7, t.LineNumber));
    }

    [Fact]
    public void Down_bar_visits_the_high_before_the_low_and_opens_with_a_sell()
    {
        var bar = new RecordedCandle(2, Start, Open: 100m, High: 101m, Low: 97m, Close: 98m, Volume: 1m);

        var trades = CandleTradeSynthesizer.ToTrades(bar, Minute);

        Assert.Equal(
            [(100m, TradeSide.Sell), (101m, TradeSide.Buy), (97m, TradeSide.Sell), (98m, TradeSide.Buy)],
            trades.Select(t => (t.Price, t.Side)));
    }

    [Fact]
    public void Points_that_repeat_the_previous_price_are_left_out_and_the_last_trade_has_the_close()
    {
        var openIsLow = new RecordedCandle(2, Start, Open: 100m, High: 105m, Low: 100m, Close: 105m, Volume: 3m);
        var flat = new RecordedCandle(3, Start, Open: 611.87m, High: 611.87m, Low: 611.87m, Close: 611.87m, Volume: 0.3193m);

        var rising = CandleTradeSynthesizer.ToTrades(openIsLow, Minute);
        var single = CandleTradeSynthesizer.ToTrades(flat, Minute);

        Assert.Equal([(0, 100m, 1.5m, TradeSide.Buy), (2, 105m, 1.5m, TradeSide.Buy)], rising.Select(t => (t.Point, t.Price, t.Size, t.Side)));
        var only = Assert.Single(single);
        Assert.Equal((0, 611.87m, 0.3193m, true, Start), (only.Point, only.Price, only.Size, only.EndsLine, only.Time));
    }

    [Fact]
    public void A_bar_without_volume_makes_no_trade()
    {
        var bar = new RecordedCandle(2, Start, Open: 100m, High: 101m, Low: 99m, Close: 100m, Volume: 0m);

        Assert.Empty(CandleTradeSynthesizer.ToTrades(bar, Minute));
    }

    [Theory]
    [InlineData("0.00000001")]
    [InlineData("0.00000003")]
    [InlineData("6.63487803")]
    [InlineData("6019677.6121")]
    [InlineData("1")]
    [InlineData("123456789012.12345678")]
    public void Volume_parts_are_positive_and_add_up_exactly(string volumeText)
    {
        var volume = decimal.Parse(volumeText, CultureInfo.InvariantCulture);
        var bar = new RecordedCandle(2, Start, Open: 100m, High: 103m, Low: 99m, Close: 102m, Volume: volume);

        var sizes = CandleTradeSynthesizer.ToTrades(bar, Minute).Select(t => t.Size).ToList();

        Assert.Equal(4, sizes.Count);
        Assert.All(sizes, size => Assert.True(size > 0m, $"size {size} is not positive"));
        Assert.Equal(volume, sizes.Aggregate(0m, (sum, size) => sum + size));
    }

    [Fact]
    public void Second_bars_trade_inside_their_second()
    {
        var bar = new RecordedCandle(2, Start.AddSeconds(4), Open: 611.78m, High: 611.87m, Low: 611.78m, Close: 611.87m, Volume: 0.60046m);

        var trades = CandleTradeSynthesizer.ToTrades(bar, TimeSpan.FromSeconds(1));

        Assert.Equal([Start.AddSeconds(4), Start.AddSeconds(4.5)], trades.Select(t => t.Time));
    }

    private static RecordedCandle ToCandle(Row row) =>
        new(row.Line, row.OpenedAt, row.Open, row.High, row.Low, row.Close, row.Volume);

    // An aggregation of its own, independent of the service: UTC-aligned buckets, first/max/min/last/sum.
    private static List<Row> Aggregate(IEnumerable<RecordedTrade> trades, TimeSpan interval) =>
        trades
            .GroupBy(t => new DateTimeOffset(t.Time.UtcTicks - (t.Time.UtcTicks % interval.Ticks), TimeSpan.Zero))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var ordered = g.OrderBy(t => t.Time).ToList();
                return new Row(
                    ordered[0].LineNumber,
                    g.Key,
                    ordered[0].Price,
                    ordered.Max(t => t.Price),
                    ordered.Min(t => t.Price),
                    ordered[^1].Price,
                    ordered.Aggregate(0m, (sum, t) => sum + t.Size));
            })
            .ToList();

    private static IEnumerable<Row> ReadRows(string file) =>
        File.ReadLines(MarketFiles.PathOf(file))
            .Select((text, index) => (Text: text, Line: index + 1))
            .Skip(1)
            .Select(x =>
            {
                var f = x.Text.Split(',');
                return new Row(
                    x.Line,
                    DateTimeOffset.Parse(f[0], CultureInfo.InvariantCulture),
                    decimal.Parse(f[1], CultureInfo.InvariantCulture),
                    decimal.Parse(f[2], CultureInfo.InvariantCulture),
                    decimal.Parse(f[3], CultureInfo.InvariantCulture),
                    decimal.Parse(f[4], CultureInfo.InvariantCulture),
                    decimal.Parse(f[5], CultureInfo.InvariantCulture));
            });

    private sealed record Row(int Line, DateTimeOffset OpenedAt, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume);
}
