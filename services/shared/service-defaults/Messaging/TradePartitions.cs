using System.Globalization;
using System.Text;
using Trading.Contracts.Candles;
using Trading.Contracts.MarketData;

namespace Trading.ServiceDefaults.Messaging;

/// <summary>
/// Splits the per-market streams, <see cref="TradesReceived"/> and <see cref="CandleClosed"/>, into a fixed number of partitions by
/// market (venue + symbol); a market has the same partition in both. Every message is published with its partition number as the
/// routing key; the exchanges stay fanout, so consumers that want every market (execution, observers) see no difference, while
/// candle-builder (trades) and signal (candles) route the partitions to one queue each and spread the queues over their instances
/// (see <see cref="PartitionQueues{TMessage}"/>). The count and the hash are part of the wire: changing either moves markets
/// between queues.
/// </summary>
public static class TradePartitions
{
    /// <summary>How many partitions there are; the most instances that can share a partitioned stream.</summary>
    public const int Count = 16;

    /// <summary>The partition of a market: FNV-1a over the UTF-8 bytes of <c>VENUE|SYMBOL</c>, modulo <see cref="Count"/>.</summary>
    public static int Of(string venue, string symbol)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes($"{venue}|{symbol}"))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % Count);
    }

    /// <summary>The routing key of a partition: its number in decimal.</summary>
    public static string RoutingKey(int partition) => partition.ToString(CultureInfo.InvariantCulture);

    /// <summary>The routing key a batch is published with.</summary>
    public static string RoutingKeyOf(TradesReceived batch) => RoutingKey(Of(batch.Venue, batch.Symbol));

    /// <summary>The routing key a closed candle is published with: its market's partition, whatever the interval.</summary>
    public static string RoutingKeyOf(CandleClosed candle) => RoutingKey(Of(candle.Venue, candle.Symbol));
}
