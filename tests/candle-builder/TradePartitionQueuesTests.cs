using Trading.CandleBuilder.Partitioning;

namespace Trading.CandleBuilder.Tests;

public sealed class TradePartitionQueuesTests
{
    [Fact]
    public void Keeps_the_exchange_and_queue_names_existing_brokers_hold()
    {
        var queues = TradePartitionQueues.Trades;

        Assert.Equal("candle-builder-trade-partitions", queues.Exchange);
        Assert.Equal("Trading.Contracts.MarketData:TradesReceived", queues.MessageExchange);
        Assert.Equal("candle-builder-trade-partition-00", queues.Queue(0));
        Assert.Equal("candle-builder-trade-partition-15", queues.Queue(15));
    }
}
