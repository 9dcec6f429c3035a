using Trading.ServiceDefaults.Messaging;

namespace Trading.CandleBuilder.Partitioning;

/// <summary>The broker names of candle-builder's partitioned trade queues.</summary>
public static class TradePartitionQueues
{
    /// <summary>
    /// The topic exchange that sorts trade batches into partition queues by routing key; bound to the fanout exchange of
    /// <c>TradesReceived</c>, which passes the routing key through.
    /// </summary>
    /// <remarks>Not <c>candle-builder-trades-received</c>: that name belongs to the queue (and its fanout exchange) of the
    /// single unpartitioned queue of earlier versions, and declaring it with another type would fail on an upgraded broker.</remarks>
    public const string Exchange = "candle-builder-trade-partitions";

    /// <summary>The fanout exchange MassTransit publishes <c>TradesReceived</c> to.</summary>
    public const string MessageExchange = "Trading.Contracts.MarketData:TradesReceived";

    /// <summary>The queue of one partition, for example <c>candle-builder-trade-partition-07</c>.</summary>
    public static string Queue(int partition) => $"candle-builder-trade-partition-{partition:00}";

    /// <summary>Every partition, for declaring the topology.</summary>
    public static IEnumerable<int> All => Enumerable.Range(0, TradePartitions.Count);
}
