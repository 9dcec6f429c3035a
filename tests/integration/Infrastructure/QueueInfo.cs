using System.Text.Json.Serialization;

namespace Trading.Integration.Tests.Infrastructure;

/// <summary>A queue as the RabbitMQ management API lists it.</summary>
public sealed record QueueInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("messages")] long Messages);
