using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Trading.Contracts.MarketData;
using Trading.MarketData.Exchange;
using Trading.MarketData.Live;

namespace Trading.MarketData.Tests;

public sealed class MarketDataMetricsTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 11, 10, 17, 0, 0, TimeSpan.Zero);

    private readonly MeasurementRecorder _recorder = new();

    public void Dispose() => _recorder.Dispose();

    [Fact]
    public void Venue_to_publish_latency_is_recorded_in_milliseconds_for_every_trade_of_a_batch()
    {
        var metrics = new MarketDataMetrics(_recorder.Telemetry);
        var trades = new[] { TradeAt(T0), TradeAt(T0.AddMilliseconds(250.5)), TradeAt(T0.AddSeconds(2)) };

        metrics.BatchCommitted("KRAKEN", "BTC/USD", trades, T0.AddSeconds(2).AddMilliseconds(40));

        var latencies = _recorder.Of(MarketDataMetrics.VenueToPublishLatencyName);
        Assert.Equal([2040d, 1789.5d, 40d], latencies.Select(m => m.Value));
        Assert.All(latencies, m => Assert.Equal(("KRAKEN", "BTC/USD"), (m.Tags["venue"], m.Tags["symbol"])));
    }

    [Fact]
    public void Feed_gauges_show_each_venues_status_as_one_of_five_and_the_seconds_since_its_last_published_trade()
    {
        var clock = new ManualTimeProvider(T0);
        var metrics = new MarketDataMetrics(_recorder.Telemetry, clock);
        metrics.StatusChanged("KRAKEN", FeedStatus.Down);
        metrics.StatusChanged("KRAKEN", FeedStatus.Live);
        metrics.StatusChanged("COINBASE", FeedStatus.Stale);
        metrics.BatchPublished("KRAKEN", "BTC/USD", 3);
        clock.Advance(TimeSpan.FromSeconds(7.5));

        _recorder.Observe();

        var status = _recorder.Of(MarketDataMetrics.FeedStatusName).ToDictionary(m => (m.Tags["venue"], m.Tags["status"]), m => m.Value);
        Assert.Equal(10, status.Count);
        Assert.Equal(1d, status[("KRAKEN", "Live")]);
        Assert.Equal(1d, status[("COINBASE", "Stale")]);
        Assert.Equal(2d, status.Values.Sum());
        var age = Assert.Single(_recorder.Of(MarketDataMetrics.LastTradeAgeName));
        Assert.Equal((7.5d, "KRAKEN", "BTC/USD"), (age.Value, age.Tags["venue"], age.Tags["symbol"]));
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task Outbox_sink_records_the_latency_from_venue_time_to_the_commit_of_each_batch()
    {
        var clock = new ManualTimeProvider(T0.AddSeconds(10));
        await using var database = await TestDatabase.CreateAsync(clock);
        var sink = new OutboxMarketDataSink(
            database.Outbox,
            Options.Create(new LiveFeedOptions { BatchSize = 2 }),
            clock,
            new MarketDataMetrics(_recorder.Telemetry),
            NullLogger<OutboxMarketDataSink>.Instance);

        await sink.PublishTradesAsync(
            "KRAKEN", "BTC/USD", [Venue("1", T0.AddSeconds(9)), Venue("2", T0.AddSeconds(9.75))], T0.AddSeconds(10), CancellationToken.None);
        await sink.PublishTradesAsync("KRAKEN", "BTC/USD", [Venue("3", T0.AddSeconds(9.9))], T0.AddSeconds(10), CancellationToken.None);

        Assert.Equal([1000d, 250d], _recorder.Of(MarketDataMetrics.VenueToPublishLatencyName).Select(m => m.Value));
        Assert.Single(await database.MessagesAsync<TradesReceived>());
        Assert.Equal(2, _recorder.Sum(MarketDataMetrics.TradesPublishedName, ("venue", "KRAKEN"), ("symbol", "BTC/USD")));
    }

    private static Trade TradeAt(DateTimeOffset exchangeTime) =>
        MarketDataMessages.ToTrade(Venue("1", exchangeTime), exchangeTime);

    private static VenueTrade Venue(string id, DateTimeOffset exchangeTime) =>
        new("BTC/USD", id, 64000m, 0.1m, TradeSide.Buy, exchangeTime);
}
