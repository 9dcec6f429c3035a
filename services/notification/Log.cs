using Microsoft.Extensions.Logging;

namespace Trading.Notification;

/// <summary>The service's log messages, source-generated. Webhooks appear by name: their URLs may hold secrets.</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Event}: {Text}")]
    public static partial void ConsoleNotification(ILogger logger, string @event, string text);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Event} {EventId} sent to {Channel}")]
    public static partial void Delivered(ILogger logger, string @event, Guid eventId, string channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Event} {EventId} already delivered to {Channel}; not sent again")]
    public static partial void AlreadyDelivered(ILogger logger, string @event, Guid eventId, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Event} {EventId} refused by {Channel} for good: {Error}")]
    public static partial void DeliveryRefused(ILogger logger, string @event, Guid eventId, string channel, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Event} {EventId} not delivered to {Channel}; left to the bus to retry (then its error queue): {Error}")]
    public static partial void DeliveryTransientFailure(ILogger logger, string @event, Guid eventId, string channel, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {Webhook} rate limited {Event} {EventId}; retrying once after {RetryAfter}")]
    public static partial void WebhookRateLimited(ILogger logger, string webhook, string @event, Guid eventId, TimeSpan retryAfter);
}
