using System.Diagnostics;
using Trading.Notification.Notifications;
using Trading.ServiceDefaults.Telemetry;

namespace Trading.Notification.Delivery;

/// <summary>
/// The span of one delivery attempt, a child of the trace the event arrived in (its traceparent is stored with the delivery), so the
/// request to the chat API (HttpClient propagates the current activity) and the trace of the trade that caused it are one.
/// </summary>
public static class DeliveryActivity
{
    public static Activity? Start(string channel, Notice notice, string? traceParent)
    {
        var activity = traceParent is not null && ActivityContext.TryParse(traceParent, null, out var parent)
            ? ServiceTelemetry.Source.StartActivity("notification deliver", ActivityKind.Client, parent)
            : ServiceTelemetry.Source.StartActivity("notification deliver", ActivityKind.Client);

        // Without a listener (no exporter configured) the source gives no activity; one made by hand still carries the trace onward.
        if (activity is null)
        {
            activity = new Activity("notification deliver");
            if (traceParent is not null)
            {
                activity.SetParentId(traceParent);
            }

            activity.Start();
        }

        activity.SetTag("notification.channel", channel);
        activity.SetTag("notification.event", notice.Event);
        activity.SetTag("notification.event_id", notice.EventId.ToString());
        return activity;
    }
}
