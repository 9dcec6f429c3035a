using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Trading.ServiceDefaults;
using Trading.ServiceDefaults.Telemetry;

namespace Trading.MarketData.Tests.Exchange.Connection;

/// <summary>A service meter of its own plus a listener that sums its counters per name and venue tag.</summary>
internal sealed class CounterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Name, string? Venue), long> _totals = new();
    private readonly OwnMeterFactory _factory = new();

    public CounterRecorder()
    {
        Telemetry = new ServiceTelemetry(new ServiceIdentity("market-data"), _factory);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, Telemetry.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? venue = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "venue")
                {
                    venue = tag.Value as string;
                }
            }

            _totals.AddOrUpdate((instrument.Name, venue), value, (_, total) => total + value);
        });
        _listener.Start();
    }

    public ServiceTelemetry Telemetry { get; }

    public long Total(string name, string venue) => _totals.GetValueOrDefault((name, venue));

    public void Dispose()
    {
        _listener.Dispose();
        _factory.Dispose();
    }

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
