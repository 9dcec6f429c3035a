namespace Trading.Notification.Channels;

/// <summary>A delivery that may succeed later (server error, timeout, network, rate limit): the message is retried.</summary>
public sealed class TransientDeliveryException(string message, Exception? innerException = null) : Exception(message, innerException);
