using Trading.ServiceDefaults.Messaging;

namespace Trading.CandleBuilder.Partitioning;

/// <summary>The broker names of candle-builder's partitioned trade queues.</summary>
public static class TradePartitionQueues
{
    /// <summary>
    /// The topic exchange that sorts trade batches into partition queues by routing key; bound to the fanout exchange of
    /// <c>TradesReceived</c>, which passes the routing key through.
    /// </summary>
    public const string Exchange = "candle-builder-trades-received";

    /// <summary>The fanout exchange MassTransit publishes <c>TradesReceived</c> to.</summary>
    public const string MessageExchange = "Trading.Contracts.MarketData:TradesReceived";

    /// <summary>The queue of one partition, for example <c>candle-builder-trades-received-p07</c>.</summary>
    public static string Queue(int partition) => $"{Exchange}-p{partition:00}";

    /// <summary>Every partition, for declaring the topology.</summary>
    public static IEnumerable<int> All => Enumerable.Range(0, TradePartitions.Count);
}
