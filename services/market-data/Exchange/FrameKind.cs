namespace Trading.MarketData.Exchange;

/// <summary>What one WebSocket frame from a venue turned out to be.</summary>
public enum FrameKind
{
    /// <summary>Nothing parsed yet.</summary>
    None,

    /// <summary>Trades (snapshot or update); see <see cref="ParsedFrame.Trades"/>.</summary>
    Trades,

    /// <summary>Best bid/ask updates; see <see cref="ParsedFrame.Quotes"/>.</summary>
    Quotes,

    /// <summary>A keep-alive the venue sends when nothing else flows.</summary>
    Heartbeat,

    /// <summary>A venue or system status message (for example Kraken's <c>status</c>, Kraken Futures' <c>info</c>).</summary>
    Status,

    /// <summary>A successful subscribe or unsubscribe acknowledgement.</summary>
    Subscribed,

    /// <summary>The answer to our ping.</summary>
    Pong,

    /// <summary>The venue reported an error (an error ack, an error frame); <see cref="ParsedFrame.Detail"/> says which.</summary>
    VenueError,

    /// <summary>Well-formed, but of a type or channel we do not use.</summary>
    Ignored,

    /// <summary>Not valid JSON, truncated, or missing a required field; <see cref="ParsedFrame.Detail"/> says what.</summary>
    Malformed,
}
