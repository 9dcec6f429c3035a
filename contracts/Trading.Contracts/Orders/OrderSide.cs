using System.Text.Json.Serialization;

namespace Trading.Contracts.Orders;

/// <summary>The side of an order.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrderSide>))]
public enum OrderSide
{
    /// <summary>Buy.</summary>
    Buy,

    /// <summary>Sell.</summary>
    Sell,
}
