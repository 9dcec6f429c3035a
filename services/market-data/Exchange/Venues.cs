namespace Trading.MarketData.Exchange;

/// <summary>Venue codes as they appear in <see cref="IVenueFrameParser.Venue"/> and on the wire (upper case).</summary>
public static class Venues
{
    public const string Kraken = "KRAKEN";

    public const string Coinbase = "COINBASE";

    public const string KrakenFutures = "KRAKEN_FUTURES";
}
