using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Trading.Cli.Record;

/// <summary>Totals of the feed's counters on one meter (reconnects, malformed frames, venue errors), for the summary.</summary>
public sealed class FeedCounters : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);

    public FeedCounters(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value));
        _listener.Start();
    }

    /// <summary>The total of a counter by instrument name, for example <c>trading.marketdata.reconnects</c>; 0 when never counted.</summary>
    public long Total(string instrument) => _totals.GetValueOrDefault(instrument);

    public void Dispose() => _listener.Dispose();
}
