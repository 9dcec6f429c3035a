using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Trading.Cli.Tests.Download;

/// <summary>
/// A real Kestrel server on a free loopback port serving one product's candle history the way the venues do:
/// Coinbase <c>/api/v3/brokerage/market/products/{id}/candles</c> (buckets in [start, end), newest first) and Kraken
/// <c>/0/public/OHLC</c> (rows after <c>since</c>, at most <see cref="KrakenPageSize"/> of the most recent ones, the last
/// one still forming). Requests after <see cref="FailFromRequest"/> get a venue error.
/// </summary>
internal sealed class FakeHistoryServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly WebApplication _app;
    private readonly IReadOnlyList<HistoryRow> _rows;
    private int _count;

    private FakeHistoryServer(WebApplication app, IReadOnlyList<HistoryRow> rows)
    {
        _app = app;
        _rows = rows;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Kraken's cap: only this many of the newest rows (the forming one included) are ever returned.</summary>
    public int KrakenPageSize { get; init; } = 720;

    /// <summary>1-based number of the first request that fails; null never fails.</summary>
    public int? FailFromRequest { get; set; }

    public static async Task<FakeHistoryServer> StartAsync(IReadOnlyList<HistoryRow> rows, int krakenPageSize = 720)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeHistoryServer(app, rows) { KrakenPageSize = krakenPageSize };
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.Single() + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        _requests.Enqueue(context.Request.Path + context.Request.QueryString);
        var number = Interlocked.Increment(ref _count);
        var kraken = context.Request.Path.StartsWithSegments("/0/public/OHLC");
        context.Response.ContentType = "application/json";
        if (number >= FailFromRequest)
        {
            context.Response.StatusCode = kraken ? 200 : 503;
            await context.Response.WriteAsync(kraken
                ? """{"error":["EService:Unavailable"]}"""
                : """{"error":"UNAVAILABLE","code":14,"message":"try later"}""");
            return;
        }

        await context.Response.WriteAsync(kraken ? KrakenBody(context.Request.Query) : CoinbaseBody(context.Request.Query));
    }

    private string CoinbaseBody(IQueryCollection query)
    {
        var start = DateTimeOffset.FromUnixTimeSeconds(long.Parse(query["start"]!, CultureInfo.InvariantCulture));
        var end = DateTimeOffset.FromUnixTimeSeconds(long.Parse(query["end"]!, CultureInfo.InvariantCulture));
        var rows = _rows.Where(r => r.Start >= start && r.Start < end).OrderByDescending(r => r.Start).Select(r =>
            $$"""{"start":"{{r.Start.ToUnixTimeSeconds()}}","low":"{{r.Low}}","high":"{{r.High}}","open":"{{r.Open}}","close":"{{r.Close}}","volume":"{{r.Volume}}"}""");
        return $$"""{"candles":[{{string.Join(",", rows)}}]}""";
    }

    private string KrakenBody(IQueryCollection query)
    {
        var since = query.TryGetValue("since", out var value) ? long.Parse(value!, CultureInfo.InvariantCulture) : long.MinValue;
        var rows = _rows.Where(r => r.Start.ToUnixTimeSeconds() > since).TakeLast(KrakenPageSize).ToList();
        var body = new StringBuilder("""{"error":[],"result":{"XXBTZUSD":[""");
        body.AppendJoin(',', rows.Select(r =>
            $"""[{r.Start.ToUnixTimeSeconds()},"{r.Open}","{r.High}","{r.Low}","{r.Close}","{r.Close}","{r.Volume}",7]"""));

        // As on Kraken, `last` is the start of the last committed (finished) row.
        var last = rows.Count > 1 ? rows[^2].Start.ToUnixTimeSeconds() : since == long.MinValue ? 0 : since;
        body.Append(CultureInfo.InvariantCulture, $$$"""],"last":{{{last}}}}}""");
        return body.ToString();
    }
}
