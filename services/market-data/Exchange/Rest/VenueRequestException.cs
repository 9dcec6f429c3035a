using System.Net;

namespace Trading.MarketData.Exchange.Rest;

/// <summary>
/// A venue REST call failed: the venue reported an error, the HTTP status was not a success, or the body was
/// not what the protocol says. Callers decide from <see cref="IsRateLimit"/>, <see cref="IsRetryable"/> and
/// <see cref="RetryAfter"/> whether and when to try again; the clients themselves never retry.
/// </summary>
public sealed class VenueRequestException : Exception
{
    public VenueRequestException(
        string venue,
        string endpoint,
        IReadOnlyList<string> errors,
        bool isRateLimit,
        bool isRetryable,
        HttpStatusCode? statusCode = null,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base($"{venue} {endpoint} failed: {string.Join("; ", errors)}", innerException)
    {
        Venue = venue;
        Endpoint = endpoint;
        Errors = errors;
        IsRateLimit = isRateLimit;
        IsRetryable = isRetryable || isRateLimit;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    /// <summary>Venue code, upper case (<c>KRAKEN</c>, <c>COINBASE</c>).</summary>
    public string Venue { get; }

    /// <summary>The endpoint path without the query, for example <c>/0/public/Trades</c>.</summary>
    public string Endpoint { get; }

    /// <summary>The venue's error strings as sent, or our description of what was wrong with the response.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>The venue throttled us; slow down before the next call.</summary>
    public bool IsRateLimit { get; }

    /// <summary>The same request may succeed later (rate limits, venue unavailable, 5xx); always true when <see cref="IsRateLimit"/>.</summary>
    public bool IsRetryable { get; }

    /// <summary>The HTTP status when it was not a success; null when the venue answered 200 with an error body.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>How long the venue asked us to wait, when it said so.</summary>
    public TimeSpan? RetryAfter { get; }
}
