using System.Diagnostics;
using System.Diagnostics.Metrics;
using Trading.ServiceDefaults.Telemetry;

namespace Trading.CandleBuilder;

/// <summary>The counters of candle-builder, on the service meter <c>Trading.CandleBuilder</c>.</summary>
public sealed class CandleBuilderMetrics(ServiceTelemetry telemetry)
{
    private readonly Counter<long> _closed =
        telemetry.Meter.CreateCounter<long>("trading.candles.closed", "{candle}", "Candles stored and published as CandleClosed");

    private readonly Counter<long> _lateTrades =
        telemetry.Meter.CreateCounter<long>("trading.candles.late_trades", "{trade}", "Trades refused because their candle was already closed");

    private readonly Counter<long> _invalidTrades =
        telemetry.Meter.CreateCounter<long>("trading.candles.invalid_trades", "{trade}", "Trades skipped for a non-positive price or a negative quantity");

    public void CandleClosed(string venue, string symbol, string interval, bool synthetic) =>
        _closed.Add(1, new TagList { { "venue", venue }, { "symbol", symbol }, { "interval", interval }, { "synthetic", synthetic } });

    public void LateTrades(string venue, string symbol, string interval, int count) =>
        _lateTrades.Add(count, new TagList { { "venue", venue }, { "symbol", symbol }, { "interval", interval } });

    public void InvalidTrade(string venue, string symbol) =>
        _invalidTrades.Add(1, new TagList { { "venue", venue }, { "symbol", symbol } });
}
