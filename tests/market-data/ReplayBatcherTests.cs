using Trading.Contracts.MarketData;
using Trading.MarketData.Replay;

namespace Trading.MarketData.Tests;

public sealed class ReplayBatcherTests
{
    private static readonly DateTimeOffset Start = new(2025, 11, 10, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Cuts_a_batch_when_it_reaches_the_batch_size()
    {
        var batcher = new ReplayBatcher(batchSize: 3, window: null);

        var results = Enumerable.Range(2, 7).Select(i => batcher.Add(TradeAt(i, TimeSpan.Zero))).ToList();

        Assert.Equal([null, null, [2, 3, 4], null, null, [5, 6, 7], null], results.Select(b => b?.Select(t => t.LineNumber).ToArray()));
        Assert.Equal([8], batcher.Flush().Select(t => t.LineNumber));
    }

    [Fact]
    public void Cuts_before_a_trade_at_or_beyond_the_window_from_the_first_trade()
    {
        var batcher = new ReplayBatcher(batchSize: 100, window: TimeSpan.FromSeconds(1));
        batcher.Add(TradeAt(2, TimeSpan.Zero));
        batcher.Add(TradeAt(3, TimeSpan.FromMilliseconds(600)));

        var inside = batcher.CutBefore(TradeAt(4, TimeSpan.FromMilliseconds(999)));
        var atWindow = batcher.CutBefore(TradeAt(4, TimeSpan.FromSeconds(1)));

        Assert.Null(inside);
        Assert.Equal([2, 3], atWindow!.Select(t => t.LineNumber));
        Assert.Equal(0, batcher.PendingCount);
    }

    [Fact]
    public void Measures_the_window_from_the_first_trade_of_the_new_batch()
    {
        var batcher = new ReplayBatcher(batchSize: 100, window: TimeSpan.FromSeconds(1));
        batcher.Add(TradeAt(2, TimeSpan.Zero));
        batcher.CutBefore(TradeAt(3, TimeSpan.FromSeconds(5)));
        batcher.Add(TradeAt(3, TimeSpan.FromSeconds(5)));

        var cut = batcher.CutBefore(TradeAt(4, TimeSpan.FromSeconds(5.5)));

        Assert.Null(cut);
    }

    [Fact]
    public void Never_cuts_by_time_without_a_window()
    {
        var batcher = new ReplayBatcher(batchSize: 100, window: null);
        batcher.Add(TradeAt(2, TimeSpan.Zero));

        var cut = batcher.CutBefore(TradeAt(3, TimeSpan.FromDays(1)));

        Assert.Null(cut);
    }

    [Fact]
    public void Never_cuts_an_empty_batch()
    {
        var batcher = new ReplayBatcher(batchSize: 100, window: TimeSpan.FromSeconds(1));

        Assert.Null(batcher.CutBefore(TradeAt(2, TimeSpan.Zero)));
        Assert.Empty(batcher.Flush());
    }

    [Fact]
    public void Refuses_a_batch_size_below_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReplayBatcher(0, null));
    }

    private static RecordedTrade TradeAt(int line, TimeSpan offset) => new(line, Start + offset, 100m, 1m, TradeSide.Buy);
}
