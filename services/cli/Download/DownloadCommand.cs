using System.CommandLine;
using Spectre.Console;
using Trading.MarketData.Exchange.Rest;

namespace Trading.Cli.Download;

/// <summary><c>trading download</c>: candle history over a venue's REST API into a CSV file, resumable.</summary>
public static class DownloadCommand
{
    /// <param name="output">Where progress and the summary go; null for the console, with a progress bar when it is interactive.</param>
    /// <param name="errors">Where errors and warnings go; null for standard error.</param>
    public static Command Create(TimeProvider timeProvider, TextWriter? output = null, TextWriter? errors = null)
    {
        var venue = new Option<string?>("--venue") { Description = "kraken or coinbase" };
        var symbol = new Option<string?>("--symbol") { Description = "Normalised symbol, for example BTC/USD" };
        var interval = new Option<string>("--interval")
        {
            Description = $"Candle interval: {string.Join(", ", DownloadInterval.All.Select(i => i.Code))}",
            DefaultValueFactory = _ => "1m",
        };
        var since = new Option<string?>("--since") { Description = "First bar start, UTC (2024-01-01 or 2024-01-01T12:00:00Z)" };
        var until = new Option<string?>("--until") { Description = "End of the range, excluded, UTC (default: now)" };
        var outFile = new Option<string?>("--out") { Description = "CSV file to write; an existing candle file is resumed after its last row" };
        var krakenUrl = new Option<string>("--kraken-url")
        {
            Description = "Kraken REST root",
            DefaultValueFactory = _ => "https://api.kraken.com/",
        };
        var coinbaseUrl = new Option<string>("--coinbase-url")
        {
            Description = "Coinbase Advanced Trade API root",
            DefaultValueFactory = _ => "https://api.coinbase.com/",
        };

        var command = new Command("download", "Download candle history over REST into a CSV file (resumable: re-run to continue)")
        {
            venue, symbol, interval, since, until, outFile, krakenUrl, coinbaseUrl,
        };

        // Parse errors (an unknown option, an option without its value) exit with 2 in Program.InvokeAsync.
        command.SetAction((result, cancellationToken) =>
        {
            var err = errors ?? Console.Error;
            if (!DownloadArguments.TryCreate(
                    result.GetValue(venue),
                    result.GetValue(symbol),
                    result.GetValue(interval),
                    result.GetValue(since),
                    result.GetValue(until),
                    result.GetValue(outFile),
                    timeProvider.GetUtcNow(),
                    out var request,
                    out var error))
            {
                err.WriteLine(error);
                return Task.FromResult(2);
            }

            if (!TryBaseAddress(result.GetValue(krakenUrl), "--kraken-url", err, out var krakenBase)
                || !TryBaseAddress(result.GetValue(coinbaseUrl), "--coinbase-url", err, out var coinbaseBase))
            {
                return Task.FromResult(2);
            }

            return RunAsync(request, krakenBase, coinbaseBase, timeProvider, output, err, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        DownloadRequest request,
        Uri krakenBase,
        Uri coinbaseBase,
        TimeProvider timeProvider,
        TextWriter? output,
        TextWriter errors,
        CancellationToken cancellationToken)
    {
        using var krakenHttp = new HttpClient { BaseAddress = krakenBase };
        using var coinbaseHttp = new HttpClient { BaseAddress = coinbaseBase };
        var downloader = new CandleDownloader(
            new KrakenRestClient(krakenHttp, new RequestPacer(KrakenRestClient.DefaultSpacing, timeProvider)),
            new CoinbaseRestClient(coinbaseHttp, new RequestPacer(CoinbaseRestClient.DefaultSpacing, timeProvider)),
            timeProvider);
        var lines = output ?? Console.Out;

        try
        {
            var result = output is null && AnsiConsole.Profile.Capabilities.Interactive
                ? await AnsiConsole.Progress().StartAsync(context =>
                {
                    var task = context.AddTask(Markup.Escape($"{request.Symbol} {request.Interval.Code} {request.Venue.ToLowerInvariant()}"));
                    return downloader.DownloadAsync(request, new ProgressBarDownloadReporter(task), cancellationToken);
                })
                : await downloader.DownloadAsync(request, new PlainDownloadReporter(lines, errors), cancellationToken);
            lines.WriteLine(Summary(result));
            return 0;
        }
        catch (CandleFileException exception)
        {
            errors.WriteLine(exception.Message);
            return 2;
        }
        catch (Exception exception) when (exception is VenueRequestException or HttpRequestException)
        {
            errors.WriteLine($"{exception.Message} {Kept(request.Path)}");
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            errors.WriteLine($"Interrupted. {Kept(request.Path)}");
            return 130;
        }
    }

    private static string Summary(DownloadResult result) => result.FirstWritten is { } first && result.LastWritten is { } last
        ? $"Wrote {result.CandlesWritten} candles from {CandleCsvFile.FormatTime(first)} to {CandleCsvFile.FormatTime(last)} into {result.Path}"
        : $"No new candles between {CandleCsvFile.FormatTime(result.RangeStart)} and {CandleCsvFile.FormatTime(result.RangeEnd)}; {result.Path} is unchanged";

    private static string Kept(string path)
    {
        // The file exists by now and every row in it is whole, so its last row says how far it got.
        var last = CandleCsvFile.PrepareForAppend(path);
        return last is { } time
            ? $"{path} keeps the candles up to {CandleCsvFile.FormatTime(time)}; run the same command again to continue."
            : $"{path} holds no candles yet.";
    }

    private static bool TryBaseAddress(string? text, string option, TextWriter errors, out Uri address)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
        {
            // HttpClient resolves relative paths against the base's last segment unless it ends in a slash.
            address = parsed.AbsoluteUri.EndsWith('/') ? parsed : new Uri(parsed.AbsoluteUri + "/");
            return true;
        }

        errors.WriteLine($"Bad {option} '{text}': use an http(s) URL such as https://api.example.com/.");
        address = null!;
        return false;
    }
}
