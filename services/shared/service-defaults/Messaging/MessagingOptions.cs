using System.ComponentModel.DataAnnotations;

namespace Trading.ServiceDefaults.Messaging;

/// <summary>Bus behaviour shared by every service (section <c>Messaging</c>).</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Messages fetched from the broker ahead of processing, per queue.</summary>
    [Range(1, 10_000)]
    public int PrefetchCount { get; set; } = 32;

    /// <summary>
    /// Messages processed at once per queue. 1 keeps stateful consumers in order; stateless services may raise it.
    /// </summary>
    [Range(1, 1_000)]
    public int ConcurrentMessageLimit { get; set; } = 1;

    /// <summary>Waits between in-process retries of a failing message; after the last, it moves to the queue's <c>_error</c> queue.</summary>
    public TimeSpan[] RetryIntervals { get; set; } = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)];

    /// <summary>
    /// Waits between later redeliveries (the message goes back to the broker in between). Needs RabbitMQ's
    /// delayed-message-exchange plugin, so it is empty (off) by default.
    /// </summary>
    public TimeSpan[] RedeliveryIntervals { get; set; } = [];

    /// <summary>How long the outbox dispatcher sleeps when nothing woke it.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Outbox rows published per database transaction.</summary>
    [Range(1, 10_000)]
    public int OutboxBatchSize { get; set; } = 200;
}
