using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Npgsql;
using Trading.Notification.Delivery;
using Trading.Notification.Notifications;

namespace Trading.Notification.Persistence;

/// <summary>
/// The <c>deliveries</c> queue and log: one row per (event, channel). Written 'pending' when an event is consumed (a redelivered
/// event conflicts and changes nothing), claimed by the channel's one sender, and closed with the outcome. Each call is one short
/// statement or transaction: nothing is held open around an HTTP request.
/// </summary>
public sealed class DeliveryStore(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions NoticeJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Queues <paramref name="notice"/> for each (channel, silent); returns the channels that were new for this event.</summary>
    public async Task<IReadOnlyList<string>> EnqueueAsync(Notice notice, IReadOnlyList<(string Channel, bool Silent)> channels, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (channels.Count == 0)
        {
            return [];
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(
            """
            INSERT INTO deliveries (event_id, channel, event, status, attempts, notice, silent, created_at, next_attempt_at, trace_parent)
            SELECT @EventId, c.channel, @Event, 'pending', 0, @Notice::jsonb, c.silent, @now, @now, @TraceParent
            FROM unnest(@Channels, @Silent) AS c (channel, silent)
            ON CONFLICT (event_id, channel) DO NOTHING
            RETURNING channel
            """,
            new
            {
                notice.EventId,
                notice.Event,
                Notice = JsonSerializer.Serialize(notice, NoticeJson),
                Channels = channels.Select(c => c.Channel).ToArray(),
                Silent = channels.Select(c => c.Silent).ToArray(),
                now,
                TraceParent = System.Diagnostics.Activity.Current?.Id,
            },
            cancellationToken: cancellationToken))];
    }

    /// <summary>
    /// At the start of a channel's sending: rows left 'sending' by a sender that died during its request. A chat may have shown them,
    /// so they are marked 'interrupted' and not sent again; with <paramref name="resend"/> (a webhook, whose receiver de-duplicates on
    /// the Idempotency-Key) they go back to 'pending' and are sent again. Returns them.
    /// </summary>
    public async Task<IReadOnlyList<QueuedDelivery>> InterruptAsync(string channel, bool resend, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return [.. (await connection.QueryAsync<Row>(new CommandDefinition(
            """
            UPDATE deliveries
            SET status = CASE WHEN @resend THEN 'pending' ELSE 'interrupted' END,
                last_error = CASE WHEN @resend THEN 'the sender stopped during the request; sent again with the same idempotency key'
                                  ELSE 'the sender stopped during the request; not sent again' END,
                last_attempt_at = @now
            WHERE channel = @channel AND status = 'sending'
            RETURNING event_id, channel, notice::text AS notice, silent, attempts, trace_parent
            """,
            new { channel, resend, now }, cancellationToken: cancellationToken))).Select(r => r.ToDelivery())];
    }

    /// <summary>The channel's due pending deliveries, oldest first, at most <paramref name="limit"/>; and how many are due in all.</summary>
    public async Task<(IReadOnlyList<QueuedDelivery> Due, long Waiting)> DueAsync(string channel, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var due = (await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT event_id, channel, notice::text AS notice, silent, attempts, trace_parent FROM deliveries
            WHERE channel = @channel AND status = 'pending' AND next_attempt_at <= @now
            ORDER BY sequence LIMIT @limit
            """,
            new { channel, now, limit }, cancellationToken: cancellationToken))).Select(r => r.ToDelivery()).ToList();
        var waiting = due.Count < limit
            ? due.Count
            : await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT count(*) FROM deliveries WHERE channel = @channel AND status = 'pending' AND next_attempt_at <= @now",
                new { channel, now }, cancellationToken: cancellationToken));
        return (due, waiting);
    }

    /// <summary>When the channel's next pending delivery falls due, or null when none is pending.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(string channel, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var next = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
            "SELECT min(next_attempt_at) FROM deliveries WHERE channel = @channel AND status = 'pending'",
            new { channel }, cancellationToken: cancellationToken));
        return next is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
    }

    /// <summary>Claims one delivery: 'sending', committed before the request is made.</summary>
    public async Task ClaimAsync(QueuedDelivery delivery, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE deliveries SET status = 'sending', attempts = attempts + 1, last_attempt_at = @now
            WHERE event_id = @EventId AND channel = @Channel AND status = 'pending'
            """,
            new { delivery.EventId, delivery.Channel, now }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Folds <paramref name="folded"/> into <paramref name="digest"/>: the digest is queued for the channel already claimed ('sending'),
    /// the folded rows become 'folded' with its id, in one transaction.
    /// </summary>
    public async Task ClaimDigestAsync(string channel, Notice digest, bool silent, IReadOnlyList<QueuedDelivery> folded, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await ClaimDigestCoreAsync(channel, digest, silent, folded, now, folded[0].TraceParent, cancellationToken);
    }

    private async Task ClaimDigestCoreAsync(
        string channel, Notice digest, bool silent, IReadOnlyList<QueuedDelivery> folded, DateTimeOffset now, string? traceParent, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO deliveries (event_id, channel, event, status, attempts, notice, silent, created_at, next_attempt_at, last_attempt_at, trace_parent)
            VALUES (@EventId, @channel, @Event, 'sending', 1, @Notice::jsonb, @silent, @now, @now, @now, @traceParent)
            """,
            new { digest.EventId, channel, digest.Event, Notice = JsonSerializer.Serialize(digest, NoticeJson), silent, now, traceParent },
            transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE deliveries SET status = 'folded', digest_id = @digestId, last_attempt_at = @now
            WHERE channel = @channel AND status = 'pending' AND event_id = ANY(@ids)
            """,
            new { digestId = digest.EventId, channel, ids = folded.Select(f => f.EventId).ToArray(), now },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Records the outcome of a claimed delivery: delivered, failed for good, or back to pending until <paramref name="retryAt"/>.</summary>
    public async Task CompleteAsync(Guid eventId, string channel, DeliveryOutcome outcome, DateTimeOffset now, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        var status = outcome.Kind == DeliveryOutcomeKind.Delivered ? "delivered" : retryAt is null ? "failed" : "pending";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE deliveries
            SET status = @status, last_error = coalesce(@Error, last_error), next_attempt_at = coalesce(@retryAt, next_attempt_at),
                delivered_at = CASE WHEN @status = 'delivered' THEN @now ELSE delivered_at END
            WHERE event_id = @eventId AND channel = @channel AND status = 'sending'
            """,
            new { status, outcome.Error, retryAt, now, eventId, channel }, cancellationToken: cancellationToken));
    }

    private sealed class Row
    {
        public Guid EventId { get; set; }

        public string Channel { get; set; } = "";

        public string Notice { get; set; } = "";

        public bool Silent { get; set; }

        public int Attempts { get; set; }

        public string? TraceParent { get; set; }

        public QueuedDelivery ToDelivery() =>
            new(EventId, Channel, JsonSerializer.Deserialize<Notice>(Notice, NoticeJson)!, Silent, Attempts, TraceParent);
    }
}
