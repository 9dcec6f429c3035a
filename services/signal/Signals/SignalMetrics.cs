using System.Diagnostics.Metrics;
using Trading.Contracts.Candles;
using Trading.Contracts.Signals;
using Trading.ServiceDefaults.Telemetry;
using Trading.Signal.Strategies;

namespace Trading.Signal.Signals;

/// <summary>The service's counters on the <c>Trading.Signal</c> meter, recorded after each commit.</summary>
public sealed class SignalMetrics
{
    private readonly Counter<long> _candles;
    private readonly Counter<long> _signals;

    public SignalMetrics(ServiceTelemetry telemetry, SeriesRegistry registry)
    {
        _candles = telemetry.Meter.CreateCounter<long>("trading.signal.candles_consumed", "{candle}", "Closed candles consumed, by interval and outcome.");
        _signals = telemetry.Meter.CreateCounter<long>("trading.signal.signals_generated", "{signal}", "Signals generated, by strategy, direction and whether the live gate published them.");
        telemetry.Meter.CreateObservableGauge("trading.signal.series_active", () => registry.Count, "{series}", "Series with strategies in memory.");
    }

    public void Record(CandleClosed candle, CandleResult result)
    {
        _candles.Add(1, new("interval", candle.Interval), new("outcome", result.Outcome.ToString()));
        Count(result.Published, "true");
        Count(result.Suppressed, "false");
    }

    private void Count(IEnumerable<SignalGenerated> signals, string published)
    {
        foreach (var signal in signals)
        {
            _signals.Add(1, new("strategy", signal.Strategy), new("direction", signal.Direction.ToString()), new("published", published));
        }
    }
}
