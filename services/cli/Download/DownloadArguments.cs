using System.Globalization;
using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Symbols;

namespace Trading.Cli.Download;

/// <summary>Turns the command's raw option values into a <see cref="DownloadRequest"/>, or a message saying what is wrong.</summary>
public static class DownloadArguments
{
    public static bool TryCreate(
        string? venue,
        string? symbol,
        string? interval,
        string? since,
        string? until,
        string? output,
        DateTimeOffset now,
        out DownloadRequest request,
        out string error)
    {
        request = null!;
        error = "";
        var venueCode = venue?.Trim().ToUpperInvariant() switch
        {
            "KRAKEN" => Venues.Kraken,
            "COINBASE" => Venues.Coinbase,
            _ => null,
        };
        if (venueCode is null)
        {
            error = $"Unknown venue '{venue}': use --venue kraken or --venue coinbase.";
            return false;
        }

        if (string.IsNullOrWhiteSpace(symbol))
        {
            error = "Missing --symbol, for example --symbol BTC/USD.";
            return false;
        }

        var normalised = symbol.Trim().ToUpperInvariant();
        string venueSymbol;
        try
        {
            venueSymbol = venueCode == Venues.Kraken
                ? SymbolMap.Default.ToKrakenRestPair(normalised)
                : SymbolMap.Default.ToVenue(Venues.Coinbase, normalised);
        }
        catch (UnknownSymbolException exception)
        {
            error = exception.Message;
            return false;
        }

        if (!DownloadInterval.TryParse(interval?.Trim(), out var downloadInterval))
        {
            error = $"Bad --interval '{interval}': use one of {string.Join(", ", DownloadInterval.All.Select(i => i.Code))}.";
            return false;
        }

        if (!TryParseTime(since, out var sinceTime))
        {
            error = $"Bad or missing --since '{since}': use a UTC date or time such as 2024-01-01 or 2024-01-01T12:00:00Z.";
            return false;
        }

        DateTimeOffset? untilTime = null;
        if (until is not null)
        {
            if (!TryParseTime(until, out var parsed))
            {
                error = $"Bad --until '{until}': use a UTC date or time such as 2024-02-01 or 2024-02-01T12:00:00Z.";
                return false;
            }

            untilTime = parsed;
        }

        var end = untilTime ?? now;
        if (sinceTime >= end)
        {
            error = $"--since {CandleCsvFile.FormatTime(sinceTime)} is not before {(untilTime is null ? "now" : "--until")} ({CandleCsvFile.FormatTime(end)}).";
            return false;
        }

        if (string.IsNullOrWhiteSpace(output))
        {
            error = "Missing --out, the CSV file to write (an existing candle file is resumed).";
            return false;
        }

        request = new DownloadRequest
        {
            Venue = venueCode,
            Symbol = normalised,
            VenueSymbol = venueSymbol,
            Interval = downloadInterval,
            Since = sinceTime,
            Until = untilTime,
            Path = Path.GetFullPath(output),
        };
        return true;
    }

    // A time without an offset is UTC, never the machine's local time.
    private static bool TryParseTime(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(
            text?.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
}
