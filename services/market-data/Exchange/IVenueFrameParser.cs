namespace Trading.MarketData.Exchange;

/// <summary>
/// Turns one UTF-8 WebSocket text frame of a venue into trades, quotes or control information.
/// Never throws on bad input: a frame that is not what the protocol says becomes <see cref="FrameKind.Malformed"/>
/// with a reason, so the feed counts it, logs a sample and carries on.
/// </summary>
public interface IVenueFrameParser
{
    /// <summary>Venue code, upper case (<c>KRAKEN</c>, <c>COINBASE</c>, <c>KRAKEN_FUTURES</c>).</summary>
    string Venue { get; }

    /// <summary>Parses <paramref name="frame"/> into <paramref name="result"/>, which the caller has cleared.</summary>
    void Parse(ReadOnlySpan<byte> frame, ParsedFrame result);
}
