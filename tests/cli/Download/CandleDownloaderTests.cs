using System.Globalization;
using Trading.Cli.Download;
using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Rest;

namespace Trading.Cli.Tests.Download;

public sealed class CandleDownloaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("candle-download-").FullName;
    private readonly List<HttpClient> _clients = [];

    [Fact]
    public async Task Coinbase_download_writes_every_candle_of_the_range_once_in_ascending_order()
    {
        var rows = History.Minutes(820);
        await using var server = await FakeHistoryServer.StartAsync(rows);
        var path = Path.Combine(_directory, "btc.csv");
        var until = History.Start.AddMinutes(800);

        var result = await Downloader(server, History.Start.AddDays(2)).DownloadAsync(
            Request(Venues.Coinbase, path, until: until), new RecordingReporter(), CancellationToken.None);

        var expected = rows.Where(r => r.Start < until).ToList();
        Assert.Equal(History.Csv(expected), await File.ReadAllTextAsync(path));
        Assert.Equal(expected.Count, result.CandlesWritten);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Coinbase_download_without_until_stops_at_the_last_finished_candle()
    {
        var rows = History.Minutes(120);
        await using var server = await FakeHistoryServer.StartAsync(rows);
        var path = Path.Combine(_directory, "btc.csv");
        var now = History.Start.AddMinutes(100).AddSeconds(30);

        await Downloader(server, now).DownloadAsync(Request(Venues.Coinbase, path), new RecordingReporter(), CancellationToken.None);

        Assert.Equal(History.Csv(rows.Where(r => r.Start < History.Start.AddMinutes(100))), await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Kraken_download_writes_the_finished_candles_and_leaves_out_the_forming_one()
    {
        var rows = History.Minutes(31);
        await using var server = await FakeHistoryServer.StartAsync(rows);
        var path = Path.Combine(_directory, "btc.csv");
        var reporter = new RecordingReporter();

        var result = await Downloader(server, History.Start.AddMinutes(30).AddSeconds(20)).DownloadAsync(
            Request(Venues.Kraken, path), reporter, CancellationToken.None);

        Assert.Equal(History.Csv(rows.SkipLast(1)), await File.ReadAllTextAsync(path));
        Assert.Empty(result.Warnings);
        Assert.Empty(reporter.Warnings);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Kraken_download_warns_that_history_older_than_kraken_serves_is_missing_and_where_the_file_starts()
    {
        var rows = History.Minutes(801);
        await using var server = await FakeHistoryServer.StartAsync(rows);
        var path = Path.Combine(_directory, "btc.csv");
        var reporter = new RecordingReporter();

        await Downloader(server, History.Start.AddMinutes(800).AddSeconds(10)).DownloadAsync(
            Request(Venues.Kraken, path), reporter, CancellationToken.None);

        var served = rows.TakeLast(720).ToList();
        Assert.Equal(History.Csv(served.SkipLast(1)), await File.ReadAllTextAsync(path));
        var warning = Assert.Single(reporter.Warnings);
        Assert.Contains("720", warning, StringComparison.Ordinal);
        Assert.Contains($"{path} starts at {served[0].Start.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resuming_after_a_venue_error_appends_only_the_missing_candles()
    {
        var rows = History.Minutes(800);
        await using var server = await FakeHistoryServer.StartAsync(rows);
        server.FailFromRequest = 2;
        var path = Path.Combine(_directory, "btc.csv");
        var downloader = Downloader(server, History.Start.AddDays(1));
        var request = Request(Venues.Coinbase, path, until: History.Start.AddMinutes(800));
        await Assert.ThrowsAsync<VenueRequestException>(() => downloader.DownloadAsync(request, new RecordingReporter(), CancellationToken.None));
        var firstWindow = rows.Where(r => r.Start < History.Start.AddMinutes(350)).ToList();
        Assert.Equal(History.Csv(firstWindow), await File.ReadAllTextAsync(path));
        server.FailFromRequest = null;

        var result = await downloader.DownloadAsync(request, new RecordingReporter(), CancellationToken.None);

        Assert.Equal(History.Csv(rows), await File.ReadAllTextAsync(path));
        Assert.Equal(rows.Count - firstWindow.Count, result.CandlesWritten);
        Assert.Equal(firstWindow[^1].Start, result.ResumedAfter);
        var resumedAt = firstWindow[^1].Start.AddMinutes(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Assert.Contains($"start={resumedAt}&", server.Requests[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resuming_drops_a_half_written_last_line_and_continues_after_the_last_whole_row()
    {
        var rows = History.Minutes(31);
        await using var server = await FakeHistoryServer.StartAsync(rows);
        var path = Path.Combine(_directory, "btc.csv");
        await File.WriteAllTextAsync(path, History.Csv(rows.Take(10)) + "2024-01-01T00:10:00Z,4201");

        await Downloader(server, History.Start.AddMinutes(30).AddSeconds(20)).DownloadAsync(
            Request(Venues.Kraken, path), new RecordingReporter(), CancellationToken.None);

        Assert.Equal(History.Csv(rows.SkipLast(1)), await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Running_again_on_a_complete_file_writes_nothing()
    {
        var rows = History.Minutes(60);
        await using var server = await FakeHistoryServer.StartAsync(rows);
        var path = Path.Combine(_directory, "btc.csv");
        var downloader = Downloader(server, History.Start.AddHours(2));
        var request = Request(Venues.Coinbase, path, until: History.Start.AddMinutes(60));
        await downloader.DownloadAsync(request, new RecordingReporter(), CancellationToken.None);

        var result = await downloader.DownloadAsync(request, new RecordingReporter(), CancellationToken.None);

        Assert.Equal(0, result.CandlesWritten);
        Assert.Equal(History.Csv(rows), await File.ReadAllTextAsync(path));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_file_with_another_header_is_refused_and_left_alone()
    {
        await using var server = await FakeHistoryServer.StartAsync(History.Minutes(10));
        var path = Path.Combine(_directory, "trades.csv");
        const string trades = "time_utc_iso,price,size,side\n2024-01-01T00:00:00.000Z,42000,0.1,buy\n";
        await File.WriteAllTextAsync(path, trades);

        var error = await Assert.ThrowsAsync<CandleFileException>(() => Downloader(server, History.Start.AddHours(1)).DownloadAsync(
            Request(Venues.Coinbase, path), new RecordingReporter(), CancellationToken.None));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(trades, await File.ReadAllTextAsync(path));
        Assert.Empty(server.Requests);
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private static DownloadRequest Request(string venue, string path, DateTimeOffset? until = null) => new()
    {
        Venue = venue,
        Symbol = "BTC/USD",
        VenueSymbol = venue == Venues.Kraken ? "XXBTZUSD" : "BTC-USD",
        Interval = DownloadInterval.All[0],
        Since = History.Start,
        Until = until,
        Path = path,
    };

    private CandleDownloader Downloader(FakeHistoryServer server, DateTimeOffset now)
    {
        var time = new FixedTimeProvider(now);
        var kraken = new HttpClient { BaseAddress = server.BaseAddress };
        var coinbase = new HttpClient { BaseAddress = server.BaseAddress };
        _clients.Add(kraken);
        _clients.Add(coinbase);
        return new CandleDownloader(
            new KrakenRestClient(kraken, new RequestPacer(TimeSpan.Zero, time)),
            new CoinbaseRestClient(coinbase, new RequestPacer(TimeSpan.Zero, time)),
            time);
    }

    private sealed class RecordingReporter : IDownloadReporter
    {
        public List<string> Warnings { get; } = [];

        public List<DownloadPage> Pages { get; } = [];

        public void Started(DateTimeOffset rangeStart, DateTimeOffset rangeEnd, DateTimeOffset? resumedAfter)
        {
        }

        public void PageWritten(DownloadPage page) => Pages.Add(page);

        public void Warning(string message) => Warnings.Add(message);
    }
}
