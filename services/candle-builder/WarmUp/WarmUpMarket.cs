namespace Trading.CandleBuilder.WarmUp;

/// <summary>One market of <see cref="CandleWarmUpOptions.Markets"/>: a venue and a symbol.</summary>
public sealed record WarmUpMarket(string Venue, string Symbol)
{
    /// <summary>
    /// Reads <c>VENUE:SYMBOL</c>, split at the first colon (a perpetual's symbol has one of its own: <c>KRAKEN_FUTURES:BTC/USD:PERP</c>).
    /// Both parts must be non-empty, upper case and without spaces.
    /// </summary>
    /// <param name="error">Why the text is not a market, when it is not.</param>
    public static bool TryParse(string? text, out WarmUpMarket market, out string error)
    {
        market = null!;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon <= 0 || colon == text.Length - 1)
        {
            error = $"'{text}' is not VENUE:SYMBOL, for example KRAKEN:BTC/USD";
            return false;
        }

        if (text.Any(char.IsWhiteSpace) || !string.Equals(text, text.ToUpperInvariant(), StringComparison.Ordinal))
        {
            error = $"'{text}' must be upper case without spaces, for example KRAKEN:BTC/USD";
            return false;
        }

        market = new WarmUpMarket(text[..colon], text[(colon + 1)..]);
        error = "";
        return true;
    }

    public override string ToString() => $"{Venue}:{Symbol}";
}
