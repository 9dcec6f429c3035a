using System.Diagnostics;
using System.Diagnostics.Metrics;
using Trading.ServiceDefaults.Telemetry;

namespace Trading.MarketData.Live.Scaling;

/// <summary>How the symbols move between instances, on the service meter <c>Trading.MarketData</c>.</summary>
public sealed class ScalingMetrics
{
    public const string HandoversName = "trading.marketdata.symbol_handovers";
    public const string HeldSymbolsName = "trading.marketdata.held_symbols";

    public const string Acquired = "acquired";
    public const string Released = "released";
    public const string Fenced = "fenced";

    private readonly Counter<long> _handovers;
    private int _held;

    public ScalingMetrics(ServiceTelemetry telemetry)
    {
        _handovers = telemetry.Meter.CreateCounter<long>(
            HandoversName, "{symbol}", "Symbols this instance started (acquired) or stopped (released, fenced) streaming");
        telemetry.Meter.CreateObservableGauge(HeldSymbolsName, () => Volatile.Read(ref _held), "{symbol}", "Symbols this instance streams");
    }

    /// <param name="change"><see cref="Acquired"/>, <see cref="Released"/> or <see cref="Fenced"/>.</param>
    public void Changed(string symbol, string change) =>
        _handovers.Add(1, new TagList { { "symbol", symbol }, { "change", change } });

    public void Holding(int symbols) => Volatile.Write(ref _held, symbols);
}
