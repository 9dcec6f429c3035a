using Microsoft.Extensions.Logging.Abstractions;
using Trading.Contracts.MarketData;
using Trading.FakeVenues;
using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Connection;
using Trading.MarketData.Exchange.Kraken;

namespace Trading.MarketData.Tests.Exchange.Connection;

public sealed class VenueConnectionMetricsTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 11, 10, 17, 0, 0, TimeSpan.Zero);

    private readonly MeasurementRecorder _recorder = new();

    public void Dispose() => _recorder.Dispose();

    [Fact]
    public void Counts_every_frame_by_venue_and_kind()
    {
        var metrics = new VenueConnectionMetrics(_recorder.Telemetry);

        metrics.FrameReceived(Venues.Kraken, Frame(FrameKind.Heartbeat));
        metrics.FrameReceived(Venues.Kraken, Frame(FrameKind.Heartbeat));
        metrics.FrameReceived(Venues.Kraken, Frame(FrameKind.Malformed));
        metrics.FrameReceived(Venues.Coinbase, Frame(FrameKind.VenueError));
        metrics.FrameReceived(Venues.Coinbase, FrameKind.Malformed);

        Assert.Equal(2, _recorder.Sum(VenueConnectionMetrics.FramesName, ("venue", Venues.Kraken), ("kind", "heartbeat")));
        Assert.Equal(1, _recorder.Sum(VenueConnectionMetrics.FramesName, ("venue", Venues.Kraken), ("kind", "malformed")));
        Assert.Equal(1, _recorder.Sum(VenueConnectionMetrics.FramesName, ("venue", Venues.Coinbase), ("kind", "venue_error")));
        Assert.Equal(1, _recorder.Sum(VenueConnectionMetrics.FramesName, ("venue", Venues.Coinbase), ("kind", "malformed")));
        Assert.Empty(_recorder.Of(VenueConnectionMetrics.TradesReceivedName));
    }

    [Fact]
    public void Counts_received_trades_by_venue_and_normalised_symbol()
    {
        var metrics = new VenueConnectionMetrics(_recorder.Telemetry);

        metrics.FrameReceived(Venues.Coinbase, Frame(FrameKind.Trades, "BTC-USD", "BTC-USD", "ETH-USD", "BTC-USD"));
        metrics.FrameReceived(Venues.Kraken, Frame(FrameKind.Trades, "BTC/USD"));
        metrics.FrameReceived(Venues.Kraken, Frame(FrameKind.Trades, "NOT/LISTED"));

        Assert.Equal(3, _recorder.Sum(VenueConnectionMetrics.TradesReceivedName, ("venue", Venues.Coinbase), ("symbol", "BTC/USD")));
        Assert.Equal(1, _recorder.Sum(VenueConnectionMetrics.TradesReceivedName, ("venue", Venues.Coinbase), ("symbol", "ETH/USD")));
        Assert.Equal(1, _recorder.Sum(VenueConnectionMetrics.TradesReceivedName, ("venue", Venues.Kraken), ("symbol", "BTC/USD")));
        Assert.Equal(1, _recorder.Sum(VenueConnectionMetrics.TradesReceivedName, ("venue", Venues.Kraken), ("symbol", "NOT/LISTED")));
        Assert.Equal(3, _recorder.Sum(VenueConnectionMetrics.FramesName, ("kind", "trades")));
    }

    [Fact]
    public async Task A_live_connection_counts_the_frames_and_trades_it_receives_from_the_venue()
    {
        await using var server = await FakeKrakenSpotServer.StartAsync(TimeSpan.FromMinutes(10));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var observer = new RecordingObserver();
        var connection = new VenueConnection(
            new KrakenSpotProtocol(new KrakenSpotProtocolOptions { Endpoint = server.Endpoint, SilenceTimeout = TimeSpan.FromSeconds(30) }),
            new ReconnectPolicy(new ReconnectPolicyOptions(), TimeProvider.System, new FixedRandom(1.0)),
            new VenueConnectionMetrics(_recorder.Telemetry),
            TimeProvider.System,
            NullLogger<VenueConnection>.Instance);
        var running = connection.RunAsync(["BTC/USD"], observer, stop.Token);
        await WaitUntil(() => observer.StateSequence.Contains(VenueConnectionState.Live), stop.Token);

        await server.SendTradeAsync("BTC/USD", 64123.4m, 0.01m, 1, stop.Token);
        await server.SendTradeAsync("BTC/USD", 64123.5m, 0.02m, 2, stop.Token);
        var garbage = await server.SendGarbageAsync("BTC/USD", stop.Token);
        await WaitUntil(() => _recorder.Sum(VenueConnectionMetrics.FramesName, ("kind", "malformed")) == garbage, stop.Token);
        await stop.CancelAsync();
        await running;

        Assert.Equal(2, observer.Trades.Count);
        Assert.Equal(2, _recorder.Sum(VenueConnectionMetrics.TradesReceivedName, ("venue", Venues.Kraken), ("symbol", "BTC/USD")));
        Assert.Equal(2, _recorder.Sum(VenueConnectionMetrics.FramesName, ("venue", Venues.Kraken), ("kind", "trades")));
        Assert.Equal(1, _recorder.Sum(VenueConnectionMetrics.FramesName, ("venue", Venues.Kraken), ("kind", "status")));
        Assert.Equal(
            server.ClientFrames.Count(f => f.Text.Contains("\"subscribe\"", StringComparison.Ordinal)),
            _recorder.Sum(VenueConnectionMetrics.FramesName, ("venue", Venues.Kraken), ("kind", "subscribed")));
        Assert.Equal(garbage, _recorder.Sum(VenueConnectionMetrics.FramesName, ("venue", Venues.Kraken), ("kind", "malformed")));
    }

    private static ParsedFrame Frame(FrameKind kind, params string[] tradeSymbols)
    {
        var frame = new ParsedFrame { Kind = kind };
        var id = 0;
        foreach (var symbol in tradeSymbols)
        {
            frame.Trades.Add(new VenueTrade(symbol, (++id).ToString(System.Globalization.CultureInfo.InvariantCulture), 1m, 1m, TradeSide.Buy, T0));
        }

        return frame;
    }

    private static async Task WaitUntil(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(10, cancellationToken);
        }
    }
}
