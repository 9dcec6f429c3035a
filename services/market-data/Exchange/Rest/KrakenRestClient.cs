using System.Net;
using System.Text.Json;
using Trading.Contracts.MarketData;
using Trading.Markets;

namespace Trading.MarketData.Exchange.Rest;

/// <summary>
/// Kraken Spot public REST (no auth) for gap backfill and history. <see cref="HttpClient.BaseAddress"/> is the REST
/// root (<c>https://api.kraken.com/</c>); pairs are Kraken REST names, the pair id (<c>XXBTZUSD</c>) or altname (<c>XBTUSD</c>).
/// Never retries: failures throw <see cref="VenueRequestException"/>, transport failures <see cref="HttpRequestException"/>.
/// </summary>
public sealed class KrakenRestClient
{
    public const string Venue = "KRAKEN";
    public const string TradesEndpoint = "/0/public/Trades";
    public const string OhlcEndpoint = "/0/public/OHLC";

    private static readonly int[] OhlcIntervalsMinutes = [1, 5, 15, 30, 60, 240, 1440, 10080, 21600];

    private readonly HttpClient _http;
    private readonly RequestPacer _pacer;

    /// <param name="pacer">Shared per IP; by default one request per <see cref="DefaultSpacing"/> on the system clock.</param>
    public KrakenRestClient(HttpClient httpClient, RequestPacer? pacer = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        if (httpClient.BaseAddress is null)
        {
            throw new ArgumentException("HttpClient.BaseAddress must be the Kraken REST root, e.g. https://api.kraken.com/.", nameof(httpClient));
        }

        _http = httpClient;
        _pacer = pacer ?? new RequestPacer(DefaultSpacing, TimeProvider.System);
    }

    /// <summary>Public endpoints stay clear of Kraken's limits at about one request per second per IP.</summary>
    public static TimeSpan DefaultSpacing { get; } = TimeSpan.FromSeconds(1);

    /// <param name="since">A previous page's <see cref="KrakenTradesPage.Last"/>; null for the most recent trades.</param>
    public async Task<KrakenTradesPage> GetTradesAsync(string pair, string? since, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pair);
        var query = "pair=" + Uri.EscapeDataString(pair) + (since is null ? "" : "&since=" + Uri.EscapeDataString(since));
        var reader = new RestResponseReader(Venue, TradesEndpoint);

        using var document = await GetAsync(TradesEndpoint, query, reader, cancellationToken).ConfigureAwait(false);
        var (pairId, rows, last, warnings) = ReadResult(document.RootElement, reader);

        var trades = new List<VenueTrade>(rows.GetArrayLength());
        foreach (var row in rows.EnumerateArray())
        {
            trades.Add(ReadTrade(row, pair, reader));
        }

        return new KrakenTradesPage
        {
            PairId = pairId,
            Trades = trades,
            Last = reader.Id(last, "last"),
            Warnings = warnings,
        };
    }

    /// <param name="intervalMinutes">One of 1, 5, 15, 30, 60, 240, 1440, 10080, 21600.</param>
    /// <param name="since">A previous page's <see cref="KrakenOhlcPage.Last"/>; null for the most recent (at most 720) candles.</param>
    public async Task<KrakenOhlcPage> GetOhlcAsync(string pair, int intervalMinutes, long? since, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pair);
        if (Array.IndexOf(OhlcIntervalsMinutes, intervalMinutes) < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(intervalMinutes), intervalMinutes, $"Kraken OHLC intervals are {string.Join(", ", OhlcIntervalsMinutes)} minutes.");
        }

        var query = $"pair={Uri.EscapeDataString(pair)}&interval={intervalMinutes}" + (since is null ? "" : $"&since={since.Value}");
        var reader = new RestResponseReader(Venue, OhlcEndpoint);

        using var document = await GetAsync(OhlcEndpoint, query, reader, cancellationToken).ConfigureAwait(false);
        var (pairId, rows, last, warnings) = ReadResult(document.RootElement, reader);

        var interval = TimeSpan.FromMinutes(intervalMinutes);
        var candles = new List<Candle>(rows.GetArrayLength());
        foreach (var row in rows.EnumerateArray())
        {
            candles.Add(ReadCandle(row, interval, reader));
        }

        // Kraken's last row is the candle still forming; it must never be stored as final.
        Candle? unfinished = null;
        if (candles.Count > 0)
        {
            unfinished = candles[^1];
            candles.RemoveAt(candles.Count - 1);
        }

        return new KrakenOhlcPage
        {
            PairId = pairId,
            Candles = candles,
            Unfinished = unfinished,
            Last = reader.Int64(last, "last"),
            Warnings = warnings,
        };
    }

    private async Task<JsonDocument> GetAsync(string endpoint, string query, RestResponseReader reader, CancellationToken cancellationToken)
    {
        await _pacer.WaitAsync(cancellationToken).ConfigureAwait(false);

        // Relative to BaseAddress (no leading slash), so a base with a path prefix keeps it.
        using var response = await _http.GetAsync(endpoint[1..] + "?" + query, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);

        if (!response.IsSuccessStatusCode)
        {
            // Kraken's API answers 200 even for errors; anything else came from Cloudflare or the transport.
            var status = response.StatusCode;
            var errors = TryReadErrors(body) is { Count: > 0 } sent ? sent : [$"HTTP {(int)status} {response.ReasonPhrase}".TrimEnd()];
            var rateLimited = status == HttpStatusCode.TooManyRequests || errors.Any(IsRateLimitError);
            throw new VenueRequestException(
                Venue,
                endpoint,
                errors,
                rateLimited,
                isRetryable: rateLimited || (int)status >= 500 || status == HttpStatusCode.RequestTimeout || errors.Any(IsRetryableError),
                status,
                RetryAfterHeader.Read(response, _pacer.TimeProvider));
        }

        var document = reader.Parse(body);
        try
        {
            ThrowOnErrors(document.RootElement, endpoint, reader, _pacer.TimeProvider);
            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    private static void ThrowOnErrors(JsonElement root, string endpoint, RestResponseReader reader, TimeProvider timeProvider)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw reader.Malformed("body is not a JSON object");
        }

        var errors = new List<string>();
        foreach (var entry in ErrorArray(root, reader))
        {
            if (!IsWarning(entry))
            {
                errors.Add(entry);
            }
        }

        if (errors.Count > 0)
        {
            var rateLimited = errors.Any(IsRateLimitError);
            throw new VenueRequestException(
                Venue,
                endpoint,
                errors,
                rateLimited,
                rateLimited || errors.Any(IsRetryableError),
                retryAfter: ThrottledUntil(errors, timeProvider));
        }
    }

    // "EService: Throttled: <unix seconds>" names the time from which Kraken accepts requests again.
    private static TimeSpan? ThrottledUntil(List<string> errors, TimeProvider timeProvider)
    {
        foreach (var error in errors)
        {
            var colon = error.LastIndexOf(':');
            if (IsThrottled(error) && long.TryParse(error.AsSpan(colon + 1).Trim(), out var until))
            {
                var wait = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(until, 0, 253_402_300_799)) - timeProvider.GetUtcNow();
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return null;
    }

    private static (string PairId, JsonElement Rows, JsonElement Last, IReadOnlyList<string> Warnings) ReadResult(
        JsonElement root, RestResponseReader reader)
    {
        var result = reader.Property(root, "result", JsonValueKind.Object);
        string? pairId = null;
        JsonElement rows = default;
        JsonElement? last = null;

        // The result is keyed by the pair id, which may differ from the name asked (XBTUSD -> XXBTZUSD),
        // so take the one key that is not "last" instead of looking the asked name up.
        foreach (var property in result.EnumerateObject())
        {
            if (property.NameEquals("last"))
            {
                last = property.Value;
            }
            else if (pairId is null)
            {
                pairId = property.Name;
                rows = property.Value;
            }
            else
            {
                throw reader.Malformed($"result has more than one pair: '{pairId}', '{property.Name}'");
            }
        }

        if (pairId is null)
        {
            throw reader.Malformed("result has no pair");
        }

        if (rows.ValueKind != JsonValueKind.Array)
        {
            throw reader.Malformed($"result '{pairId}' is {rows.ValueKind}, expected Array");
        }

        var warnings = ErrorArray(root, reader).Where(IsWarning).ToList();
        return (pairId, rows, last ?? throw reader.Malformed("missing 'last'"), warnings);
    }

    private static VenueTrade ReadTrade(JsonElement row, string pair, RestResponseReader reader)
    {
        // [price, volume, time (fractional unix seconds), "b"|"s", "m"|"l", misc, trade_id]
        if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() < 7)
        {
            throw reader.Malformed("trade row is not an array of at least 7 items");
        }

        var side = reader.String(row[3], "trade side") switch
        {
            "b" => TradeSide.Buy,
            "s" => TradeSide.Sell,
            var other => throw reader.Malformed($"trade side '{other}' is neither 'b' nor 's'"),
        };

        return new VenueTrade(
            VenueSymbol: pair,
            TradeId: reader.Id(row[6], "trade id"),
            Price: reader.Positive(row[0], "trade price"),
            Quantity: reader.Positive(row[1], "trade volume"),
            Side: side,
            ExchangeTime: reader.UnixSeconds(reader.Decimal(row[2], "trade time"), "trade time"));
    }

    private static Candle ReadCandle(JsonElement row, TimeSpan interval, RestResponseReader reader)
    {
        // [time (int unix seconds, interval start), open, high, low, close, vwap, volume, count]
        if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() < 8)
        {
            throw reader.Malformed("OHLC row is not an array of at least 8 items");
        }

        var openedAt = reader.UnixSeconds(reader.Int64(row[0], "OHLC time"), "OHLC time");
        var count = reader.Int64(row[7], "OHLC count");
        if (count is < 0 or > int.MaxValue)
        {
            throw reader.Malformed($"OHLC count is out of range: {count}");
        }

        // The row carries the VWAP, not the quote volume; VWAP × volume is the quote volume the trades summed to.
        var volume = reader.NonNegative(row[6], "OHLC volume");
        var vwap = reader.NonNegative(row[5], "OHLC vwap");
        return new Candle
        {
            OpenedAt = openedAt,
            ClosedAt = openedAt + interval,
            Open = reader.Positive(row[1], "OHLC open"),
            High = reader.Positive(row[2], "OHLC high"),
            Low = reader.Positive(row[3], "OHLC low"),
            Close = reader.Positive(row[4], "OHLC close"),
            Volume = volume,
            QuoteVolume = vwap * volume,
            TradeCount = (int)count,

            // Kraken leaves out intervals without trades; should it ever send one, it is a flat candle by Candle's definition.
            IsSynthetic = count == 0,
        };
    }

    private static IEnumerable<string> ErrorArray(JsonElement root, RestResponseReader reader)
    {
        // Successful responses carry "error": []; a missing array is read as no errors.
        if (!root.TryGetProperty("error", out var array))
        {
            yield break;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw reader.Malformed($"'error' is {array.ValueKind}, expected Array");
        }

        foreach (var entry in array.EnumerateArray())
        {
            yield return entry.ValueKind == JsonValueKind.String ? entry.GetString()! : entry.GetRawText();
        }
    }

    private static IReadOnlyList<string>? TryReadErrors(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var array)
                && array.ValueKind == JsonValueKind.Array
                ? array.EnumerateArray().Select(e => e.ToString()).Where(e => !IsWarning(e)).ToList()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Entries look like "<E|W><Category>:<message>[:extra]"; W is a warning, anything else fails the call.
    private static bool IsWarning(string entry) => entry.StartsWith('W');

    private static bool IsRateLimitError(string error) =>
        error.StartsWith("EAPI:Rate limit exceeded", StringComparison.Ordinal)
        || error.StartsWith("EOrder:Rate limit exceeded", StringComparison.Ordinal)
        || error.StartsWith("EGeneral:Too many requests", StringComparison.Ordinal)
        || error.StartsWith("EGeneral:Temporary lockout", StringComparison.Ordinal)
        || IsThrottled(error);

    // Kraken documents this one with spaces after the colons ("EService: Throttled: <unix ts>").
    private static bool IsThrottled(string error) =>
        error.StartsWith("EService:", StringComparison.Ordinal) && error.Contains("Throttled", StringComparison.Ordinal);

    // EService covers Unavailable, Busy, Throttled, Deadline elapsed and market-mode errors: all pass with time.
    private static bool IsRetryableError(string error) =>
        IsRateLimitError(error)
        || error.StartsWith("EService:", StringComparison.Ordinal)
        || error.StartsWith("EGeneral:Internal error", StringComparison.Ordinal);
}
