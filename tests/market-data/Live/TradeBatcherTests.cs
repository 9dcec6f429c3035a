using Trading.Contracts.MarketData;
using Trading.MarketData.Live;

namespace Trading.MarketData.Tests.Live;

public sealed class TradeBatcherTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Batch_is_cut_when_it_reaches_the_batch_size()
    {
        var batcher = new TradeBatcher(batchSize: 3, window: TimeSpan.FromMilliseconds(250));

        var first = batcher.Add("KRAKEN", "BTC/USD", Trades("1", "2"), T0);
        var second = batcher.Add("KRAKEN", "BTC/USD", Trades("3", "4"), T0);

        Assert.Empty(first);
        var batch = Assert.Single(second);
        Assert.Equal(["1", "2", "3"], batch.Trades.Select(t => t.TradeId));
        Assert.Equal(["4"], batcher.Flush().Single().Trades.Select(t => t.TradeId));
    }

    [Fact]
    public void Batch_is_cut_when_the_window_after_its_first_trade_elapses()
    {
        var batcher = new TradeBatcher(batchSize: 100, window: TimeSpan.FromMilliseconds(250));
        batcher.Add("KRAKEN", "BTC/USD", Trades("1"), T0);
        batcher.Add("KRAKEN", "BTC/USD", Trades("2"), T0.AddMilliseconds(200));

        var early = batcher.TakeDue(T0.AddMilliseconds(249));
        var due = batcher.TakeDue(T0.AddMilliseconds(250));

        Assert.Empty(early);
        Assert.Equal(["1", "2"], Assert.Single(due).Trades.Select(t => t.TradeId));
        Assert.Null(batcher.NextDueAt);
    }

    [Fact]
    public void Symbols_are_batched_apart()
    {
        var batcher = new TradeBatcher(batchSize: 2, window: TimeSpan.FromSeconds(1));
        batcher.Add("KRAKEN", "BTC/USD", Trades("1"), T0);
        batcher.Add("KRAKEN", "ETH/USD", Trades("1"), T0.AddMilliseconds(100));

        var full = batcher.Add("KRAKEN", "BTC/USD", Trades("2"), T0.AddMilliseconds(200));

        Assert.Equal("BTC/USD", Assert.Single(full).Symbol);
        Assert.Equal(T0.AddMilliseconds(1100), batcher.NextDueAt);
        Assert.Equal("ETH/USD", Assert.Single(batcher.TakeDue(T0.AddMilliseconds(1100))).Symbol);
    }

    private static IEnumerable<Trade> Trades(params string[] ids) => ids.Select(id => new Trade
    {
        TradeId = id,
        Price = 100m,
        Quantity = 1m,
        Side = TradeSide.Buy,
        ExchangeTime = T0,
        ReceivedAt = T0,
    });
}
