namespace Trading.Integration.Tests.MarketData;

/// <summary>
/// One thing a client connection did, as <see cref="RecordingWebSocketProxy"/> saw it: its subscribe frame's symbols
/// (<see cref="Closed"/> false) or its end (<see cref="Closed"/> true). <see cref="Sequence"/> orders all events.
/// </summary>
public sealed record SubscriptionEvent(long Sequence, int Connection, bool Closed, IReadOnlyList<string> Symbols);
