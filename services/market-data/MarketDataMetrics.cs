using System.Diagnostics;
using System.Diagnostics.Metrics;
using Trading.ServiceDefaults.Telemetry;

namespace Trading.MarketData;

/// <summary>The counters of market-data, on the service meter <c>Trading.MarketData</c>.</summary>
public sealed class MarketDataMetrics(ServiceTelemetry telemetry)
{
    private readonly Counter<long> _tradesPublished =
        telemetry.Meter.CreateCounter<long>("trading.marketdata.trades_published", "{trade}", "Trades published in TradesReceived batches");

    private readonly Counter<long> _batches =
        telemetry.Meter.CreateCounter<long>("trading.marketdata.batches", "{batch}", "TradesReceived batches published");

    private readonly Counter<long> _malformedLines =
        telemetry.Meter.CreateCounter<long>("trading.marketdata.malformed_lines", "{line}", "Lines of a replay file that were skipped as malformed");

    public void BatchPublished(string venue, string symbol, int trades)
    {
        var tags = new TagList { { "venue", venue }, { "symbol", symbol } };
        _batches.Add(1, tags);
        _tradesPublished.Add(trades, tags);
    }

    public void MalformedLine(string venue, string symbol) =>
        _malformedLines.Add(1, new TagList { { "venue", venue }, { "symbol", symbol } });
}
