namespace Trading.MarketData.Exchange.Symbols;

/// <summary>A symbol (or venue) that <see cref="SymbolMap"/> does not know; the message lists what it does know.</summary>
public sealed class UnknownSymbolException(string venue, string symbol, string message) : Exception(message)
{
    public string Venue { get; } = venue;

    public string Symbol { get; } = symbol;
}
