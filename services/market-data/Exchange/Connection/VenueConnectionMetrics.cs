using System.Diagnostics;
using System.Diagnostics.Metrics;
using Trading.MarketData.Exchange.Symbols;
using Trading.ServiceDefaults.Telemetry;

namespace Trading.MarketData.Exchange.Connection;

/// <summary>The counters of venue connections, on the service meter, tagged by venue.</summary>
public sealed class VenueConnectionMetrics(ServiceTelemetry telemetry)
{
    public const string FramesName = "trading.marketdata.frames";
    public const string TradesReceivedName = "trading.marketdata.trades_received";

    private readonly Counter<long> _malformedFrames =
        telemetry.Meter.CreateCounter<long>("trading.marketdata.malformed_frames", "{frame}", "Venue frames that could not be parsed and were skipped");

    private readonly Counter<long> _venueErrors =
        telemetry.Meter.CreateCounter<long>("trading.marketdata.venue_errors", "{frame}", "Error frames and error acks sent by a venue");

    private readonly Counter<long> _reconnects =
        telemetry.Meter.CreateCounter<long>("trading.marketdata.reconnects", "{connection}", "Venue connections made again after a failure, close or silence");

    private readonly Counter<long> _frames =
        telemetry.Meter.CreateCounter<long>(FramesName, "{frame}", "WebSocket messages received from a venue, by kind (rate() gives frames per second)");

    private readonly Counter<long> _tradesReceived =
        telemetry.Meter.CreateCounter<long>(
            TradesReceivedName, "{trade}", "Trades received from a venue over WebSocket, before de-duplication and batching (rate() gives trades per second)");

    private readonly Counter<long> _sequenceGaps =
        telemetry.Meter.CreateCounter<long>("trading.marketdata.sequence_gaps", "{gap}", "Jumps in a venue's connection sequence number: messages the venue dropped");

    /// <summary>
    /// Starts the venue's failure counters at zero, so a dashboard shows 0 reconnects, gaps and bad frames for a healthy
    /// venue instead of no data.
    /// </summary>
    public void Watching(string venue)
    {
        var tags = new TagList { { "venue", venue } };
        _reconnects.Add(0, tags);
        _sequenceGaps.Add(0, tags);
        _malformedFrames.Add(0, tags);
        _venueErrors.Add(0, tags);
    }

    public void SequenceGap(string venue) => _sequenceGaps.Add(1, new TagList { { "venue", venue } });

    public void MalformedFrame(string venue) => _malformedFrames.Add(1, new TagList { { "venue", venue } });

    public void VenueError(string venue) => _venueErrors.Add(1, new TagList { { "venue", venue } });

    public void Reconnect(string venue) => _reconnects.Add(1, new TagList { { "venue", venue } });

    /// <summary>Counts one received message by its kind and, for a trades frame, its trades by normalised symbol.</summary>
    public void FrameReceived(string venue, ParsedFrame frame)
    {
        FrameReceived(venue, frame.Kind);
        var trades = frame.Trades;
        var start = 0;
        for (var i = 1; i <= trades.Count; i++)
        {
            // A frame usually holds one symbol: one Add per run of equal symbols.
            if (i == trades.Count || !string.Equals(trades[i].VenueSymbol, trades[start].VenueSymbol, StringComparison.Ordinal))
            {
                var venueSymbol = trades[start].VenueSymbol;
                var symbol = SymbolMap.Default.TryToNormalised(venue, venueSymbol, out var normalised) ? normalised : venueSymbol;
                _tradesReceived.Add(i - start, new TagList { { "venue", venue }, { "symbol", symbol } });
                start = i;
            }
        }
    }

    /// <summary>Counts one received message of <paramref name="kind"/>, for messages that never reach a parser (too large).</summary>
    public void FrameReceived(string venue, FrameKind kind) =>
        _frames.Add(1, new TagList { { "venue", venue }, { "kind", KindName(kind) } });

    private static string KindName(FrameKind kind) => kind switch
    {
        FrameKind.None => "none",
        FrameKind.Trades => "trades",
        FrameKind.Quotes => "quotes",
        FrameKind.Heartbeat => "heartbeat",
        FrameKind.Status => "status",
        FrameKind.Subscribed => "subscribed",
        FrameKind.Pong => "pong",
        FrameKind.VenueError => "venue_error",
        FrameKind.Ignored => "ignored",
        FrameKind.Malformed => "malformed",
        _ => "other",
    };
}
