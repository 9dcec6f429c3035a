using System.Collections.Concurrent;
using Trading.MarketData.Live.Scaling;

namespace Trading.MarketData.Tests.Live.Scaling;

public sealed class HeldSymbolsFeedTests
{
    private readonly ConcurrentQueue<string> _events = new();

    [Fact]
    public async Task Streams_the_held_symbols_in_name_order()
    {
        await using var feed = new HeldSymbolsFeed(RunAsync);

        await feed.SwitchToAsync(Set("SOL/USD", "BTC/USD"), CancellationToken.None);

        Assert.Equal(["start BTC/USD,SOL/USD"], _events);
        Assert.Equal(Set("BTC/USD", "SOL/USD"), feed.Symbols);
        Assert.False(feed.Running.IsCompleted);
    }

    [Fact]
    public async Task The_old_feed_has_stopped_before_the_new_one_starts()
    {
        await using var feed = new HeldSymbolsFeed(RunAsync);
        await feed.SwitchToAsync(Set("BTC/USD", "ETH/USD"), CancellationToken.None);

        await feed.SwitchToAsync(Set("BTC/USD"), CancellationToken.None);

        Assert.Equal(["start BTC/USD,ETH/USD", "stopped BTC/USD,ETH/USD", "start BTC/USD"], _events);
    }

    [Fact]
    public async Task The_same_symbols_do_not_restart_the_feed()
    {
        await using var feed = new HeldSymbolsFeed(RunAsync);
        await feed.SwitchToAsync(Set("BTC/USD", "ETH/USD"), CancellationToken.None);

        await feed.SwitchToAsync(Set("ETH/USD", "BTC/USD"), CancellationToken.None);

        Assert.Equal(["start BTC/USD,ETH/USD"], _events);
    }

    [Fact]
    public async Task No_symbols_stops_the_feed_and_starts_none()
    {
        await using var feed = new HeldSymbolsFeed(RunAsync);
        await feed.SwitchToAsync(Set("BTC/USD"), CancellationToken.None);

        await feed.SwitchToAsync(Set(), CancellationToken.None);

        Assert.Equal(["start BTC/USD", "stopped BTC/USD"], _events);
        Assert.Empty(feed.Symbols);
        Assert.True(feed.Running.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_failed_feed_surfaces_its_exception_when_stopped()
    {
        var feed = new HeldSymbolsFeed((_, _) => Task.FromException(new InvalidOperationException("venue gone")));
        await feed.SwitchToAsync(Set("BTC/USD"), CancellationToken.None);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(feed.StopAsync);

        Assert.Equal("venue gone", failure.Message);
        Assert.True(feed.Running.IsCompletedSuccessfully);
    }

    private static HashSet<string> Set(params string[] symbols) => new(symbols, StringComparer.Ordinal);

    private async Task RunAsync(IReadOnlyList<string> symbols, CancellationToken cancellationToken)
    {
        var name = string.Join(",", symbols);
        _events.Enqueue("start " + name);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        finally
        {
            // A real feed takes a moment to close its connections after cancellation.
            await Task.Delay(20, CancellationToken.None);
            _events.Enqueue("stopped " + name);
        }
    }
}
