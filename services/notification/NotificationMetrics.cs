using System.Diagnostics.Metrics;
using Trading.ServiceDefaults.Telemetry;

namespace Trading.Notification;

/// <summary>Counters of the <c>Trading.Notification</c> meter.</summary>
public sealed class NotificationMetrics(ServiceTelemetry telemetry)
{
    private readonly Counter<long> _deliveries = telemetry.Meter.CreateCounter<long>(
        "trading.notification.deliveries", "{delivery}", "Delivery attempts by channel, event and result (delivered, failed, transient)");

    public void Delivery(string channel, string eventName, string result) =>
        _deliveries.Add(1,
            new KeyValuePair<string, object?>("channel", channel),
            new KeyValuePair<string, object?>("event", eventName),
            new KeyValuePair<string, object?>("result", result));
}
