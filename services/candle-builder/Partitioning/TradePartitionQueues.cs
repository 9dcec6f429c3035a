using Trading.Contracts.MarketData;
using Trading.ServiceDefaults.Messaging;

namespace Trading.CandleBuilder.Partitioning;

/// <summary>The broker names of candle-builder's partitioned trade queues.</summary>
public static class TradePartitionQueues
{
    /// <summary>
    /// The topic exchange <c>candle-builder-trade-partitions</c> and the queues <c>candle-builder-trade-partition-00</c> … <c>-15</c>,
    /// bound to the fanout exchange of <c>TradesReceived</c>.
    /// </summary>
    /// <remarks>Not <c>candle-builder-trades-received</c>: that name belongs to the queue (and its fanout exchange) of the
    /// single unpartitioned queue of earlier versions, and declaring it with another type would fail on an upgraded broker.
    /// The names are on existing brokers: never change them.</remarks>
    public static readonly PartitionQueues<TradesReceived> Trades = new("candle-builder", "trade");
}
