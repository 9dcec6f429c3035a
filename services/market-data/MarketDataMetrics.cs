using System.Diagnostics;
using System.Diagnostics.Metrics;
using Trading.Contracts.MarketData;
using Trading.ServiceDefaults.Telemetry;

namespace Trading.MarketData;

/// <summary>The counters of market-data, on the service meter <c>Trading.MarketData</c>.</summary>
public sealed class MarketDataMetrics(ServiceTelemetry telemetry)
{
    public const string TradesPublishedName = "trading.marketdata.trades_published";
    public const string BatchesName = "trading.marketdata.batches";
    public const string MalformedLinesName = "trading.marketdata.malformed_lines";
    public const string VenueToPublishLatencyName = "trading.marketdata.venue_to_publish_latency";

    private readonly Counter<long> _tradesPublished =
        telemetry.Meter.CreateCounter<long>(TradesPublishedName, "{trade}", "Trades published in TradesReceived batches");

    private readonly Counter<long> _batches =
        telemetry.Meter.CreateCounter<long>(BatchesName, "{batch}", "TradesReceived batches published");

    private readonly Counter<long> _malformedLines =
        telemetry.Meter.CreateCounter<long>(MalformedLinesName, "{line}", "Lines of a replay file that were skipped as malformed");

    private readonly Histogram<double> _venueToPublishLatency =
        telemetry.Meter.CreateHistogram<double>(
            VenueToPublishLatencyName,
            "ms",
            "Live trades only: from the venue's trade time to the commit of its TradesReceived batch in the outbox",
            advice: new InstrumentAdvice<double>
            {
                HistogramBucketBoundaries = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000, 60_000, 300_000],
            });

    public void BatchPublished(string venue, string symbol, int trades)
    {
        var tags = new TagList { { "venue", venue }, { "symbol", symbol } };
        _batches.Add(1, tags);
        _tradesPublished.Add(trades, tags);
    }

    /// <summary>
    /// Records, for every trade of a live batch, the time from its venue time to <paramref name="committedAt"/>. Venue clocks
    /// run a little apart from ours, so a value can be slightly negative; it is recorded as it is rather than hidden.
    /// </summary>
    public void BatchCommitted(string venue, string symbol, IReadOnlyList<Trade> trades, DateTimeOffset committedAt)
    {
        var tags = new TagList { { "venue", venue }, { "symbol", symbol } };
        foreach (var trade in trades)
        {
            _venueToPublishLatency.Record((committedAt - trade.ExchangeTime).TotalMilliseconds, tags);
        }
    }

    public void MalformedLine(string venue, string symbol) =>
        _malformedLines.Add(1, new TagList { { "venue", venue }, { "symbol", symbol } });
}
