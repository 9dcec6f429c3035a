using System.Diagnostics;
using System.Diagnostics.Metrics;
using Trading.ServiceDefaults.Telemetry;

namespace Trading.MarketData.Exchange.Connection;

/// <summary>The counters of venue connections, on the service meter, tagged by venue.</summary>
public sealed class VenueConnectionMetrics(ServiceTelemetry telemetry)
{
    private readonly Counter<long> _malformedFrames =
        telemetry.Meter.CreateCounter<long>("trading.marketdata.malformed_frames", "{frame}", "Venue frames that could not be parsed and were skipped");

    private readonly Counter<long> _venueErrors =
        telemetry.Meter.CreateCounter<long>("trading.marketdata.venue_errors", "{frame}", "Error frames and error acks sent by a venue");

    private readonly Counter<long> _reconnects =
        telemetry.Meter.CreateCounter<long>("trading.marketdata.reconnects", "{connection}", "Venue connections made again after a failure, close or silence");

    public void MalformedFrame(string venue) => _malformedFrames.Add(1, new TagList { { "venue", venue } });

    public void VenueError(string venue) => _venueErrors.Add(1, new TagList { { "venue", venue } });

    public void Reconnect(string venue) => _reconnects.Add(1, new TagList { { "venue", venue } });
}
