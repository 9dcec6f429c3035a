using System.Text.Json.Serialization;

namespace Trading.Contracts.MarketData;

/// <summary>The state of one market-data feed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeedStatus>))]
public enum FeedStatus
{
    /// <summary>Connecting or subscribing.</summary>
    Connecting,

    /// <summary>Receiving data.</summary>
    Live,

    /// <summary>Connected but no data within the expected interval.</summary>
    Stale,

    /// <summary>Disconnected; reconnecting.</summary>
    Down,

    /// <summary>A replay source reached the end of its data.</summary>
    Completed,
}
