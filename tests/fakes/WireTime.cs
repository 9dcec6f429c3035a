using System.Globalization;

namespace Trading.FakeVenues;

/// <summary>The time spellings of the venues' wire formats.</summary>
internal static class WireTime
{
    private static readonly long EpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    /// <summary>RFC 3339 with microseconds, as Kraken v2 and Coinbase send it: <c>2023-09-25T07:49:37.708706Z</c>.</summary>
    public static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Nanoseconds since the epoch, Kraken's Trades cursor.</summary>
    public static long UnixNanoseconds(DateTimeOffset time) => (time.UtcTicks - EpochTicks) * 100;

    /// <summary>Fractional seconds since the epoch, Kraken's REST trade time (exact: computed in decimal).</summary>
    public static decimal UnixSeconds(DateTimeOffset time) => (decimal)(time.UtcTicks - EpochTicks) / TimeSpan.TicksPerSecond;

    public static long UnixMilliseconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset Truncate(DateTimeOffset time, TimeSpan resolution) =>
        new(time.UtcTicks - (time.UtcTicks % resolution.Ticks), TimeSpan.Zero);
}
