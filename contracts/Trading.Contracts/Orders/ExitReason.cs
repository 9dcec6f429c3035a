using System.Text.Json.Serialization;

namespace Trading.Contracts.Orders;

/// <summary>Why a position was closed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExitReason>))]
public enum ExitReason
{
    /// <summary>The price reached the stop loss.</summary>
    StopLoss,

    /// <summary>The price reached the take profit.</summary>
    TakeProfit,

    /// <summary>The position was open for longer than allowed.</summary>
    TimeExit,

    /// <summary>An operator or the kill switch flattened all positions.</summary>
    Flatten,

    /// <summary>The price reached a stop that had trailed away from the stop loss in the trader's favour.</summary>
    TrailingStop,
}
