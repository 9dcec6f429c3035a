using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Trading.ServiceDefaults;
using Trading.ServiceDefaults.Telemetry;

namespace Trading.MarketData.Tests;

/// <summary>
/// A service meter of its own plus a <see cref="MeterListener"/> that keeps every measurement (long and double) with its tags.
/// <see cref="OnMeasurement"/> runs inside the measurement, so a test can react at an exact point (for example cancel).
/// </summary>
internal sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();
    private readonly OwnMeterFactory _factory = new();

    public MeasurementRecorder()
    {
        Telemetry = new ServiceTelemetry(new ServiceIdentity("market-data"), _factory);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, Telemetry.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.Start();
    }

    public ServiceTelemetry Telemetry { get; }

    public Action<Measurement>? OnMeasurement { get; set; }

    /// <summary>Reads every observable instrument (the gauges) once, as an exporter's collection would.</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    public IReadOnlyList<Measurement> Of(string name) => _measurements.Where(m => m.Name == name).ToList();

    /// <summary>The sum of <paramref name="name"/> over the measurements whose tags include all of <paramref name="tags"/>.</summary>
    public double Sum(string name, params (string Key, string Value)[] tags) =>
        Of(name).Where(m => tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && v == t.Value)).Sum(m => m.Value);

    /// <summary>The total of the counter <paramref name="name"/> for one venue.</summary>
    public long Total(string name, string venue) => (long)Sum(name, ("venue", venue));

    public void Dispose()
    {
        _listener.Dispose();
        _factory.Dispose();
    }

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value?.ToString();
        }

        var measurement = new Measurement(instrument.Name, value, copy);
        _measurements.Enqueue(measurement);
        OnMeasurement?.Invoke(measurement);
    }

    public sealed record Measurement(string Name, double Value, IReadOnlyDictionary<string, string?> Tags);

    private sealed class OwnMeterFactory : IMeterFactory
    {
        private readonly ConcurrentBag<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in _meters)
            {
                meter.Dispose();
            }
        }
    }
}
