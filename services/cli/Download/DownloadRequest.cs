using Trading.MarketData.Exchange;

namespace Trading.Cli.Download;

/// <summary>A validated download: candles of <see cref="Symbol"/> whose bar starts in [<see cref="Since"/>, <see cref="Until"/>).</summary>
public sealed record DownloadRequest
{
    /// <summary><see cref="Venues.Kraken"/> or <see cref="Venues.Coinbase"/>.</summary>
    public required string Venue { get; init; }

    /// <summary>Normalised symbol, for example <c>BTC/USD</c>.</summary>
    public required string Symbol { get; init; }

    /// <summary>The venue's spelling: Kraken REST pair id or Coinbase product id.</summary>
    public required string VenueSymbol { get; init; }

    public required DownloadInterval Interval { get; init; }

    public required DateTimeOffset Since { get; init; }

    /// <summary>Null means up to the last candle finished when the download runs.</summary>
    public DateTimeOffset? Until { get; init; }

    public required string Path { get; init; }
}
