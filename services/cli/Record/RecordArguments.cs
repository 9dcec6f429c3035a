using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Symbols;

namespace Trading.Cli.Record;

/// <summary>Turns the command's raw option values into a <see cref="RecordRequest"/>, or a message saying what is wrong.</summary>
public static class RecordArguments
{
    /// <summary>The <c>--venue</c> values and their venue codes.</summary>
    public static IReadOnlyDictionary<string, string> VenueNames { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["kraken"] = Venues.Kraken,
        ["coinbase"] = Venues.Coinbase,
        ["kraken-futures"] = Venues.KrakenFutures,
    };

    /// <param name="endpoints">The endpoint options by option name (<c>--kraken-websocket</c>, ...), as given.</param>
    public static bool TryCreate(
        string? venue,
        string? symbols,
        string? output,
        string? duration,
        IReadOnlyDictionary<string, string?> endpoints,
        out RecordRequest request,
        out string error)
    {
        request = null!;
        error = "";
        if (venue is null || !VenueNames.TryGetValue(venue.Trim(), out var venueCode))
        {
            error = $"Unknown venue '{venue}': use --venue {string.Join(", ", VenueNames.Keys)}.";
            return false;
        }

        var normalised = (symbols ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToUpperInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (normalised.Count == 0)
        {
            error = "Missing --symbols, for example --symbols BTC/USD,ETH/USD.";
            return false;
        }

        foreach (var symbol in normalised)
        {
            try
            {
                SymbolMap.Default.ToVenue(venueCode, symbol);
            }
            catch (UnknownSymbolException exception)
            {
                error = exception.Message;
                return false;
            }
        }

        if (string.IsNullOrWhiteSpace(output))
        {
            error = "Missing --out, the directory to write the CSV files into.";
            return false;
        }

        TimeSpan? recordFor = null;
        if (duration is not null)
        {
            if (!RecordDuration.TryParse(duration, out var parsed))
            {
                error = $"Bad --duration '{duration}': use a positive length such as 90s, 10m, 2h, 1h30m or 00:10:00.";
                return false;
            }

            recordFor = parsed;
        }

        if (!TryEndpoint(endpoints, RecordCommand.KrakenWebSocketOption, "ws", out var krakenWebSocket, ref error)
            || !TryEndpoint(endpoints, RecordCommand.CoinbaseWebSocketOption, "ws", out var coinbaseWebSocket, ref error)
            || !TryEndpoint(endpoints, RecordCommand.KrakenFuturesWebSocketOption, "ws", out var krakenFuturesWebSocket, ref error)
            || !TryEndpoint(endpoints, RecordCommand.KrakenRestOption, "http", out var krakenRest, ref error)
            || !TryEndpoint(endpoints, RecordCommand.CoinbaseRestOption, "http", out var coinbaseRest, ref error))
        {
            return false;
        }

        request = new RecordRequest
        {
            Venue = venueCode,
            Symbols = normalised,
            Directory = Path.GetFullPath(output.Trim()),
            Duration = recordFor,
            KrakenWebSocket = krakenWebSocket,
            CoinbaseWebSocket = coinbaseWebSocket,
            KrakenFuturesWebSocket = krakenFuturesWebSocket,
            KrakenRest = krakenRest,
            CoinbaseRest = coinbaseRest,
        };
        return true;
    }

    /// <param name="scheme"><c>ws</c> (also accepts <c>wss</c>) or <c>http</c> (also <c>https</c>).</param>
    private static bool TryEndpoint(IReadOnlyDictionary<string, string?> endpoints, string option, string scheme, out Uri endpoint, ref string error)
    {
        var text = endpoints.GetValueOrDefault(option);
        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && (parsed.Scheme == scheme || parsed.Scheme == scheme + "s"))
        {
            // HttpClient resolves relative paths against the base's last segment unless it ends in a slash.
            endpoint = scheme == "http" && !parsed.AbsoluteUri.EndsWith('/') ? new Uri(parsed.AbsoluteUri + "/") : parsed;
            return true;
        }

        endpoint = null!;
        error = $"Bad {option} '{text}': use a {scheme}:// or {scheme}s:// URL.";
        return false;
    }
}
