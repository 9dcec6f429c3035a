using System.Globalization;
using System.Text.Json;

namespace Trading.MarketData.Exchange.Rest;

/// <summary>
/// Reads fields of one venue response, turning anything that is not what the protocol says into a
/// non-retryable <see cref="VenueRequestException"/> that names the field. Numbers arrive as JSON numbers
/// or strings depending on venue and field; both are read as decimal with the invariant culture, never via double.
/// </summary>
internal sealed class RestResponseReader(string venue, string endpoint)
{
    private const NumberStyles DecimalStyle =
        NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public VenueRequestException Malformed(string reason, Exception? inner = null) =>
        new(venue, endpoint, [$"malformed response: {reason}"], isRateLimit: false, isRetryable: false, innerException: inner);

    public JsonDocument Parse(byte[] body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            throw Malformed("invalid JSON: " + exception.Message, exception);
        }
    }

    public JsonElement Property(JsonElement obj, string name, JsonValueKind kind)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value))
        {
            throw Malformed($"missing '{name}'");
        }

        return value.ValueKind == kind ? value : throw Malformed($"'{name}' is {value.ValueKind}, expected {kind}");
    }

    public decimal Decimal(JsonElement element, string what)
    {
        var ok = element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetDecimal(out var number) ? number : (decimal?)null,
            JsonValueKind.String => decimal.TryParse(element.GetString(), DecimalStyle, CultureInfo.InvariantCulture, out var text)
                ? text
                : null,
            _ => null,
        };
        return ok ?? throw Malformed($"{what} is not a decimal: {Truncate(element.GetRawText())}");
    }

    public decimal Positive(JsonElement element, string what)
    {
        var value = Decimal(element, what);
        return value > 0 ? value : throw Malformed($"{what} must be positive, was {value}");
    }

    public decimal NonNegative(JsonElement element, string what)
    {
        var value = Decimal(element, what);
        return value >= 0 ? value : throw Malformed($"{what} must not be negative, was {value}");
    }

    public long Int64(JsonElement element, string what)
    {
        var ok = element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt64(out var number) ? number : (long?)null,
            JsonValueKind.String => long.TryParse(element.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var text)
                ? text
                : null,
            _ => null,
        };
        return ok ?? throw Malformed($"{what} is not an integer: {Truncate(element.GetRawText())}");
    }

    public string String(JsonElement element, string what) =>
        element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } text
            ? text
            : throw Malformed($"{what} is not a non-empty string: {Truncate(element.GetRawText())}");

    /// <summary>An id the venue sends as a JSON number or string, kept as text exactly as sent.</summary>
    public string Id(JsonElement element, string what) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetRawText(),
        _ => String(element, what),
    };

    public DateTimeOffset UnixSeconds(long seconds, string what) =>
        seconds is >= 0 and <= MaxUnixSeconds
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : throw Malformed($"{what} is out of range: {seconds}");

    /// <summary>Fractional unix seconds to a time, truncated to the 100 ns tick, computed in decimal so no digit is lost.</summary>
    public DateTimeOffset UnixSeconds(decimal seconds, string what) =>
        seconds is >= 0 and <= MaxUnixSeconds
            ? DateTimeOffset.UnixEpoch.AddTicks((long)decimal.Truncate(seconds * TimeSpan.TicksPerSecond))
            : throw Malformed($"{what} is out of range: {seconds}");

    public DateTimeOffset IsoTime(JsonElement element, string what) =>
        DateTimeOffset.TryParse(
            String(element, what),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var time)
            ? time
            : throw Malformed($"{what} is not an ISO-8601 time: {Truncate(element.GetRawText())}");

    private const long MaxUnixSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
