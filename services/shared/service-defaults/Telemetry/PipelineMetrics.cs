using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Trading.ServiceDefaults.Telemetry;

/// <summary>
/// The latency of every hop between services, from the start of the chain, and the messages whose consumer failed, on the
/// service's meter. Recorded for every consumed message that carries <see cref="PipelineHeaders"/>.
/// </summary>
public sealed class PipelineMetrics(ServiceTelemetry telemetry)
{
    public const string HopLatencyName = "trading.pipeline.hop_latency";
    public const string EndToEndLatencyName = "trading.pipeline.end_to_end_latency";
    public const string ConsumeFaultsName = "trading.pipeline.consume_faults";

    private static readonly IReadOnlyList<double> Buckets =
        [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

    private readonly Histogram<double> _hopLatency = telemetry.Meter.CreateHistogram(
        HopLatencyName,
        "s",
        "From the commit of a message by the service that produced it to the start of its consumer here, by message type",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });

    private readonly Histogram<double> _endToEndLatency = telemetry.Meter.CreateHistogram(
        EndToEndLatencyName,
        "s",
        "From the start of the message's chain (the trade batch, or a candle closed on time) to the start of its consumer here, by message type",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });

    private readonly Counter<long> _consumeFaults = telemetry.Meter.CreateCounter<long>(
        ConsumeFaultsName, "{message}", "Messages whose consumer failed after its retries (they go to the queue's _error queue), by message type");

    private readonly ConcurrentDictionary<string, bool> _seen = new(StringComparer.Ordinal);

    public void Consumed(string messageType, DateTimeOffset now, DateTimeOffset? writtenAt, DateTimeOffset? originAt)
    {
        var tags = new TagList { { "message_type", messageType } };

        // The fault count of a message type starts at zero, so a dashboard shows 0 rather than no data.
        if (_seen.TryAdd(messageType, true))
        {
            _consumeFaults.Add(0, tags);
        }

        if (writtenAt is { } written)
        {
            _hopLatency.Record(Math.Max(0, (now - written).TotalSeconds), tags);
        }

        if (originAt is { } origin)
        {
            _endToEndLatency.Record(Math.Max(0, (now - origin).TotalSeconds), tags);
        }
    }

    public void Faulted(string messageType) => _consumeFaults.Add(1, new TagList { { "message_type", messageType } });
}
