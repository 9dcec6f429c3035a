using Trading.Contracts.Candles;
using Trading.Contracts.MarketData;
using Trading.ServiceDefaults.Messaging;

namespace Trading.ServiceDefaults.Tests;

public sealed class PartitionQueuesTests
{
    [Fact]
    public void Names_the_exchange_and_queues_after_the_service_and_the_stream()
    {
        var queues = new PartitionQueues<CandleClosed>("signal", "candle");

        Assert.Equal("signal-candle-partitions", queues.Exchange);
        Assert.Equal("signal-candle-partition-00", queues.Queue(0));
        Assert.Equal("signal-candle-partition-07", queues.Queue(7));
        Assert.Equal("signal-candle-partition-15", queues.Queue(15));
    }

    [Fact]
    public void Binds_to_the_fanout_exchange_masstransit_publishes_the_message_to()
    {
        Assert.Equal("Trading.Contracts.Candles:CandleClosed", new PartitionQueues<CandleClosed>("signal", "candle").MessageExchange);
        Assert.Equal("Trading.Contracts.MarketData:TradesReceived", new PartitionQueues<TradesReceived>("candle-builder", "trade").MessageExchange);
    }

    [Fact]
    public void Declares_one_queue_per_partition()
    {
        var queues = new PartitionQueues<CandleClosed>("signal", "candle");

        var names = PartitionQueues<CandleClosed>.All.Select(queues.Queue).ToList();

        Assert.Equal(TradePartitions.Count, names.Distinct().Count());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(16)]
    public void Refuses_a_partition_that_does_not_exist(int partition)
    {
        var queues = new PartitionQueues<CandleClosed>("signal", "candle");

        Assert.Throws<ArgumentOutOfRangeException>(() => queues.Queue(partition));
    }

    [Theory]
    [InlineData("", "candle")]
    [InlineData("signal", " ")]
    public void Refuses_an_empty_service_or_stream_name(string service, string stream)
    {
        Assert.ThrowsAny<ArgumentException>(() => new PartitionQueues<CandleClosed>(service, stream));
    }

    [Fact]
    public void A_closed_candle_has_the_routing_key_of_its_market_trades_whatever_the_interval()
    {
        var trades = new TradesReceived { BatchId = Guid.Empty, Venue = "KRAKEN", Symbol = "BTC/USDT", Trades = [] };
        var candle = Candle("KRAKEN", "BTC/USDT", "5m");

        Assert.Equal(TradePartitions.RoutingKeyOf(trades), TradePartitions.RoutingKeyOf(candle));
        Assert.Equal(TradePartitions.RoutingKeyOf(candle), TradePartitions.RoutingKeyOf(Candle("KRAKEN", "BTC/USDT", "1h")));
        Assert.Equal(TradePartitions.RoutingKey(TradePartitions.Of("KRAKEN", "BTC/USDT")), TradePartitions.RoutingKeyOf(candle));
    }

    private static CandleClosed Candle(string venue, string symbol, string interval) => new()
    {
        Venue = venue,
        Symbol = symbol,
        Interval = interval,
        OpenedAt = DateTimeOffset.UnixEpoch,
        ClosedAt = DateTimeOffset.UnixEpoch.AddMinutes(5),
        Open = 1m,
        High = 1m,
        Low = 1m,
        Close = 1m,
        Volume = 0m,
        TradeCount = 0,
        IsSynthetic = true,
    };
}
