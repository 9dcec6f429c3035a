using System.Globalization;

namespace Trading.Cli.Tests.Record;

/// <summary>A trade a test makes the fake venue send, with the price and size text exactly as it goes on the wire.</summary>
internal sealed record SentTrade(string Symbol, long TradeId, DateTimeOffset Time, string Price, string Size)
{
    public decimal PriceValue => decimal.Parse(Price, CultureInfo.InvariantCulture);

    public decimal SizeValue => decimal.Parse(Size, CultureInfo.InvariantCulture);

    /// <summary>The row the trades file must hold for this trade; the fake venue sends every trade with the fixture's side.</summary>
    public string Row(string side) => $"{Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)},{Price},{Size},{side}";
}
