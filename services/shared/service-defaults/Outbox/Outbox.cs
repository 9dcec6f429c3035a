using Dapper;
using MassTransit;
using Npgsql;

namespace Trading.ServiceDefaults.Outbox;

/// <summary>
/// Runs a state change and the messages it causes in one Postgres transaction (the transactional outbox), and with
/// <see cref="ExecuteOnceAsync"/> at most once per consumed message (the inbox).
/// </summary>
public sealed class Outbox(NpgsqlDataSource dataSource, OutboxSignal signal, TimeProvider timeProvider)
{
    /// <summary>Runs <paramref name="work"/> in a transaction and commits it with its outbox messages.</summary>
    public async Task ExecuteAsync(Func<OutboxTransaction, Task> work, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var outbox = new OutboxTransaction(connection, transaction, timeProvider.GetUtcNow(), cancellationToken);
        await work(outbox);
        await transaction.CommitAsync(cancellationToken);
        if (outbox.MessageCount > 0)
        {
            signal.Notify();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> unless <paramref name="consumer"/> already processed <paramref name="messageId"/>.
    /// The inbox row commits with the work, so a message redelivered after a crash is skipped, never applied twice.
    /// Returns false when the message was a duplicate.
    /// </summary>
    public async Task<bool> ExecuteOnceAsync(string consumer, Guid messageId, Func<OutboxTransaction, Task> work, CancellationToken cancellationToken)
    {
        var processed = false;
        await ExecuteAsync(
            async outbox =>
            {
                var inserted = await outbox.ExecuteAsync(
                    """
                    INSERT INTO inbox_messages (consumer, message_id, processed_at)
                    VALUES (@consumer, @messageId, @now)
                    ON CONFLICT DO NOTHING
                    """,
                    new { consumer, messageId, now = outbox.Now });
                if (inserted == 1)
                {
                    await work(outbox);
                    processed = true;
                }
            },
            cancellationToken);
        return processed;
    }

    /// <summary>
    /// The consumer form of <see cref="ExecuteOnceAsync"/>: the inbox key is the message id and the consumer's type name.
    /// </summary>
    public Task<bool> ConsumeOnceAsync<TConsumer>(ConsumeContext context, Func<OutboxTransaction, Task> work)
        where TConsumer : IConsumer =>
        ExecuteOnceAsync(
            typeof(TConsumer).Name,
            context.MessageId ?? throw new InvalidOperationException($"Message without a message id reached {typeof(TConsumer).Name}"),
            work,
            context.CancellationToken);

    /// <summary>Number of outbox messages not yet published.</summary>
    public async Task<long> PendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NULL", cancellationToken: cancellationToken));
    }
}
