using System.Diagnostics;
using System.Text.Json;

namespace Trading.Integration.Tests.EndToEnd;

/// <summary>One webhook request: its JSON body, its idempotency key and the trace it belongs to.</summary>
public sealed record ReceivedWebhook(JsonElement Body, string IdempotencyKey, ActivityTraceId? TraceId)
{
    public string Event => Body.GetProperty("event").GetString()!;

    public string EventId => Body.GetProperty("event_id").GetString()!;
}
