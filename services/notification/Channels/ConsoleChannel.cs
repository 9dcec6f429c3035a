using Microsoft.Extensions.Logging;
using Trading.Notification.Notifications;

namespace Trading.Notification.Channels;

/// <summary>Writes the human line to the console log (category <c>Trading.Notification.Console</c>), for every event.</summary>
public sealed class ConsoleChannel(ILoggerFactory loggerFactory) : INotificationChannel
{
    public const string LoggerCategory = "Trading.Notification.Console";

    private readonly ILogger _logger = loggerFactory.CreateLogger(LoggerCategory);

    public string Name => "console";

    public bool Wants(string eventName) => true;

    public Task<DeliveryResult> DeliverAsync(Notice notification, CancellationToken cancellationToken)
    {
        Log.ConsoleNotification(_logger, notification.Event, notification.Text);
        return Task.FromResult(DeliveryResult.Delivered);
    }
}
