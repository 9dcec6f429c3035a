using System.Globalization;

namespace Trading.MarketData.Exchange.Rest;

/// <summary>How long a rate-limited response asks us to wait, from <c>Retry-After</c> or <c>x-ratelimit-reset</c>.</summary>
internal static class RetryAfterHeader
{
    // Below this an x-ratelimit-reset value is read as seconds to wait, above it as a unix time (seconds).
    // Coinbase does not document the unit; its SDK only reads the header, and other APIs use both forms.
    private const long UnixTimeThreshold = 1_000_000_000;

    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var now = timeProvider.GetUtcNow();
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta;
            }

            if (retryAfter.Date is { } date)
            {
                return NotNegative(date - now);
            }
        }

        if (response.Headers.TryGetValues("x-ratelimit-reset", out var values)
            && decimal.TryParse(values.FirstOrDefault(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var reset)
            && reset < 253_402_300_799m)
        {
            var seconds = (long)decimal.Ceiling(reset);
            return seconds >= UnixTimeThreshold
                ? NotNegative(DateTimeOffset.FromUnixTimeSeconds(seconds) - now)
                : TimeSpan.FromSeconds(seconds);
        }

        return null;
    }

    private static TimeSpan NotNegative(TimeSpan wait) => wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
}
