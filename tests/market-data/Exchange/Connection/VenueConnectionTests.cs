using System.Text;
using System.Text.RegularExpressions;
using Trading.FakeVenues;
using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Connection;
using Trading.MarketData.Exchange.Kraken;

namespace Trading.MarketData.Tests.Exchange.Connection;

public sealed partial class VenueConnectionTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private readonly RecordingObserver _observer = new();
    private readonly RecordingLogger<VenueConnection> _logger = new();
    private readonly MeasurementRecorder _counters = new();
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(20));
    private FakeKrakenSpotServer _server = null!;
    private Task _running = Task.CompletedTask;

    public async Task InitializeAsync() => _server = await FakeKrakenSpotServer.StartAsync(TimeSpan.FromMilliseconds(50));

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        await _server.DisposeAsync();
        _counters.Dispose();
        _stop.Dispose();
    }

    [Fact]
    public async Task Trades_arrive_at_the_observer_with_exact_decimals_after_connecting_and_going_live()
    {
        Start(["BTC/USD"]);
        await WaitUntil(() => _observer.StateSequence.Contains(VenueConnectionState.Live));

        await _server.SendTradeAsync("BTC/USD", 64123.45678m, 0.00012345m, 101, _stop.Token);
        await _server.SendTradeAsync("BTC/USD", 0.5117m, 40.0m, 102, _stop.Token, fragmentBytes: 7);
        await WaitUntil(() => _observer.Trades.Count == 2);

        Assert.Equal([VenueConnectionState.Connecting, VenueConnectionState.Live], _observer.StateSequence);
        Assert.Equal(
            [("BTC/USD", "101", 64123.45678m, 0.00012345m), ("BTC/USD", "102", 0.5117m, 40.0m)],
            _observer.Trades.Select(t => (t.VenueSymbol, t.TradeId, t.Price, t.Quantity)));
    }

    [Fact]
    public async Task Server_closing_mid_stream_reports_down_then_reconnects_and_subscribes_again()
    {
        Start(["BTC/USD"]);
        await WaitUntil(() => _observer.StateSequence.Contains(VenueConnectionState.Live));
        await _server.SendTradeAsync("BTC/USD", 100.1m, 1m, 1, _stop.Token);
        await WaitUntil(() => _observer.Trades.Count == 1);

        await _server.CloseAsync(_stop.Token);
        await WaitUntil(() => _observer.StateSequence.Count(s => s == VenueConnectionState.Live) == 2);
        await _server.SendTradeAsync("BTC/USD", 100.2m, 2m, 2, _stop.Token);
        await WaitUntil(() => _observer.Trades.Count == 2);

        Assert.Equal(
            [
                VenueConnectionState.Connecting, VenueConnectionState.Live, VenueConnectionState.Down,
                VenueConnectionState.Connecting, VenueConnectionState.Live,
            ],
            _observer.StateSequence);
        Assert.Contains("maintenance", _observer.States[2].Reason, StringComparison.Ordinal);
        Assert.Equal(2, _server.ClientFrames.Count(f => f.Connection == 2 && f.Text.Contains("\"subscribe\"", StringComparison.Ordinal)));
        Assert.Equal(1, _counters.Total("trading.marketdata.reconnects", Venues.Kraken));
    }

    [Fact]
    public async Task Silent_stream_is_reported_stale_and_connected_again()
    {
        Start(["BTC/USD"], silenceTimeout: TimeSpan.FromSeconds(2));
        await WaitUntil(() => _observer.StateSequence.Contains(VenueConnectionState.Live));

        await _server.GoSilentAsync(_stop.Token);
        await WaitUntil(() => _observer.StateSequence.Count(s => s == VenueConnectionState.Live) == 2);

        Assert.Equal(
            [
                VenueConnectionState.Connecting, VenueConnectionState.Live, VenueConnectionState.Stale,
                VenueConnectionState.Connecting, VenueConnectionState.Live,
            ],
            _observer.StateSequence);
        Assert.Equal("no frame for 2 s", _observer.States[2].Reason);
        Assert.Equal(2, _server.AcceptedConnections);
    }

    [Fact]
    public async Task Garbage_truncated_and_oversized_frames_are_counted_and_logged_and_the_feed_continues()
    {
        Start(["BTC/USD"]);
        await WaitUntil(() => _observer.StateSequence.Contains(VenueConnectionState.Live));
        var truncated = Encoding.UTF8.GetBytes("""{"channel":"trade","type":"update","data":[{"symbol":"BTC/USD","price":1""");
        var oversized = Encoding.UTF8.GetBytes("{\"channel\":\"trade\",\"pad\":\"" + new string('x', VenueConnection.MaxMessageBytes) + "\"}");

        await _server.SendRawAsync("\u0001garbage{{"u8.ToArray(), _stop.Token);
        await _server.SendRawAsync(truncated, _stop.Token);
        await _server.SendRawAsync(oversized, _stop.Token, fragmentBytes: 64 * 1024);
        await _server.SendTradeAsync("BTC/USD", 42.5m, 0.1m, 7, _stop.Token);
        await WaitUntil(() => _observer.Trades.Count == 1);

        Assert.Equal(3, _counters.Total("trading.marketdata.malformed_frames", Venues.Kraken));
        Assert.Equal(3, _logger.Messages.Count(m => m.StartsWith("Malformed frame from KRAKEN", StringComparison.Ordinal)));
        Assert.All(
            _logger.Messages.Where(m => m.StartsWith("Malformed frame", StringComparison.Ordinal)),
            m => Assert.True(m.Length < 500));
        Assert.Equal(42.5m, _observer.Trades.Single().Price);
        Assert.Equal(1, _server.AcceptedConnections);
    }

    [Fact]
    public async Task Error_ack_for_an_unsupported_symbol_is_counted_logged_and_named_in_the_state_reason_and_the_feed_continues()
    {
        _server.RejectSymbol("XBT/USD");
        Start(["BTC/USD", "XBT/USD"]);
        await WaitUntil(() => _counters.Total("trading.marketdata.venue_errors", Venues.Kraken) == 2);

        await _server.SendTradeAsync("BTC/USD", 50000m, 0.5m, 9, _stop.Token);
        await WaitUntil(() => _observer.Trades.Count == 1);

        Assert.Contains(_observer.States, s => s.Reason.Contains("Currency pair not supported XBT/USD", StringComparison.Ordinal));
        Assert.Contains(_logger.Messages, m => m.StartsWith("KRAKEN reported an error: Currency pair not supported XBT/USD", StringComparison.Ordinal));
        Assert.Equal(1, _server.AcceptedConnections);
    }

    [Fact]
    public async Task Refused_connections_report_down_with_growing_backoff_until_live()
    {
        _server.RefuseNextConnections(3);

        Start(["BTC/USD"]);
        await WaitUntil(() => _observer.StateSequence.Contains(VenueConnectionState.Live));

        var states = _observer.States;
        Assert.Equal(3, states.Count(s => s.State == VenueConnectionState.Down));
        Assert.All(states.Where(s => s.State == VenueConnectionState.Down), s => Assert.Contains("503", s.Reason, StringComparison.Ordinal));
        var backoffs = states
            .Select(s => BackoffPattern().Match(s.Reason))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([20, 40, 80], backoffs);
        Assert.Equal(4, _server.ConnectionAttempts);
    }

    [Fact]
    public async Task App_ping_is_sent_every_ping_interval()
    {
        Start(["BTC/USD"], pingInterval: TimeSpan.FromMilliseconds(100));

        await WaitUntil(() => _server.ClientFrames.Count(f => f.Text == """{"method":"ping"}""") >= 2);

        Assert.Equal(1, _server.AcceptedConnections);
    }

    // Generous by default: the first connection of a test run pays for JIT and Kestrel start-up.
    private void Start(IReadOnlyList<string> symbols, TimeSpan? pingInterval = null, TimeSpan? silenceTimeout = null)
    {
        var protocol = new KrakenSpotProtocol(new KrakenSpotProtocolOptions
        {
            Endpoint = _server.Endpoint,
            SilenceTimeout = silenceTimeout ?? TimeSpan.FromSeconds(5),
            PingInterval = pingInterval ?? TimeSpan.FromMinutes(10),
        });
        var policy = new ReconnectPolicy(
            new ReconnectPolicyOptions { BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(500) },
            TimeProvider.System,
            new FixedRandom(1.0));
        var connection = new VenueConnection(protocol, policy, new VenueConnectionMetrics(_counters.Telemetry), TimeProvider.System, _logger);
        _running = connection.RunAsync(symbols, _observer, _stop.Token);
    }

    private async Task WaitUntil(Func<bool> condition)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        deadline.CancelAfter(Deadline);
        while (!condition())
        {
            Assert.False(_running.IsCompleted, "the connection loop stopped by itself");
            Assert.False(deadline.IsCancellationRequested, "condition not met before the deadline");
            await Task.Delay(10, CancellationToken.None);
        }
    }

    [GeneratedRegex(@"after (\d+) ms backoff")]
    private static partial Regex BackoffPattern();
}
