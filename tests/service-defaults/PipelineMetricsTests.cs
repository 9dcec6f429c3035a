using System.Diagnostics.Metrics;
using MassTransit.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Trading.ServiceDefaults.Telemetry;

namespace Trading.ServiceDefaults.Tests;

public sealed class PipelineMetricsTests : IDisposable
{
    private static readonly DateTimeOffset Origin = new(2026, 1, 5, 9, 30, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly MeterListener _listener = new();
    private readonly List<(string Name, double Value, string? MessageType)> _measurements = [];

    public PipelineMetricsTests()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        Telemetry = new ServiceTelemetry(new ServiceIdentity("risk"), _services.GetRequiredService<IMeterFactory>());
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, Telemetry.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument.Name, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument.Name, value, tags));
        _listener.Start();
    }

    private ServiceTelemetry Telemetry { get; }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    [Fact]
    public void A_consumed_message_records_its_hop_from_the_producers_commit_and_its_age_from_the_start_of_the_chain()
    {
        var metrics = new PipelineMetrics(Telemetry);

        metrics.Consumed("SignalGenerated", Origin.AddSeconds(2.5), writtenAt: Origin.AddSeconds(2.25), originAt: Origin);

        Assert.Equal(
            [
                (PipelineMetrics.ConsumeFaultsName, 0, "SignalGenerated"),
                (PipelineMetrics.HopLatencyName, 0.25, "SignalGenerated"),
                (PipelineMetrics.EndToEndLatencyName, 2.5, "SignalGenerated"),
            ],
            _measurements);
    }

    [Fact]
    public void A_producer_clock_ahead_of_the_consumer_records_zero_not_a_negative_latency_and_missing_headers_record_nothing()
    {
        var metrics = new PipelineMetrics(Telemetry);

        metrics.Consumed("OrderFilled", Origin, writtenAt: Origin.AddMilliseconds(30), originAt: null);
        metrics.Consumed("OrderFilled", Origin, writtenAt: null, originAt: null);
        metrics.Faulted("OrderFilled");

        Assert.Equal(
            [(PipelineMetrics.ConsumeFaultsName, 0d, "OrderFilled"), (PipelineMetrics.HopLatencyName, 0d, "OrderFilled"), (PipelineMetrics.ConsumeFaultsName, 1d, "OrderFilled")],
            _measurements);
    }

    [Fact]
    public void Timing_headers_read_back_the_instants_written_to_the_nearest_tick_in_utc()
    {
        var headers = new DictionarySendHeaders();
        var written = new DateTimeOffset(2026, 1, 5, 10, 30, 0, TimeSpan.FromHours(1)).AddTicks(1234567);

        PipelineHeaders.Set(headers, written, Origin);

        Assert.Equal(written, PipelineHeaders.Get(headers, PipelineHeaders.WrittenAt));
        Assert.Equal(Origin, PipelineHeaders.Get(headers, PipelineHeaders.OriginAt));
        Assert.Null(PipelineHeaders.Get(new DictionarySendHeaders(), PipelineHeaders.OriginAt));
    }

    private void Keep(string name, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? messageType = null;
        foreach (var tag in tags)
        {
            if (tag.Key == "message_type")
            {
                messageType = tag.Value as string;
            }
        }

        _measurements.Add((name, value, messageType));
    }
}
