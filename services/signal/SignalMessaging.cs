using MassTransit;
using Microsoft.Extensions.Options;
using Trading.Contracts.Candles;
using Trading.ServiceDefaults.Messaging;
using Trading.Signal.Consumers;
using Trading.Signal.Warming;

namespace Trading.Signal;

/// <summary>
/// What the signal service consumes: closed candles, one queue per candle partition (<c>signal-candle-partition-00</c> … <c>-15</c>,
/// of which this instance consumes the ones it owns, each as the single active consumer, one candle at a time, so each series'
/// candles are applied in order), and backtest records (queue <c>signal-backtest-recorded</c>); and what it asks: candle-builder's
/// history (<see cref="GetCandleHistory"/>).
/// </summary>
public static class SignalMessaging
{
    /// <summary>The topic exchange <c>signal-candle-partitions</c> and its queues; the names are on existing brokers, never change them.</summary>
    public static readonly PartitionQueues<CandleClosed> CandlePartitions = new("signal", "candle");

    public static IHostApplicationBuilder AddSignalMessaging(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<SignalOptions>>().Value;
            return new PartitionOwnership(options.Instance, options.Instances);
        });

        // Before the bus: the partition queues and bindings must exist when consuming starts.
        builder.Services.AddPartitionTopology(CandlePartitions);
        return builder.AddMessaging(
            bus =>
            {
                bus.AddConsumer<CandleClosedConsumer>().ExcludeFromConfigureEndpoints();
                bus.AddConsumer<BacktestRecordedConsumer>();
                bus.AddRequestClient<GetCandleHistory>(new Uri("queue:" + CandleHistoryClient.Queue));
            },
            (context, rabbit) => rabbit.ReceivePartitions<CandleClosed, CandleClosedConsumer>(context, CandlePartitions));
    }
}
