namespace Trading.Risk;

/// <summary>
/// One instrument's lot size and minimum order on its venue (items of <c>Risk:Instruments</c>, e.g.
/// <c>Risk__Instruments__0__Symbol=BTC/USD</c>, <c>Risk__Instruments__0__QuantityStep=0.00001</c>); they replace
/// <see cref="RiskOptions.QuantityStep"/> and <see cref="RiskOptions.MinQuantity"/> for that symbol.
/// </summary>
public sealed class RiskInstrumentOptions
{
    /// <summary>Normalised symbol, upper case (<c>BTC/USD</c>, <c>BTC/USD:PERP</c>).</summary>
    public string Symbol { get; set; } = "";

    /// <summary>Quantity increment the venue accepts, in base currency; quantities are rounded down to it.</summary>
    public decimal QuantityStep { get; set; }

    /// <summary>Smallest order quantity the venue accepts, in base currency.</summary>
    public decimal MinQuantity { get; set; }
}
