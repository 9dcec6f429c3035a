using System.Text.Json.Serialization;

namespace Trading.Contracts.Signals;

/// <summary>The direction of a trade idea.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SignalDirection>))]
public enum SignalDirection
{
    /// <summary>Buy, expecting the price to rise.</summary>
    Long,

    /// <summary>Sell short, expecting the price to fall.</summary>
    Short,
}
