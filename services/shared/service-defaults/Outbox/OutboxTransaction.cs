using System.Diagnostics;
using System.Text.Json;
using Dapper;
using Npgsql;
using Trading.ServiceDefaults.Telemetry;

namespace Trading.ServiceDefaults.Outbox;

/// <summary>
/// One Postgres transaction in which a service changes its state and records the messages that change causes.
/// The messages leave only if the transaction commits.
/// </summary>
public sealed class OutboxTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
{
    public NpgsqlConnection Connection { get; } = connection;

    public NpgsqlTransaction Transaction { get; } = transaction;

    /// <summary>The time the transaction started, from the injected clock.</summary>
    public DateTimeOffset Now { get; } = now;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    internal int MessageCount { get; private set; }

    /// <summary>Publishes an event once the transaction commits.</summary>
    public Task PublishAsync<T>(T message)
        where T : class => EnqueueAsync(message, destination: null);

    /// <summary>Sends a command to one queue (for example <c>execution-place-order</c>) once the transaction commits.</summary>
    public Task SendAsync<T>(T message, string queueName)
        where T : class => EnqueueAsync(message, $"queue:{queueName}");

    public Task<int> ExecuteAsync(string sql, object? parameters = null) =>
        Connection.ExecuteAsync(Command(sql, parameters));

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters = null) =>
        Connection.QueryAsync<T>(Command(sql, parameters));

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters = null) =>
        Connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters));

    public Task<T?> ExecuteScalarAsync<T>(string sql, object? parameters = null) =>
        Connection.ExecuteScalarAsync<T>(Command(sql, parameters));

    private CommandDefinition Command(string sql, object? parameters) =>
        new(sql, parameters, Transaction, cancellationToken: CancellationToken);

    private async Task EnqueueAsync<T>(T message, string? destination)
        where T : class
    {
        var activity = Activity.Current;
        await ExecuteAsync(
            """
            INSERT INTO outbox_messages (message_id, message_type, destination, body, trace_parent, trace_state, created_at, origin_at)
            VALUES (@MessageId, @MessageType, @Destination, @Body::jsonb, @TraceParent, @TraceState, @CreatedAt, @OriginAt)
            """,
            new
            {
                MessageId = Guid.CreateVersion7(Now),
                MessageType = OutboxJson.TypeName(typeof(T)),
                Destination = destination,
                Body = JsonSerializer.Serialize(message, OutboxJson.Options),
                TraceParent = activity?.Id,
                TraceState = activity?.TraceStateString,
                CreatedAt = Now,

                // A message caused by a consumed one continues its chain; any other starts one.
                OriginAt = PipelineOrigin.Current ?? Now,
            });
        MessageCount++;
    }
}
