using System.Globalization;
using System.Text;
using Trading.Contracts.MarketData;

namespace Trading.ServiceDefaults.Messaging;

/// <summary>
/// Splits the <see cref="TradesReceived"/> stream into a fixed number of partitions by market (venue + symbol). Every batch is
/// published with its partition number as the routing key; the exchange stays fanout, so consumers that want every market
/// (execution, observers) see no difference, while candle-builder routes the partitions to one queue each and spreads the queues
/// over its instances. The count and the hash are part of the wire: changing either moves markets between queues.
/// </summary>
public static class TradePartitions
{
    /// <summary>How many partitions there are; the most instances that can share the trade stream.</summary>
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
}
