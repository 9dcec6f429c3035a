using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Trading.MarketData.Live;

namespace Trading.Cli.Record;

/// <summary><c>trading record</c>: streams live trades of a venue into trade and 1-minute candle CSV files.</summary>
public static class RecordCommand
{
    public const string KrakenWebSocketOption = "--kraken-websocket";
    public const string CoinbaseWebSocketOption = "--coinbase-websocket";
    public const string KrakenFuturesWebSocketOption = "--kraken-futures-websocket";
    public const string KrakenRestOption = "--kraken-rest";
    public const string CoinbaseRestOption = "--coinbase-rest";

    private const string Description = """
        Record live trades and 1-minute candles of a venue into CSV files, in the formats of shared/data/market.
        Per symbol, in the --out directory (for BTC/USD on kraken):
          btcusd-kraken-trades-YYYYMMDD.csv  time_utc_iso,price,size,side: every trade, venue time with milliseconds,
                                             price and size as the venue sent them, side = taker side (buy/sell)
          btcusd-kraken-1m-YYYYMMDD.csv      time_utc_iso,open,high,low,close,volume: 1-minute candles by venue time,
                                             labelled by bar start
          btcusd-kraken-gaps.csv             from_utc_iso,to_utc_iso,reason: trades that could not be recorded
        Files are per UTC day of the venue time and are appended to, so recording can be stopped and started again.
        A candle is written only for a minute recorded whole: never for a minute without trades (it is absent, not flat),
        nor for the minute in which recording started, a partial minute at the stop, or a minute that overlaps a gap.
        After a disconnection, missed trades are fetched over REST; what cannot be fetched is a gap, printed and recorded.
        Stops on Ctrl+C or when --duration has elapsed (exit code 0). Bad arguments exit with 2, other failures with 1.
        """;

    /// <param name="output">Where progress and the summary go; null for the console, with a live table when it is interactive.</param>
    /// <param name="errors">Where errors, status changes and gaps go; null for standard error.</param>
    public static Command Create(TimeProvider timeProvider, TextWriter? output = null, TextWriter? errors = null)
    {
        var defaults = new LiveFeedOptions();
        var venue = new Option<string?>("--venue") { Description = $"One of {string.Join(", ", RecordArguments.VenueNames.Keys)}" };
        var symbols = new Option<string?>("--symbols") { Description = "Normalised symbols, comma-separated, for example BTC/USD,ETH/USD" };
        var outDirectory = new Option<string?>("--out") { Description = "Directory for the CSV files (created if missing)" };
        var duration = new Option<string?>("--duration") { Description = "Stop after this long: 90s, 10m, 2h, 1h30m or 00:10:00 (default: until Ctrl+C)" };
        Option<string>[] endpoints =
        [
            Endpoint(KrakenWebSocketOption, "Kraken spot WebSocket v2 (LiveFeed:KrakenWebSocket)", defaults.KrakenWebSocket),
            Endpoint(CoinbaseWebSocketOption, "Coinbase Advanced Trade WebSocket (LiveFeed:CoinbaseWebSocket)", defaults.CoinbaseWebSocket),
            Endpoint(KrakenFuturesWebSocketOption, "Kraken Futures WebSocket (LiveFeed:KrakenFuturesWebSocket)", defaults.KrakenFuturesWebSocket),
            Endpoint(KrakenRestOption, "Kraken REST root for backfill after a disconnection (LiveFeed:KrakenRest)", defaults.KrakenRest),
            Endpoint(CoinbaseRestOption, "Coinbase REST root for backfill after a disconnection (LiveFeed:CoinbaseRest)", defaults.CoinbaseRest),
        ];

        var command = new Command("record", Description) { venue, symbols, outDirectory, duration };
        foreach (var endpoint in endpoints)
        {
            command.Options.Add(endpoint);
        }

        command.SetAction((result, cancellationToken) =>
        {
            var err = errors ?? Console.Error;
            if (!RecordArguments.TryCreate(
                    result.GetValue(venue),
                    result.GetValue(symbols),
                    result.GetValue(outDirectory),
                    result.GetValue(duration),
                    endpoints.ToDictionary(e => e.Name, e => result.GetValue(e)),
                    out var request,
                    out var error))
            {
                err.WriteLine(error);
                return Task.FromResult(2);
            }

            if (!TryPrepareDirectory(request.Directory, out error))
            {
                err.WriteLine(error);
                return Task.FromResult(2);
            }

            return RunAsync(request, timeProvider, output, err, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        RecordRequest request, TimeProvider timeProvider, TextWriter? output, TextWriter errors, CancellationToken cancellationToken)
    {
        var lines = output ?? Console.Out;
        IRecordReporter reporter = output is null && AnsiConsole.Profile.Capabilities.Interactive
            ? new LiveTableRecordReporter(timeProvider)
            : new PlainRecordReporter(lines, errors, PlainRecordReporter.DefaultInterval, timeProvider);
        reporter.Event(
            $"Recording {string.Join(", ", request.Symbols)} from {request.Venue} into {request.Directory}" +
            (request.Duration is { } duration ? $" for {duration.ToString("c", CultureInfo.InvariantCulture)}" : "") + "; Ctrl+C stops.");

        RecordResult result;
        try
        {
            result = await new Recorder(timeProvider).RunAsync(request, reporter, cancellationToken);
        }
        catch (RecordFileException exception)
        {
            errors.WriteLine(exception.Message);
            return 2;
        }

        foreach (var symbol in result.Symbols)
        {
            lines.WriteLine(
                $"{symbol.Symbol}: {symbol.Trades} trades, {symbol.Candles} 1m candles, {symbol.Gaps} gaps recorded in {request.Directory}");
        }

        lines.WriteLine($"{result.Reconnects} reconnects, {result.MalformedFrames} malformed frames, {result.VenueErrors} venue errors.");
        switch (result.Failure)
        {
            case RecordFileException exception:
                errors.WriteLine(exception.Message);
                return 2;
            case { } exception:
                errors.WriteLine($"Recording stopped: {exception.Message}");
                return 1;
        }

        if (!result.WasLive)
        {
            errors.WriteLine($"{request.Venue} never became live, so nothing was recorded (last status {result.LastStatus?.ToString() ?? "none"}: {result.LastStatusReason}).");
            return 1;
        }

        return 0;
    }

    private static Option<string> Endpoint(string name, string description, Uri defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue.ToString(),
    };

    private static bool TryPrepareDirectory(string directory, out string error)
    {
        error = "";
        try
        {
            Directory.CreateDirectory(directory);

            // Creating a file is the only reliable test: permissions, read-only mounts and ACLs all show up here.
            using var probe = new FileStream(
                Path.Combine(directory, $".trading-record-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error = $"Cannot write to --out {directory}: {exception.Message}";
            return false;
        }
    }
}
