using System.Net;
using System.Text.Json;
using Trading.Contracts.MarketData;
using Trading.Markets;

namespace Trading.MarketData.Exchange.Rest;

/// <summary>
/// Coinbase Advanced Trade public market REST (no auth) for gap backfill and history. <see cref="HttpClient.BaseAddress"/>
/// is the API root (<c>https://api.coinbase.com/</c>); products are Coinbase product ids (<c>BTC-USD</c>).
/// Never retries: failures throw <see cref="VenueRequestException"/>, transport failures <see cref="HttpRequestException"/>.
/// </summary>
public sealed class CoinbaseRestClient
{
    public const string Venue = "COINBASE";

    /// <summary>Coinbase refuses a candle request spanning more buckets than this.</summary>
    public const int MaxCandlesPerRequest = 350;

    private const string ProductsPath = "api/v3/brokerage/market/products/";

    private static readonly Dictionary<string, int> GranularitySeconds = new(StringComparer.Ordinal)
    {
        ["ONE_MINUTE"] = 60,
        ["FIVE_MINUTE"] = 300,
        ["FIFTEEN_MINUTE"] = 900,
        ["THIRTY_MINUTE"] = 1800,
        ["ONE_HOUR"] = 3600,
        ["TWO_HOUR"] = 7200,
        ["FOUR_HOUR"] = 14400,
        ["SIX_HOUR"] = 21600,
        ["ONE_DAY"] = 86400,
    };

    private readonly HttpClient _http;
    private readonly RequestPacer _pacer;

    /// <param name="pacer">Shared per IP; by default one request per <see cref="DefaultSpacing"/> on the system clock.</param>
    public CoinbaseRestClient(HttpClient httpClient, RequestPacer? pacer = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        if (httpClient.BaseAddress is null)
        {
            throw new ArgumentException("HttpClient.BaseAddress must be the Coinbase API root, e.g. https://api.coinbase.com/.", nameof(httpClient));
        }

        _http = httpClient;
        _pacer = pacer ?? new RequestPacer(DefaultSpacing, TimeProvider.System);
    }

    /// <summary>Public endpoints allow 10 requests per second per IP.</summary>
    public static TimeSpan DefaultSpacing { get; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Candles whose bucket starts in [<paramref name="start"/>, <paramref name="end"/>), oldest first. Coinbase sends no
    /// row for a bucket without trades and reports no trade count (<see cref="Candle.TradeCount"/> is 0). A bucket still
    /// open at <paramref name="end"/> comes back with its values so far: ask only up to a closed boundary for final candles.
    /// </summary>
    /// <param name="granularity"><c>ONE_MINUTE</c>, <c>FIVE_MINUTE</c>, <c>FIFTEEN_MINUTE</c>, <c>THIRTY_MINUTE</c>,
    /// <c>ONE_HOUR</c>, <c>TWO_HOUR</c>, <c>FOUR_HOUR</c>, <c>SIX_HOUR</c> or <c>ONE_DAY</c>.</param>
    /// <exception cref="ArgumentException">Unknown granularity, an empty range, or more than <see cref="MaxCandlesPerRequest"/> buckets.</exception>
    public async Task<IReadOnlyList<Candle>> GetCandlesAsync(
        string productId, string granularity, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        if (!GranularitySeconds.TryGetValue(granularity, out var bucketSeconds))
        {
            throw new ArgumentException(
                $"'{granularity}' is not a Coinbase granularity; use one of {string.Join(", ", GranularitySeconds.Keys)}.", nameof(granularity));
        }

        var startSeconds = start.ToUnixTimeSeconds();
        var endSeconds = end.ToUnixTimeSeconds();
        if (endSeconds <= startSeconds)
        {
            throw new ArgumentException($"end ({end:O}) must be at least a second after start ({start:O}).", nameof(end));
        }

        var buckets = (endSeconds - startSeconds + bucketSeconds - 1) / bucketSeconds;
        if (buckets > MaxCandlesPerRequest)
        {
            throw new ArgumentException(
                $"The range spans {buckets} {granularity} buckets; Coinbase returns at most {MaxCandlesPerRequest} per call, so split it.", nameof(end));
        }

        var endpoint = $"/{ProductsPath}{{product_id}}/candles";
        var reader = new RestResponseReader(Venue, endpoint);
        var path = $"{ProductsPath}{Uri.EscapeDataString(productId)}/candles?start={startSeconds}&end={endSeconds}&granularity={granularity}";

        using var document = await GetAsync(path, endpoint, reader, cancellationToken).ConfigureAwait(false);
        var rows = reader.Property(document.RootElement, "candles", JsonValueKind.Array);

        var interval = TimeSpan.FromSeconds(bucketSeconds);
        var candles = new List<Candle>(rows.GetArrayLength());
        foreach (var row in rows.EnumerateArray())
        {
            var openedAt = reader.UnixSeconds(reader.Int64(Field(row, "start", reader), "candle start"), "candle start");
            candles.Add(new Candle
            {
                OpenedAt = openedAt,
                ClosedAt = openedAt + interval,
                Open = reader.Positive(Field(row, "open", reader), "candle open"),
                High = reader.Positive(Field(row, "high", reader), "candle high"),
                Low = reader.Positive(Field(row, "low", reader), "candle low"),
                Close = reader.Positive(Field(row, "close", reader), "candle close"),
                Volume = reader.NonNegative(Field(row, "volume", reader), "candle volume"),
                TradeCount = 0,
                IsSynthetic = false,
            });
        }

        // Coinbase sends newest first.
        return [.. candles.OrderBy(c => c.OpenedAt)];
    }

    /// <summary>The most recent trades of a product, oldest first, with <see cref="VenueTrade.Side"/> the taker side.</summary>
    public async Task<IReadOnlyList<VenueTrade>> GetTradesAsync(string productId, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);

        var endpoint = $"/{ProductsPath}{{product_id}}/ticker";
        var reader = new RestResponseReader(Venue, endpoint);
        var path = $"{ProductsPath}{Uri.EscapeDataString(productId)}/ticker?limit={limit}";

        using var document = await GetAsync(path, endpoint, reader, cancellationToken).ConfigureAwait(false);
        var rows = reader.Property(document.RootElement, "trades", JsonValueKind.Array);

        var trades = new List<VenueTrade>(rows.GetArrayLength());
        foreach (var row in rows.EnumerateArray())
        {
            trades.Add(new VenueTrade(
                VenueSymbol: productId,
                TradeId: reader.Id(Field(row, "trade_id", reader), "trade_id"),
                Price: reader.Positive(Field(row, "price", reader), "trade price"),
                Quantity: reader.Positive(Field(row, "size", reader), "trade size"),
                Side: TakerSide(reader.String(Field(row, "side", reader), "trade side"), reader),
                ExchangeTime: reader.IsoTime(Field(row, "time", reader), "trade time")));
        }

        // Coinbase sends newest first; reversing before the stable sort keeps same-time trades in venue order.
        trades.Reverse();
        return [.. trades.OrderBy(t => t.ExchangeTime)];
    }

    // `side` is the MAKER order's side, as on the WebSocket market_trades channel (see CoinbaseFrameParser): BUY means a
    // resting bid was hit, so the taker sold.
    private static TradeSide TakerSide(string side, RestResponseReader reader) => side switch
    {
        "BUY" => TradeSide.Sell,
        "SELL" => TradeSide.Buy,
        _ => throw reader.Malformed($"trade side '{side}' is neither BUY nor SELL"),
    };

    private static JsonElement Field(JsonElement row, string name, RestResponseReader reader) =>
        row.ValueKind == JsonValueKind.Object && row.TryGetProperty(name, out var value) ? value : throw reader.Malformed($"missing '{name}'");

    private async Task<JsonDocument> GetAsync(string path, string endpoint, RestResponseReader reader, CancellationToken cancellationToken)
    {
        await _pacer.WaitAsync(cancellationToken).ConfigureAwait(false);

        using var response = await _http.GetAsync(path, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);

        if (!response.IsSuccessStatusCode)
        {
            var status = response.StatusCode;
            var rateLimited = status == HttpStatusCode.TooManyRequests;
            throw new VenueRequestException(
                Venue,
                endpoint,
                [ErrorText(body) ?? $"HTTP {(int)status} {response.ReasonPhrase}".TrimEnd()],
                rateLimited,
                isRetryable: rateLimited || (int)status >= 500 || status == HttpStatusCode.RequestTimeout,
                status,
                RetryAfterHeader.Read(response, _pacer.TimeProvider));
        }

        return reader.Parse(body);
    }

    // Error bodies look like {"error":"UNAUTHORIZED","code":16,"message":"Unauthorized"} (gRPC status style).
    private static string? ErrorText(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return (error, message) switch
            {
                ({ Length: > 0 }, { Length: > 0 }) => $"{error}: {message}",
                ({ Length: > 0 }, _) => error,
                (_, { Length: > 0 }) => message,
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
