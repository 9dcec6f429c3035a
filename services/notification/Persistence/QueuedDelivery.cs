using Trading.Notification.Notifications;

namespace Trading.Notification.Persistence;

/// <summary>
/// A queued delivery: the notice for one channel, whether silently, the attempts made so far, and the trace of the event that caused
/// it (W3C traceparent), so the request joins the event's trace.
/// </summary>
public sealed record QueuedDelivery(Guid EventId, string Channel, Notice Notice, bool Silent, int Attempts, string? TraceParent = null);
