using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Trading.MarketData.Live.Scaling;

namespace Trading.MarketData.Tests.Live.Scaling;

public sealed class SymbolLeaseLoopTests : IDisposable
{
    private const string Me = "market-data-me";
    private static readonly string[] Symbols = ["BTC/USD", "ETH/USD", "SOL/USD", "BTC/USDT"];
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LeaseTimeout = TimeSpan.FromSeconds(15);
    private static readonly DateTimeOffset T0 = new(2025, 11, 10, 12, 0, 0, TimeSpan.Zero);

    private readonly ManualTimeProvider _clock = new(T0);
    private readonly ConcurrentQueue<string> _events = new();
    private readonly MeasurementRecorder _metrics = new();
    private readonly FakeLeaseStore _store;
    private readonly HeldSymbolsFeed _feed;
    private readonly SymbolLeaseLoop _loop;
    private readonly CancellationTokenSource _stop = new();

    public SymbolLeaseLoopTests()
    {
        _store = new FakeLeaseStore(_events);
        _feed = new HeldSymbolsFeed(RunFeedAsync);
        var coordinator = new SymbolLeaseCoordinator(_store, Me, Symbols, Heartbeat, LeaseTimeout, _clock);
        _loop = new SymbolLeaseLoop(
            coordinator, _feed, Heartbeat, LeaseTimeout, new ScalingMetrics(_metrics.Telemetry), _clock, NullLogger.Instance);
    }

    [Fact]
    public async Task A_single_instance_streams_every_symbol_and_on_stop_leaves_after_the_feed_stopped()
    {
        var running = _loop.RunAsync(_stop.Token);
        await WaitUntilAsync(() => _feed.Symbols.SetEquals(Symbols), "the feed streams every symbol");

        await _stop.CancelAsync();
        await running;

        var events = _events.ToList();
        Assert.Equal(["heartbeat", "acquire BTC/USD,BTC/USDT,ETH/USD,SOL/USD", "start BTC/USD,BTC/USDT,ETH/USD,SOL/USD"], events.Take(3));
        Assert.Equal(["stop BTC/USD,BTC/USDT,ETH/USD,SOL/USD", "leave"], events.TakeLast(2));
        Assert.Equal(4, _metrics.Sum(ScalingMetrics.HandoversName, ("change", ScalingMetrics.Acquired)));
    }

    [Fact]
    public async Task Symbols_given_up_to_a_new_instance_are_released_only_after_the_feed_stopped_them()
    {
        var running = _loop.RunAsync(_stop.Token);
        await WaitUntilAsync(() => _feed.Symbols.SetEquals(Symbols), "the feed streams every symbol");
        var share = RendezvousAssignment.SymbolsOf(Me, Symbols, [Me, "market-data-other"]);

        _store.Others = ["market-data-other"];
        _clock.Advance(Heartbeat);
        await WaitUntilAsync(() => _events.Any(e => e.StartsWith("release", StringComparison.Ordinal)), "the leases given up are released");

        var events = _events.ToList();
        var stopped = events.IndexOf("stop BTC/USD,BTC/USDT,ETH/USD,SOL/USD");
        var released = events.IndexOf("release all but " + string.Join(",", share.Order(StringComparer.Ordinal)));
        Assert.True(stopped >= 0 && released > stopped, string.Join(" | ", events));
        Assert.True(_feed.Symbols.SetEquals(share));
        Assert.Equal(Symbols.Length - share.Count, _metrics.Sum(ScalingMetrics.HandoversName, ("change", ScalingMetrics.Released)));
        Assert.Empty(_store.Overlapping);
        await _stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task A_renewal_the_database_never_answers_stops_the_feed_at_the_fence_before_the_leases_expire()
    {
        var running = _loop.RunAsync(_stop.Token);
        await WaitUntilAsync(() => _feed.Symbols.SetEquals(Symbols), "the feed streams every symbol");
        var deadline = T0 + LeaseTimeout - Heartbeat;

        _store.StopAnswering();
        _clock.Advance(Heartbeat);
        await WaitUntilAsync(() => _events.Count(e => e == "heartbeat") == 2, "the second heartbeat is sent");
        _clock.Advance(deadline - _clock.GetUtcNow() - TimeSpan.FromMilliseconds(1));
        await Task.Delay(50);
        var streamingJustBefore = _feed.Symbols.Count;
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await WaitUntilAsync(() => _events.Contains("stop BTC/USD,BTC/USDT,ETH/USD,SOL/USD"), "the feed stops at the fence deadline");
        var stoppedAt = _clock.GetUtcNow();

        Assert.Equal(Symbols.Length, streamingJustBefore);
        Assert.True(stoppedAt < T0 + LeaseTimeout, $"stopped at {stoppedAt:O}, leases expire at {T0 + LeaseTimeout:O}");
        Assert.Equal(4, _metrics.Sum(ScalingMetrics.HandoversName, ("change", ScalingMetrics.Fenced)));
        Assert.DoesNotContain(_events, e => e.StartsWith("release", StringComparison.Ordinal));
        Assert.Empty(_store.Overlapping);
        await _stop.CancelAsync();
        _store.AnswerAgain();
        await running;
    }

    [Fact]
    public async Task A_renewal_hanging_past_its_fence_is_abandoned_and_once_the_database_answers_the_instance_releases_and_streams_again()
    {
        var running = _loop.RunAsync(_stop.Token);
        await WaitUntilAsync(() => _feed.Symbols.SetEquals(Symbols), "the feed streams every symbol");
        _store.StopAnswering();
        _clock.Advance(Heartbeat);
        await WaitUntilAsync(() => _events.Count(e => e == "heartbeat") == 2, "the second heartbeat is sent");
        _clock.Advance(LeaseTimeout);
        await WaitUntilAsync(() => _events.Any(e => e.StartsWith("release", StringComparison.Ordinal)), "the hanging renewal is abandoned");

        _store.AnswerAgain();
        await WaitUntilAsync(() => _feed.Symbols.SetEquals(Symbols), "the feed streams every symbol again");

        var afterFailure = _events.SkipWhile(e => e != "stop BTC/USD,BTC/USDT,ETH/USD,SOL/USD").ToList();
        Assert.Equal(
            ["stop BTC/USD,BTC/USDT,ETH/USD,SOL/USD", "release all but ", "heartbeat", "acquire BTC/USD,BTC/USDT,ETH/USD,SOL/USD", "start BTC/USD,BTC/USDT,ETH/USD,SOL/USD"],
            afterFailure);
        Assert.Contains("release all but  while heartbeat", _store.Overlapping);
        Assert.DoesNotContain(_store.Overlapping, overlap => overlap.Contains("while release", StringComparison.Ordinal));
        await _stop.CancelAsync();
        await running;
    }

    public void Dispose()
    {
        _stop.Dispose();
        _metrics.Dispose();
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                Assert.Fail("Waited 10 s for: " + what);
            }

            await Task.Delay(10);
        }
    }

    private async Task RunFeedAsync(IReadOnlyList<string> symbols, CancellationToken cancellationToken)
    {
        var name = string.Join(",", symbols);
        _events.Enqueue("start " + name);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        finally
        {
            _events.Enqueue("stop " + name);
        }
    }
}
