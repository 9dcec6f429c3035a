using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Trading.Contracts.MarketData;
using Trading.ServiceDefaults.Telemetry;

namespace Trading.MarketData;

/// <summary>The counters and feed gauges of market-data, on the service meter <c>Trading.MarketData</c>.</summary>
public sealed class MarketDataMetrics
{
    public const string TradesPublishedName = "trading.marketdata.trades_published";
    public const string BatchesName = "trading.marketdata.batches";
    public const string MalformedLinesName = "trading.marketdata.malformed_lines";
    public const string VenueToPublishLatencyName = "trading.marketdata.venue_to_publish_latency";
    public const string FeedStatusName = "trading.marketdata.feed_status";
    public const string LastTradeAgeName = "trading.marketdata.last_trade_age";

    private static readonly FeedStatus[] Statuses = Enum.GetValues<FeedStatus>();

    private readonly TimeProvider _timeProvider;
    private readonly Counter<long> _tradesPublished;
    private readonly Counter<long> _batches;
    private readonly Counter<long> _malformedLines;
    private readonly Histogram<double> _venueToPublishLatency;
    private readonly ConcurrentDictionary<string, FeedStatus> _status = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Venue, string Symbol), DateTimeOffset> _lastTrade = new();

    public MarketDataMetrics(ServiceTelemetry telemetry, TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
        _tradesPublished = telemetry.Meter.CreateCounter<long>(TradesPublishedName, "{trade}", "Trades published in TradesReceived batches");
        _batches = telemetry.Meter.CreateCounter<long>(BatchesName, "{batch}", "TradesReceived batches published");
        _malformedLines = telemetry.Meter.CreateCounter<long>(MalformedLinesName, "{line}", "Lines of a replay file that were skipped as malformed");
        _venueToPublishLatency = telemetry.Meter.CreateHistogram<double>(
            VenueToPublishLatencyName,
            "ms",
            "Live trades only: from the venue's trade time to the commit of its TradesReceived batch in the outbox",
            advice: new InstrumentAdvice<double>
            {
                HistogramBucketBoundaries = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000, 60_000, 300_000],
            });
        telemetry.Meter.CreateObservableGauge(
            FeedStatusName, ObserveStatus, "1", "Per venue, 1 for the feed's current status and 0 for the others (Connecting, Live, Stale, Down, Completed)");
        telemetry.Meter.CreateObservableGauge(
            LastTradeAgeName, ObserveLastTradeAge, "s", "Per venue and symbol, seconds since this instance last published a trade");
    }

    public void BatchPublished(string venue, string symbol, int trades)
    {
        var tags = new TagList { { "venue", venue }, { "symbol", symbol } };
        _batches.Add(1, tags);
        _tradesPublished.Add(trades, tags);
        _lastTrade[(venue, symbol)] = _timeProvider.GetUtcNow();
    }

    /// <summary>The venue's feed is now in <paramref name="status"/> (as announced in FeedStatusChanged).</summary>
    public void StatusChanged(string venue, FeedStatus status) => _status[venue] = status;

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

    private IEnumerable<Measurement<int>> ObserveStatus() =>
        _status.SelectMany(venue => Statuses.Select(status => new Measurement<int>(
            venue.Value == status ? 1 : 0, new KeyValuePair<string, object?>("venue", venue.Key), new KeyValuePair<string, object?>("status", status.ToString()))));

    private IEnumerable<Measurement<double>> ObserveLastTradeAge()
    {
        var now = _timeProvider.GetUtcNow();
        return _lastTrade.Select(last => new Measurement<double>(
            (now - last.Value).TotalSeconds, new KeyValuePair<string, object?>("venue", last.Key.Venue), new KeyValuePair<string, object?>("symbol", last.Key.Symbol)));
    }
}
