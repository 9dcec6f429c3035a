using System.Diagnostics;
using System.Diagnostics.Metrics;
using Trading.ServiceDefaults.Telemetry;

namespace Trading.MarketData.Live;

/// <summary>The counters of the live feed, on the service meter <c>Trading.MarketData</c>.</summary>
public sealed class LiveFeedMetrics(ServiceTelemetry telemetry)
{
    public const string GapsName = "trading.marketdata.gaps";
    public const string BackfilledTradesName = "trading.marketdata.backfilled_trades";
    public const string FailoversName = "trading.marketdata.failovers";

    private readonly Counter<long> _gaps =
        telemetry.Meter.CreateCounter<long>(GapsName, "{gap}", "Ranges of trades that could not be backfilled and are missing");

    private readonly Counter<long> _backfilledTrades =
        telemetry.Meter.CreateCounter<long>(BackfilledTradesName, "{trade}", "Trades fetched over REST after an interruption and published");

    private readonly Counter<long> _failovers =
        telemetry.Meter.CreateCounter<long>(FailoversName, "{change}", "Changes of the active venue (failover and failback)");

    /// <summary>Starts the symbol's gap and backfill counters on the venue at zero, so a dashboard shows 0 rather than no data.</summary>
    public void Watching(string venue, string symbol)
    {
        var tags = new TagList { { "venue", venue }, { "symbol", symbol } };
        _gaps.Add(0, tags);
        _backfilledTrades.Add(0, tags);
    }

    public void Gap(string venue, string symbol) => _gaps.Add(1, new TagList { { "venue", venue }, { "symbol", symbol } });

    public void Backfilled(string venue, string symbol, int trades) =>
        _backfilledTrades.Add(trades, new TagList { { "venue", venue }, { "symbol", symbol } });

    public void ActiveVenueChanged(string? from, string to, string kind) =>
        _failovers.Add(1, new TagList { { "from", from ?? "" }, { "to", to }, { "kind", kind } });
}
