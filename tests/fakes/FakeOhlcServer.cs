using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Trading.FakeVenues;

/// <summary>
/// A real Kestrel server on a free loopback port serving a one-minute tape as both venues' REST candle history, at every
/// length they serve, aggregated from the tape, in the shapes of the real responses in the shared fixtures:
/// Kraken <c>/0/public/OHLC</c> (rows after <c>since</c>, only the <see cref="KrakenMaxRows"/> most recent, the last one still
/// forming, keyed by the pair asked) and Coinbase <c>/api/v3/brokerage/market/products/{id}/candles</c> (buckets starting in
/// [start, end), newest first, without VWAP or count). Rows after the clock's now do not exist yet. A scripted failure answers
/// the next request instead.
/// </summary>
public sealed class FakeOhlcServer : IAsyncDisposable
{
    private static readonly Dictionary<string, TimeSpan> CoinbaseGranularities = new(StringComparer.Ordinal)
    {
        ["ONE_MINUTE"] = TimeSpan.FromMinutes(1),
        ["FIVE_MINUTE"] = TimeSpan.FromMinutes(5),
        ["FIFTEEN_MINUTE"] = TimeSpan.FromMinutes(15),
        ["THIRTY_MINUTE"] = TimeSpan.FromMinutes(30),
        ["ONE_HOUR"] = TimeSpan.FromHours(1),
        ["TWO_HOUR"] = TimeSpan.FromHours(2),
        ["SIX_HOUR"] = TimeSpan.FromHours(6),
        ["ONE_DAY"] = TimeSpan.FromDays(1),
    };

    private static readonly int[] KrakenMinutes = [1, 5, 15, 30, 60, 240, 1440, 10080, 21600];

    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<(int Status, byte[] Body)> _failures = new();
    private readonly WebApplication _app;
    private readonly IReadOnlyList<FakeOhlcRow> _tape;
    private readonly Func<DateTimeOffset> _now;

    private FakeOhlcServer(WebApplication app, IReadOnlyList<FakeOhlcRow> tape, Func<DateTimeOffset> now)
    {
        _app = app;
        _tape = [.. tape.OrderBy(r => r.Start)];
        _now = now;
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Path and query of every request received, in arrival order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Kraken's cap: only this many of the most recent rows of a length, the forming one included, are ever returned.</summary>
    public int KrakenMaxRows { get; set; } = 720;

    /// <summary>
    /// When set, Kraken answers only this many rows after <c>since</c> (the oldest ones), as if it paged; its last row, which the
    /// client takes for the forming one, comes again on the next page.
    /// </summary>
    public int? KrakenPageRows { get; set; }

    /// <param name="tape">One-minute rows; a minute without a row had no trade.</param>
    /// <param name="now">The venue's clock: the row containing it is still forming, later rows do not exist yet.</param>
    public static async Task<FakeOhlcServer> StartAsync(IReadOnlyList<FakeOhlcRow> tape, Func<DateTimeOffset> now)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeOhlcServer(app, tape, now);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.Single() + "/");
        return server;
    }

    /// <summary>The next request gets this answer instead of candles (for example a venue error fixture).</summary>
    public void FailNext(byte[] body, int status = 200) => _failures.Enqueue((status, body));

    /// <summary>The tape's rows of <paramref name="length"/> starting in [<paramref name="from"/>, <paramref name="to"/>), aggregated as the venues do.</summary>
    public IReadOnlyList<FakeOhlcRow> Aggregated(TimeSpan length, DateTimeOffset from, DateTimeOffset to) =>
        [.. _tape
            .Where(r => r.Start <= _now())
            .GroupBy(r => Floor(r.Start, length))
            .Where(g => g.Key >= from && g.Key < to)
            .Select(g => Aggregate(g.Key, [.. g]))
            .OrderBy(r => r.Start)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        _requests.Enqueue(context.Request.Path + context.Request.QueryString);
        context.Response.ContentType = "application/json";
        if (_failures.TryDequeue(out var failure))
        {
            context.Response.StatusCode = failure.Status;
            await context.Response.Body.WriteAsync(failure.Body);
            return;
        }

        var (status, body) = context.Request.Path.StartsWithSegments("/0/public/OHLC")
            ? Kraken(context.Request.Query)
            : Coinbase(context.Request.Query);
        context.Response.StatusCode = status;
        await context.Response.WriteAsync(body);
    }

    private (int Status, string Body) Kraken(IQueryCollection query)
    {
        if (!int.TryParse(query["interval"], CultureInfo.InvariantCulture, out var minutes) || Array.IndexOf(KrakenMinutes, minutes) < 0)
        {
            return (200, Encoding(KrakenFixtures.ReadBytes("spot-rest/error.EGeneral-Invalid-arguments.json")));
        }

        var length = TimeSpan.FromMinutes(minutes);
        var since = query.TryGetValue("since", out var value) ? long.Parse(value!, CultureInfo.InvariantCulture) : long.MinValue;
        var oldest = Floor(_now(), length) - (length * (KrakenMaxRows - 1));
        var rows = Aggregated(length, oldest, DateTimeOffset.MaxValue).Where(r => r.Start.ToUnixTimeSeconds() > since).ToList();
        if (KrakenPageRows is { } pageRows)
        {
            rows = [.. rows.Take(pageRows)];
        }

        // The real response, its rows replaced: [time, open, high, low, close, vwap, volume, count], `last` the newest committed row.
        var response = JsonNode.Parse(KrakenFixtures.ReadBytes("spot-rest/public-ohlc.response.json"))!.AsObject();
        var result = new JsonObject
        {
            [query["pair"].ToString()] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonArray(
                r.Start.ToUnixTimeSeconds(), Text(r.Open), Text(r.High), Text(r.Low), Text(r.Close), Text(r.Vwap), Text(r.Volume), r.Count))]),
            ["last"] = rows.Count > 1 ? rows[^2].Start.ToUnixTimeSeconds() : since == long.MinValue ? 0 : since,
        };
        response["result"] = result;
        return (200, response.ToJsonString());
    }

    private (int Status, string Body) Coinbase(IQueryCollection query)
    {
        if (!CoinbaseGranularities.TryGetValue(query["granularity"].ToString(), out var length))
        {
            return (400, """{"error":"INVALID_ARGUMENT","code":3,"message":"Unsupported granularity"}""");
        }

        var start = DateTimeOffset.FromUnixTimeSeconds(long.Parse(query["start"]!, CultureInfo.InvariantCulture));
        var end = DateTimeOffset.FromUnixTimeSeconds(long.Parse(query["end"]!, CultureInfo.InvariantCulture));
        var rows = Aggregated(length, start, end).Reverse();

        // The real response's shape: {"candles":[{"start","low","high","open","close","volume"}]}, all strings.
        var template = JsonNode.Parse(CoinbaseFixtures.ReadBytes("advanced-trade-rest/candles.response.json"))!.AsObject();
        var sample = template["candles"]![0]!.AsObject();
        template["candles"] = new JsonArray([.. rows.Select(r =>
        {
            var candle = sample.DeepClone().AsObject();
            candle["start"] = r.Start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            candle["low"] = Text(r.Low);
            candle["high"] = Text(r.High);
            candle["open"] = Text(r.Open);
            candle["close"] = Text(r.Close);
            candle["volume"] = Text(r.Volume);
            return (JsonNode)candle;
        })]);
        return (200, template.ToJsonString());
    }

    private static FakeOhlcRow Aggregate(DateTimeOffset start, IReadOnlyList<FakeOhlcRow> rows)
    {
        var volume = rows.Sum(r => r.Volume);
        var vwap = volume == 0m ? rows[^1].Close : rows.Sum(r => r.Vwap * r.Volume) / volume;
        return new FakeOhlcRow(
            start, rows[0].Open, rows.Max(r => r.High), rows.Min(r => r.Low), rows[^1].Close, decimal.Round(vwap, 8), volume, rows.Sum(r => r.Count));
    }

    private static DateTimeOffset Floor(DateTimeOffset time, TimeSpan length) =>
        new(time.UtcTicks - (time.UtcTicks % length.Ticks), TimeSpan.Zero);

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Encoding(byte[] body) => System.Text.Encoding.UTF8.GetString(body);
}
