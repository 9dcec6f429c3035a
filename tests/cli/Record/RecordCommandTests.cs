using System.Globalization;
using Trading.FakeVenues;

namespace Trading.Cli.Tests.Record;

public sealed class RecordCommandTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    // Nothing listens there: a backfill after a disconnection fails at once, without leaving the machine.
    private const string NoRestServer = "http://127.0.0.1:1/";

    private readonly string _directory = Directory.CreateTempSubdirectory("trading-record-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _errors = new();

    public static TheoryData<string[], string> BadArguments => new()
    {
        { new[] { "--venue", "binance", "--symbols", "BTC/USD" }, "binance" },
        { new[] { "--symbols", "BTC/USD" }, "--venue" },
        { new[] { "--venue", "kraken", "--symbols", "BTC/USD,DOGE/USD" }, "Symbol 'DOGE/USD' is not supported on KRAKEN" },
        { new[] { "--venue", "kraken", "--symbols", "BTC/USD:PERP" }, "BTC/USD:PERP" },
        { new[] { "--venue", "kraken-futures", "--symbols", "BTC/USD" }, "BTC/USD" },
        { new[] { "--venue", "kraken", "--symbols", " , " }, "--symbols" },
        { new[] { "--venue", "kraken" }, "--symbols" },
        { new[] { "--venue", "kraken", "--symbols" }, "--symbols" },
        { new[] { "--venue", "kraken", "--symbols", "BTC/USD", "--duration", "10" }, "--duration" },
        { new[] { "--venue", "kraken", "--symbols", "BTC/USD", "--duration", "0s" }, "--duration" },
        { new[] { "--venue", "kraken", "--symbols", "BTC/USD", "--duration", "ten minutes" }, "--duration" },
        { new[] { "--venue", "kraken", "--symbols", "BTC/USD", "--kraken-websocket", "https://ws.kraken.com/v2" }, "--kraken-websocket" },
        { new[] { "--venue", "kraken", "--symbols", "BTC/USD", "--kraken-rest", "ws://api.kraken.com" }, "--kraken-rest" },
        { new[] { "--venue", "kraken", "--symbols", "BTC/USD", "--bogus" }, "--bogus" },
    };

    [Fact]
    public async Task Records_the_trades_the_server_sent_and_the_candles_of_every_whole_minute()
    {
        var btc = RecordedMarketData.Trades("btcusdt-kraken-trades-20251110.csv", "BTC/USD", 250);

        // Real XRP/ETH trades standing in for ETH/USD: tiny prices and whole sizes, moved by whole minutes into BTC's hours.
        const string ethFile = "xrpeth-binance-trades-20191011-20191013.csv";
        var ethStart = RecordedMarketData.MinuteOf(RecordedMarketData.Trades(ethFile, "ETH/USD", 1)[0].Time);
        var eth = RecordedMarketData.Trades(ethFile, "ETH/USD", 150, RecordedMarketData.MinuteOf(btc[0].Time).AddMinutes(1) - ethStart);
        await using var server = await FakeKrakenSpotServer.StartAsync(TimeSpan.FromSeconds(1));
        var clock = ShiftedTimeProvider.StartingAt(RecordedMarketData.MinuteOf(btc[0].Time).AddSeconds(-30));
        using var stop = new CancellationTokenSource();

        var run = Record(server, "BTC/USD,ETH/USD", clock, stop.Token);
        await SendAsync(server, [.. btc.Concat(eth).OrderBy(t => t.Time)]);
        await WaitForRowsAsync(TradesFile("btcusd", btc[0].Time), btc.Count);
        await WaitForRowsAsync(TradesFile("ethusd", eth[0].Time), eth.Count);
        await stop.CancelAsync();
        var exitCode = await run.WaitAsync(Deadline);

        Assert.Equal(0, exitCode);
        Assert.Equal(TradesCsv(btc), await File.ReadAllTextAsync(TradesFile("btcusd", btc[0].Time)));
        Assert.Equal(TradesCsv(eth), await File.ReadAllTextAsync(TradesFile("ethusd", eth[0].Time)));
        AssertCandlesOfWholeMinutes(btc, CandlesFile("btcusd", btc[0].Time));
        AssertCandlesOfWholeMinutes(eth, CandlesFile("ethusd", eth[0].Time));
        Assert.False(File.Exists(Path.Combine(_directory, "btcusd-kraken-gaps.csv")));
        Assert.Contains($"BTC/USD: {btc.Count} trades, {WholeMinutes(btc).Count} 1m candles, 0 gaps", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("not written: its minute had not ended", _errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restart_appends_to_the_same_files_under_one_header()
    {
        var trades = RecordedMarketData.Trades("btcusdt-kraken-trades-20251110.csv", "BTC/USD", 120);
        var splitMinute = RecordedMarketData.MinuteOf(trades[60].Time).AddMinutes(1);
        var first = trades.Where(t => t.Time < splitMinute).ToList();
        var second = trades.Where(t => t.Time >= splitMinute).ToList();
        await using var server = await FakeKrakenSpotServer.StartAsync(TimeSpan.FromSeconds(1));
        var tradesFile = TradesFile("btcusd", trades[0].Time);

        var firstExit = await RecordSessionAsync(server, first, tradesFile, 0, first.Count);
        // An interrupted write leaves part of a row behind; the next run must not build on it.
        await File.AppendAllTextAsync(tradesFile, "2025-11-10T19:0");
        var secondExit = await RecordSessionAsync(server, second, tradesFile, first.Count, first.Count + second.Count);

        Assert.Equal(0, firstExit);
        Assert.Equal(0, secondExit);
        Assert.Equal(TradesCsv(trades), await File.ReadAllTextAsync(tradesFile));
        var expected = WholeMinutes(first).Concat(WholeMinutes(second)).ToList();
        Assert.Equal(expected, ExpectedCandle.Read(CandlesFile("btcusd", trades[0].Time)));
        Assert.DoesNotContain(ExpectedCandle.Read(CandlesFile("btcusd", trades[0].Time)), c => c.Start == RecordedMarketData.MinuteOf(first[^1].Time));
        Assert.Single(File.ReadAllLines(CandlesFile("btcusd", trades[0].Time)), line => line.StartsWith("time_utc_iso", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_disconnection_whose_trades_cannot_be_fetched_is_recorded_as_a_gap()
    {
        await using var server = await FakeKrakenSpotServer.StartAsync(TimeSpan.FromSeconds(1));
        using var stop = new CancellationTokenSource();
        var run = Record(server, "BTC/USD", TimeProvider.System, stop.Token);
        await WaitForTradeSubscriptionAsync(server, connection: 1);
        var beforeClose = new List<DateTimeOffset>();
        for (var id = 1; id <= 3; id++)
        {
            beforeClose.Add(DateTimeOffset.UtcNow);
            await server.SendTradeAsync("BTC/USD", 60000m + id, 0.5m, id, stop.Token, exchangeTime: beforeClose[^1]);
        }

        var tradesFile = TradesFile("btcusd", beforeClose[0]);
        await WaitForRowsAsync(tradesFile, 3);
        var gapsFile = Path.Combine(_directory, "btcusd-kraken-gaps.csv");

        await server.CloseAsync(stop.Token);
        await WaitForTradeSubscriptionAsync(server, connection: 2);
        await WaitForRowsAsync(gapsFile, 1);
        await server.SendTradeAsync("BTC/USD", 60010m, 0.25m, 10, stop.Token, exchangeTime: DateTimeOffset.UtcNow);
        await WaitForRowsAsync(tradesFile, 4);
        await stop.CancelAsync();
        var exitCode = await run.WaitAsync(Deadline);

        Assert.Equal(0, exitCode);
        var gap = Assert.Single(ReadRows(gapsFile)).Split(',', 3);
        Assert.Equal(beforeClose[^1].UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), gap[0]);
        Assert.True(string.CompareOrdinal(gap[1], gap[0]) > 0);
        Assert.NotEmpty(gap[2]);
        Assert.Contains("KRAKEN Down", _errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 reconnects", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("gap: BTC/USD on KRAKEN", _errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stops_by_itself_once_the_duration_has_elapsed()
    {
        await using var server = await FakeKrakenSpotServer.StartAsync(TimeSpan.FromMilliseconds(200));

        var exitCode = await Record(server, "BTC/USD", TimeProvider.System, CancellationToken.None, "--duration", "2s").WaitAsync(Deadline);

        Assert.Equal(0, exitCode);
        Assert.Contains("BTC/USD: 0 trades, 0 1m candles, 0 gaps", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("KRAKEN Live", _errors.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task Bad_arguments_exit_with_code_2_and_a_message_before_anything_is_written(string[] arguments, string named)
    {
        var output = Path.Combine(_directory, "out");

        var exitCode = await Program.InvokeAsync(["record", "--out", output, .. arguments], TimeProvider.System, _output, _errors);

        Assert.Equal(2, exitCode);
        Assert.Contains(named, _errors.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task An_out_directory_that_cannot_be_created_exits_with_code_2()
    {
        var file = Path.Combine(_directory, "a-file");
        await File.WriteAllTextAsync(file, "not a directory");

        var exitCode = await Program.InvokeAsync(
            ["record", "--venue", "kraken", "--symbols", "BTC/USD", "--out", file, "--kraken-websocket", "ws://127.0.0.1:1/v2"], TimeProvider.System, _output, _errors);

        Assert.Equal(2, exitCode);
        Assert.Contains($"Cannot write to --out {file}", _errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_file_of_another_kind_exits_with_code_2_and_is_left_alone()
    {
        var path = TradesFile("btcusd", DateTimeOffset.UtcNow);
        await File.WriteAllTextAsync(path, "a,b\n1,2\n");

        var exitCode = await Program.InvokeAsync(
            ["record", "--venue", "kraken", "--symbols", "BTC/USD", "--out", _directory, "--kraken-websocket", "ws://127.0.0.1:1/v2"], TimeProvider.System, _output, _errors);

        Assert.Equal(2, exitCode);
        Assert.Contains(path, _errors.ToString(), StringComparison.Ordinal);
        Assert.Equal("a,b\n1,2\n", await File.ReadAllTextAsync(path));
    }

    public void Dispose()
    {
        _output.Dispose();
        _errors.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    // Minutes the recording saw whole: all but the minute of the last trade, which is still open when recording stops.
    private static List<ExpectedCandle> WholeMinutes(IReadOnlyList<SentTrade> trades) =>
        [.. ExpectedCandle.Aggregate(trades).Where(c => c.Start != RecordedMarketData.MinuteOf(trades[^1].Time))];

    private static void AssertCandlesOfWholeMinutes(IReadOnlyList<SentTrade> trades, string path)
    {
        var expected = WholeMinutes(trades);
        Assert.True(expected.Count >= 3, $"the test data must span at least 3 whole minutes, not {expected.Count}");
        Assert.Equal(expected, ExpectedCandle.Read(path));
    }

    private static string TradesCsv(IEnumerable<SentTrade> trades) =>
        "time_utc_iso,price,size,side\n" + string.Concat(trades.Select(t => t.Row(RecordedMarketData.FakeServerSide) + "\n"));

    private string TradesFile(string slug, DateTimeOffset day) => Path.Combine(_directory, $"{slug}-kraken-trades-{day.UtcDateTime:yyyyMMdd}.csv");

    private string CandlesFile(string slug, DateTimeOffset day) => Path.Combine(_directory, $"{slug}-kraken-1m-{day.UtcDateTime:yyyyMMdd}.csv");

    private async Task<int> RecordSessionAsync(FakeKrakenSpotServer server, IReadOnlyList<SentTrade> trades, string tradesFile, int rowsBefore, int rowsAfter)
    {
        var connection = server.AcceptedConnections + 1;
        using var stop = new CancellationTokenSource();
        var run = Record(server, "BTC/USD", ShiftedTimeProvider.StartingAt(RecordedMarketData.MinuteOf(trades[0].Time).AddSeconds(-30)), stop.Token);
        await WaitForTradeSubscriptionAsync(server, connection);
        Assert.Equal(rowsBefore, File.Exists(tradesFile) ? ReadRows(tradesFile).Count : 0);
        await SendAsync(server, trades);
        await WaitForRowsAsync(tradesFile, rowsAfter);
        await stop.CancelAsync();
        return await run.WaitAsync(Deadline);
    }

    private Task<int> Record(FakeKrakenSpotServer server, string symbols, TimeProvider clock, CancellationToken cancellationToken, params string[] more) =>
        Program.InvokeAsync(
            ["record", "--venue", "kraken", "--symbols", symbols, "--out", _directory, "--kraken-websocket", server.Endpoint.ToString(), "--kraken-rest", NoRestServer, .. more],
            clock,
            _output,
            _errors,
            cancellationToken);

    private static async Task SendAsync(FakeKrakenSpotServer server, IReadOnlyList<SentTrade> trades)
    {
        await WaitForTradeSubscriptionAsync(server, server.AcceptedConnections is 0 ? 1 : server.AcceptedConnections);
        foreach (var trade in trades)
        {
            await server.SendTradeAsync(trade.Symbol, trade.PriceValue, trade.SizeValue, trade.TradeId, CancellationToken.None, exchangeTime: trade.Time);
        }
    }

    private static async Task WaitForTradeSubscriptionAsync(FakeKrakenSpotServer server, int connection) =>
        await WaitUntilAsync(
            () => server.ClientFrames.Any(f => f.Connection == connection && f.Text.Contains("\"channel\":\"trade\"", StringComparison.Ordinal)),
            $"the trade subscription of connection {connection}");

    private static Task WaitForRowsAsync(string path, int rows) =>
        WaitUntilAsync(() => File.Exists(path) && ReadRows(path).Count >= rows, $"{rows} rows in {path}");

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (!condition())
        {
            Assert.False(deadline.IsCancellationRequested, $"Gave up waiting for {what}.");
            await Task.Delay(20, CancellationToken.None);
        }
    }

    // Whole rows after the header, read while the recorder may still be writing.
    private static List<string> ReadRows(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        return [.. text[..(text.LastIndexOf('\n') + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)];
    }
}
