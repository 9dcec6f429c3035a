using Trading.MarketData.Exchange;
using Trading.Markets;

namespace Trading.MarketData.History;

/// <summary>
/// The candle lengths each venue's REST OHLC serves, and which of them an interval is fetched at: the interval itself when
/// the venue has it, otherwise the longest one that divides it (2m from 1m on both venues, 4h from 2h on Coinbase).
/// </summary>
public static class VenueGranularities
{
    private static readonly TimeSpan[] Kraken =
        [.. new[] { 1, 5, 15, 30, 60, 240, 1440 }.Select(minutes => TimeSpan.FromMinutes(minutes))];

    // Coinbase Advanced Trade's documented granularities; there is no FOUR_HOUR among them.
    private static readonly Dictionary<TimeSpan, string> Coinbase = new()
    {
        [TimeSpan.FromMinutes(1)] = "ONE_MINUTE",
        [TimeSpan.FromMinutes(5)] = "FIVE_MINUTE",
        [TimeSpan.FromMinutes(15)] = "FIFTEEN_MINUTE",
        [TimeSpan.FromMinutes(30)] = "THIRTY_MINUTE",
        [TimeSpan.FromHours(1)] = "ONE_HOUR",
        [TimeSpan.FromHours(2)] = "TWO_HOUR",
        [TimeSpan.FromHours(6)] = "SIX_HOUR",
        [TimeSpan.FromDays(1)] = "ONE_DAY",
    };

    /// <summary>The venues with REST candle history.</summary>
    public static IReadOnlyList<string> Venues { get; } = [Exchange.Venues.Kraken, Exchange.Venues.Coinbase];

    /// <summary>The candle length <paramref name="interval"/> is fetched at on <paramref name="venue"/>.</summary>
    /// <exception cref="ArgumentException">The venue has no REST candle history here.</exception>
    public static TimeSpan SourceOf(string venue, Interval interval)
    {
        IEnumerable<TimeSpan> served = venue switch
        {
            Exchange.Venues.Kraken => Kraken,
            Exchange.Venues.Coinbase => Coinbase.Keys,
            _ => throw new ArgumentException($"Venue '{venue}' has no REST candle history; use {string.Join(" or ", Venues)}.", nameof(venue)),
        };

        // Every venue serves one minute, which divides every interval.
        return served.Where(length => interval.Duration.Ticks % length.Ticks == 0).Max();
    }

    /// <summary>Kraken's OHLC <c>interval</c> parameter (minutes) for a length it serves.</summary>
    public static int KrakenMinutes(TimeSpan length) => (int)length.TotalMinutes;

    /// <summary>Coinbase's <c>granularity</c> parameter for a length it serves.</summary>
    public static string CoinbaseGranularity(TimeSpan length) => Coinbase[length];
}
