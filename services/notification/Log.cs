using Microsoft.Extensions.Logging;

namespace Trading.Notification;

/// <summary>The service's log messages, source-generated. Webhooks appear by name: their URLs may hold secrets.</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Event}: {Text}")]
    public static partial void ConsoleNotification(ILogger logger, string @event, string text);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Event} {EventId} already delivered to {Channel}; not sent again")]
    public static partial void AlreadyDelivered(ILogger logger, string @event, Guid eventId, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Event} {EventId} refused by {Channel} for good: {Error}")]
    public static partial void DeliveryRefused(ILogger logger, string @event, Guid eventId, string channel, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Event} {EventId} not delivered to {Channel}; left to the bus to retry (then its error queue): {Error}")]
    public static partial void DeliveryTransientFailure(ILogger logger, string @event, Guid eventId, string channel, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {Webhook} rate limited {Event} {EventId}; retrying once after {RetryAfter}")]
    public static partial void WebhookRateLimited(ILogger logger, string webhook, string @event, Guid eventId, TimeSpan retryAfter);

    [LoggerMessage(Level = LogLevel.Information, Message = "Channel {Channel}: this instance sends")]
    public static partial void ChannelActive(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "Channel {Channel}: another instance sends; standing by")]
    public static partial void ChannelStandby(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "Channel {Channel}: the sender failed; starting it again")]
    public static partial void ChannelSenderFailed(ILogger logger, string channel, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Event} {EventId} to {Channel} was being sent when the sender stopped; it may have arrived and is not sent again")]
    public static partial void DeliveryInterrupted(ILogger logger, string @event, Guid eventId, string channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Event} {EventId} delivered to {Channel} in {Milliseconds} ms")]
    public static partial void Delivered(ILogger logger, string @event, Guid eventId, string channel, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Event} {EventId}: {Channel} is rate limited; waiting {RetryAfter} as it asked")]
    public static partial void RateLimited(ILogger logger, string @event, Guid eventId, string channel, TimeSpan retryAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Event} {EventId} to {Channel} failed (attempt {Attempts}); retrying at {RetryAt}: {Error}")]
    public static partial void Retrying(ILogger logger, string @event, Guid eventId, string channel, int attempts, DateTimeOffset retryAt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Event} {EventId} to {Channel} failed for good after {Attempts} attempts: {Error}")]
    public static partial void DeliveryFailed(ILogger logger, string @event, Guid eventId, string channel, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} notices folded into one digest for {Channel} ({Waiting} were waiting)")]
    public static partial void Folded(ILogger logger, int count, string channel, long waiting);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Report} could not be queued; trying again shortly")]
    public static partial void ReportFailed(ILogger logger, string report, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Event} {EventId} to {Channel} was being sent when the sender stopped; sending it again with the same idempotency key")]
    public static partial void DeliveryResent(ILogger logger, string @event, Guid eventId, string channel);
}
