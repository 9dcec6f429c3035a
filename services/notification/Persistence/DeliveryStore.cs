using Dapper;
using Npgsql;
using Trading.Notification.Channels;
using Trading.Notification.Notifications;

namespace Trading.Notification.Persistence;

/// <summary>
/// The <c>deliveries</c> log. Each call is its own short statement: the log is never held open around an HTTP request.
/// </summary>
public sealed class DeliveryStore(NpgsqlDataSource dataSource)
{
    public async Task<bool> IsDeliveredAsync(Guid eventId, string channel, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            """
            SELECT EXISTS (SELECT 1 FROM deliveries WHERE event_id = @eventId AND channel = @channel AND status = 'delivered')
            """,
            new { eventId, channel }, cancellationToken: cancellationToken));
    }

    /// <summary>Records one attempt. A row already 'delivered' never changes.</summary>
    public async Task RecordAsync(Notice notification, string channel, DeliveryResult result, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO deliveries (event_id, channel, event, status, attempts, last_error, delivered_at, last_attempt_at)
            VALUES (@EventId, @Channel, @Event, @Status, 1, @Error, @DeliveredAt, @Now)
            ON CONFLICT (event_id, channel) DO UPDATE
            SET status = EXCLUDED.status,
                attempts = deliveries.attempts + 1,
                last_error = COALESCE(EXCLUDED.last_error, deliveries.last_error),
                delivered_at = EXCLUDED.delivered_at,
                last_attempt_at = EXCLUDED.last_attempt_at
            WHERE deliveries.status <> 'delivered'
            """,
            new
            {
                notification.EventId,
                Channel = channel,
                notification.Event,
                Status = result.IsDelivered ? "delivered" : "failed",
                result.Error,
                DeliveredAt = result.IsDelivered ? now : (DateTimeOffset?)null,
                Now = now,
            },
            cancellationToken: cancellationToken));
    }
}
