using System.Text.Json.Serialization;

namespace Trading.Contracts.MarketData;

/// <summary>The aggressor (taker) side of a trade.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TradeSide>))]
public enum TradeSide
{
    /// <summary>The taker bought (lifted the ask).</summary>
    Buy,

    /// <summary>The taker sold (hit the bid).</summary>
    Sell,
}
