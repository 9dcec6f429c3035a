using Trading.MarketData.Exchange;

namespace Trading.Cli.Record;

/// <summary>A validated <c>trading record</c>: what to stream, from where, into which directory, for how long.</summary>
public sealed record RecordRequest
{
    /// <summary><see cref="Venues.Kraken"/>, <see cref="Venues.Coinbase"/> or <see cref="Venues.KrakenFutures"/>.</summary>
    public required string Venue { get; init; }

    /// <summary>Normalised symbols, each supported by <see cref="Venue"/>, without repeats.</summary>
    public required IReadOnlyList<string> Symbols { get; init; }

    /// <summary>Full path of the output directory.</summary>
    public required string Directory { get; init; }

    /// <summary>Null records until interrupted.</summary>
    public TimeSpan? Duration { get; init; }

    public required Uri KrakenWebSocket { get; init; }

    public required Uri CoinbaseWebSocket { get; init; }

    public required Uri KrakenFuturesWebSocket { get; init; }

    public required Uri KrakenRest { get; init; }

    public required Uri CoinbaseRest { get; init; }
}
