using Trading.Cli.Record;
using Trading.Contracts.MarketData;
using Trading.MarketData.Exchange;

namespace Trading.Cli.Tests.Record;

public sealed class CsvRecordingSinkTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 11, 10, 10, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Directory.CreateTempSubdirectory("trading-record-sink-").FullName;
    private readonly SettableTimeProvider _clock = new(T0);
    private readonly List<string> _events = [];
    private readonly CancellationTokenSource _stop = new();
    private long _tradeId;

    [Fact]
    public async Task Writes_candles_only_for_whole_minutes_and_none_for_minutes_without_trades()
    {
        using var sink = Sink();
        _clock.Now = T0.AddSeconds(30);
        await LiveAsync(sink);

        await TradesAsync(sink, (T0.AddSeconds(40), 100m, 1m));
        await TradesAsync(sink, (T0.AddSeconds(70), 101m, 2m), (T0.AddSeconds(80), 103m, 0.5m), (T0.AddSeconds(110), 99.5m, 1.25m));
        await TradesAsync(sink, (T0.AddMinutes(4).AddSeconds(5), 98m, 3m));
        await TradesAsync(sink, (T0.AddMinutes(5).AddSeconds(1), 97m, 1m));
        _clock.Now = T0.AddMinutes(5).AddSeconds(30);
        sink.Complete(_clock.Now);

        Assert.Equal(
            [
                "time_utc_iso,open,high,low,close,volume",
                "2025-11-10T10:01:00Z,101,103,99.5,99.5,3.75",
                "2025-11-10T10:04:00Z,98,98,98,98,3",
            ],
            Lines("btcusd-kraken-1m-20251110.csv"));
        Assert.Contains(_events, e => e.Contains("candle of 2025-11-10T10:00:00Z not written: the minute began before recording started", StringComparison.Ordinal));
        Assert.Contains(_events, e => e.Contains("candle of 2025-11-10T10:05:00Z not written: its minute had not ended", StringComparison.Ordinal));
        Assert.Equal(6, Lines("btcusd-kraken-trades-20251110.csv").Length - 1);
    }

    [Fact]
    public async Task Minutes_that_overlap_a_gap_get_no_candle_and_the_gap_is_recorded()
    {
        using var sink = Sink();
        _clock.Now = T0.AddMinutes(-1);
        await LiveAsync(sink);

        await TradesAsync(sink, (T0.AddSeconds(10), 100m, 1m));
        await TradesAsync(sink, (T0.AddSeconds(80), 101m, 1m));
        await sink.ReportGapAsync(Venues.Kraken, "BTC/USD", T0.AddSeconds(80), T0.AddSeconds(150), "REST refused", CancellationToken.None);
        await TradesAsync(sink, (T0.AddSeconds(160), 102m, 1m), (T0.AddSeconds(185), 103m, 2m));
        await TradesAsync(sink, (T0.AddMinutes(4), 104m, 1m));
        _clock.Now = T0.AddMinutes(6);
        sink.Complete(_clock.Now);

        Assert.Equal(
            [
                "time_utc_iso,open,high,low,close,volume",
                "2025-11-10T10:00:00Z,100,100,100,100,1",
                "2025-11-10T10:03:00Z,103,103,103,103,2",
                "2025-11-10T10:04:00Z,104,104,104,104,1",
            ],
            Lines("btcusd-kraken-1m-20251110.csv"));
        Assert.Equal(
            ["from_utc_iso,to_utc_iso,reason", "2025-11-10T10:01:20.000Z,2025-11-10T10:02:30.000Z,REST refused"],
            Lines("btcusd-kraken-gaps.csv"));
        Assert.Contains(_events, e => e.StartsWith("gap: BTC/USD on KRAKEN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stopping_while_the_feed_is_down_records_the_rest_as_a_gap_and_leaves_the_cut_minute_out()
    {
        using var sink = Sink();
        _clock.Now = T0.AddMinutes(-1);
        await LiveAsync(sink);
        await TradesAsync(sink, (T0.AddSeconds(10), 100m, 1m), (T0.AddSeconds(50), 101m, 1m));
        _clock.Now = T0.AddSeconds(55);
        await sink.PublishStatusAsync(Venues.Kraken, FeedStatus.Down, "closed by the venue", CancellationToken.None);

        _clock.Now = T0.AddMinutes(3);
        sink.Complete(_clock.Now);

        Assert.Equal(["time_utc_iso,open,high,low,close,volume"], Lines("btcusd-kraken-1m-20251110.csv", orHeader: true));
        var gap = Assert.Single(Lines("btcusd-kraken-gaps.csv").Skip(1));
        Assert.StartsWith("2025-11-10T10:00:55.000Z,2025-11-10T10:03:00.000Z,recording stopped while the feed was Down", gap, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interruption_before_a_symbol_had_any_trade_is_a_gap_because_nothing_can_be_backfilled()
    {
        using var sink = Sink();
        _clock.Now = T0.AddMinutes(-1);
        await LiveAsync(sink);

        _clock.Now = T0.AddSeconds(5);
        await sink.PublishStatusAsync(Venues.Kraken, FeedStatus.Down, "closed by the venue", CancellationToken.None);
        _clock.Now = T0.AddSeconds(20);
        await LiveAsync(sink);

        var gap = Assert.Single(Lines("btcusd-kraken-gaps.csv").Skip(1));
        Assert.Equal(
            "2025-11-10T10:00:05.000Z,2025-11-10T10:00:20.000Z,\"KRAKEN was interrupted before any trade of BTC/USD was recorded, so the trades it missed could not be fetched\"",
            gap);
    }

    [Fact]
    public async Task Stopping_before_the_backfill_after_an_interruption_arrived_records_the_rest_as_a_possible_gap()
    {
        using var sink = Sink();
        _clock.Now = T0.AddMinutes(-1);
        await LiveAsync(sink);
        await TradesAsync(sink, (T0.AddSeconds(10), 100m, 1m));
        _clock.Now = T0.AddSeconds(30);
        await sink.PublishStatusAsync(Venues.Kraken, FeedStatus.Stale, "no frame for 10 s", CancellationToken.None);
        _clock.Now = T0.AddSeconds(40);
        await LiveAsync(sink);

        _clock.Now = T0.AddMinutes(2);
        sink.Complete(_clock.Now);

        var gap = Assert.Single(Lines("btcusd-kraken-gaps.csv").Skip(1));
        Assert.StartsWith("2025-11-10T10:00:30.000Z,2025-11-10T10:02:00.000Z,recording stopped before the trades missed", gap, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "btcusd-kraken-1m-20251110.csv")));
    }

    [Fact]
    public async Task Backfilled_trades_after_an_interruption_close_it_without_a_gap()
    {
        using var sink = Sink();
        _clock.Now = T0.AddMinutes(-1);
        await LiveAsync(sink);
        await TradesAsync(sink, (T0.AddSeconds(10), 100m, 1m));
        _clock.Now = T0.AddSeconds(30);
        await sink.PublishStatusAsync(Venues.Kraken, FeedStatus.Down, "closed by the venue", CancellationToken.None);
        _clock.Now = T0.AddSeconds(40);
        await LiveAsync(sink);

        await TradesAsync(sink, (T0.AddSeconds(35), 102m, 1m), (T0.AddSeconds(45), 99m, 2m));
        await TradesAsync(sink, (T0.AddSeconds(70), 101m, 1m));
        _clock.Now = T0.AddMinutes(3);
        sink.Complete(_clock.Now);

        Assert.False(File.Exists(Path.Combine(_directory, "btcusd-kraken-gaps.csv")));
        Assert.Equal(
            [
                "time_utc_iso,open,high,low,close,volume",
                "2025-11-10T10:00:00Z,100,102,99,99,4",
                "2025-11-10T10:01:00Z,101,101,101,101,1",
            ],
            Lines("btcusd-kraken-1m-20251110.csv"));
    }

    [Fact]
    public async Task A_trade_for_a_minute_already_closed_is_written_and_its_candle_is_flagged()
    {
        using var sink = Sink();
        _clock.Now = T0.AddMinutes(-1);
        await LiveAsync(sink);

        await TradesAsync(sink, (T0.AddSeconds(10), 100m, 1m), (T0.AddSeconds(70), 101m, 1m));
        await TradesAsync(sink, (T0.AddSeconds(30), 90m, 5m));

        Assert.Equal(
            ["2025-11-10T10:00:10.000Z,100,1,buy", "2025-11-10T10:01:10.000Z,101,1,buy", "2025-11-10T10:00:30.000Z,90,5,buy"],
            Lines("btcusd-kraken-trades-20251110.csv").Skip(1));
        var gap = Assert.Single(Lines("btcusd-kraken-gaps.csv").Skip(1));
        Assert.StartsWith("2025-11-10T10:00:00.000Z,2025-11-10T10:01:00.000Z,", gap, StringComparison.Ordinal);
        Assert.Contains("arrived after its minute's candle was closed", gap, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trades_go_to_the_file_of_their_own_utc_day()
    {
        using var sink = Sink();
        var midnight = new DateTimeOffset(2025, 11, 11, 0, 0, 0, TimeSpan.Zero);
        _clock.Now = midnight.AddMinutes(-5);
        await LiveAsync(sink);

        await TradesAsync(sink, (midnight.AddMilliseconds(-1), 100m, 1m), (midnight, 101m, 2m));
        _clock.Now = midnight.AddMinutes(2);
        sink.Complete(_clock.Now);

        Assert.Equal(["time_utc_iso,price,size,side", "2025-11-10T23:59:59.999Z,100,1,buy"], Lines("btcusd-kraken-trades-20251110.csv"));
        Assert.Equal(["time_utc_iso,price,size,side", "2025-11-11T00:00:00.000Z,101,2,buy"], Lines("btcusd-kraken-trades-20251111.csv"));
        Assert.Equal(["time_utc_iso,open,high,low,close,volume", "2025-11-10T23:59:00Z,100,100,100,100,1"], Lines("btcusd-kraken-1m-20251110.csv"));
        Assert.Equal(["time_utc_iso,open,high,low,close,volume", "2025-11-11T00:00:00Z,101,101,101,101,2"], Lines("btcusd-kraken-1m-20251111.csv"));
    }

    [Fact]
    public async Task A_file_error_stops_the_recording_instead_of_throwing_into_the_feed()
    {
        using var sink = Sink();
        await LiveAsync(sink);
        await File.WriteAllTextAsync(Path.Combine(_directory, "btcusd-kraken-trades-20251110.csv"), "something else\n");

        await TradesAsync(sink, (T0.AddSeconds(10), 100m, 1m));

        Assert.IsType<RecordFileException>(sink.Failure);
        Assert.True(_stop.IsCancellationRequested);
        Assert.Equal("something else\n", await File.ReadAllTextAsync(Path.Combine(_directory, "btcusd-kraken-trades-20251110.csv")));
    }

    public void Dispose()
    {
        _stop.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private CsvRecordingSink Sink() => new(
        new RecordRequest
        {
            Venue = Venues.Kraken,
            Symbols = ["BTC/USD"],
            Directory = _directory,
            KrakenWebSocket = new Uri("ws://127.0.0.1:1/v2"),
            CoinbaseWebSocket = new Uri("ws://127.0.0.1:1/"),
            KrakenFuturesWebSocket = new Uri("ws://127.0.0.1:1/"),
            KrakenRest = new Uri("http://127.0.0.1:1/"),
            CoinbaseRest = new Uri("http://127.0.0.1:1/"),
        },
        _clock,
        _events.Add,
        _stop);

    private static async Task LiveAsync(CsvRecordingSink sink) =>
        await sink.PublishStatusAsync(Venues.Kraken, FeedStatus.Live, "subscribed and receiving", CancellationToken.None);

    private async Task TradesAsync(CsvRecordingSink sink, params (DateTimeOffset Time, decimal Price, decimal Size)[] trades) =>
        await sink.PublishTradesAsync(
            Venues.Kraken,
            "BTC/USD",
            [.. trades.Select(t => new VenueTrade("BTC/USD", (++_tradeId).ToString(System.Globalization.CultureInfo.InvariantCulture), t.Price, t.Size, TradeSide.Buy, t.Time))],
            _clock.Now,
            CancellationToken.None);

    private string[] Lines(string file, bool orHeader = false)
    {
        var path = Path.Combine(_directory, file);
        return orHeader && !File.Exists(path) ? ["time_utc_iso,open,high,low,close,volume"] : File.ReadAllLines(path);
    }
}
