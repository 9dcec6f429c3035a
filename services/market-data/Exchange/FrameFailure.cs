using System.Text.Json;

namespace Trading.MarketData.Exchange;

/// <summary>Shared Malformed handling for the Kraken parsers.</summary>
internal static class FrameFailure
{
    private const int MaxReasonLength = 80;

    /// <summary>Marks the frame Malformed and drops anything parsed before the problem was found.</summary>
    public static void Fail(ParsedFrame result, string reason)
    {
        result.Trades.Clear();
        result.Quotes.Clear();
        result.Sequence = null;
        result.Kind = FrameKind.Malformed;
        result.Detail = reason;
    }

    /// <summary>
    /// Moves to the next token. With a complete (final) buffer the reader itself throws on truncation; this
    /// covers the one case where it reports the end quietly, so callers never read a stale token.
    /// </summary>
    public static void Advance(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("unexpected end of frame");
        }
    }

    public static string Shorten(string message) =>
        message.Length <= MaxReasonLength ? message : message[..MaxReasonLength];
}
