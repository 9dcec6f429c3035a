using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Trading.ServiceDefaults.Messaging;
using Trading.ServiceDefaults.Telemetry;

namespace Trading.ServiceDefaults.Outbox;

/// <summary>
/// Publishes committed outbox messages in commit order, each with its stored message id, and marks a row dispatched
/// only after the broker confirmed it. A crash between the two re-publishes the row with the same message id,
/// which the receiving inbox skips. Rows are locked with SKIP LOCKED, so replicas never publish the same row at once.
/// </summary>
public sealed partial class OutboxDispatcher(
    NpgsqlDataSource dataSource,
    IBus bus,
    OutboxSignal signal,
    IOptions<MessagingOptions> options,
    IHostApplicationLifetime lifetime,
    ServiceTelemetry telemetry,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly Counter<long> _dispatched = telemetry.Meter.CreateCounter<long>("trading.outbox.dispatched", "{message}", "Outbox messages published to the broker");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WaitForStartAsync(stoppingToken);
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchBatchAsync(settings.OutboxBatchSize, stoppingToken) == 0)
                {
                    await signal.WaitAsync(settings.OutboxPollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogDispatchFailed(logger, ex);
                await Task.Delay(settings.OutboxPollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Publishes up to <paramref name="batchSize"/> pending messages; returns how many.</summary>
    public async Task<int> DispatchBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<OutboxRow>(new CommandDefinition(
            """
            SELECT sequence, message_id, message_type, destination, body::text AS body, trace_parent, trace_state, created_at, origin_at
            FROM outbox_messages
            WHERE dispatched_at IS NULL
            ORDER BY sequence
            LIMIT @batchSize
            FOR UPDATE SKIP LOCKED
            """,
            new { batchSize }, transaction, cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            return 0;
        }

        foreach (var row in rows)
        {
            await PublishAsync(row, cancellationToken);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox_messages SET dispatched_at = now() WHERE sequence = ANY(@sequences)",
            new { sequences = rows.Select(r => r.Sequence).ToArray() }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        _dispatched.Add(rows.Count);
        return rows.Count;
    }

    private async Task PublishAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        var type = Type.GetType(row.MessageType, throwOnError: true)!;
        var message = JsonSerializer.Deserialize(row.Body, type, OutboxJson.Options)
            ?? throw new InvalidOperationException($"Outbox row {row.Sequence} has an empty body");

        // Continue the trace of the transaction that wrote the row, so one trace follows a trade across services.
        ActivityContext.TryParse(row.TraceParent, row.TraceState, out var parent);
        using var activity = ServiceTelemetry.Source.StartActivity($"outbox dispatch {type.Name}", ActivityKind.Internal, parent);

        if (row.Destination is null)
        {
            await bus.Publish(message, type, Pipe.Execute<PublishContext>(context => Stamp(context, row)), cancellationToken);
        }
        else
        {
            var endpoint = await bus.GetSendEndpoint(new Uri(row.Destination));
            await endpoint.Send(message, type, Pipe.Execute<SendContext>(context => Stamp(context, row)), cancellationToken);
        }
    }

    private static void Stamp(SendContext context, OutboxRow row)
    {
        context.MessageId = row.MessageId;
        PipelineHeaders.Set(context.Headers, AsUtc(row.CreatedAt), AsUtc(row.OriginAt ?? row.CreatedAt));
    }

    // Npgsql reads timestamptz as a DateTime in UTC.
    private static DateTimeOffset AsUtc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    private async Task WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch failed; retrying")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);

    private sealed record OutboxRow(
        long Sequence, Guid MessageId, string MessageType, string? Destination, string Body, string? TraceParent, string? TraceState, DateTime CreatedAt, DateTime? OriginAt);
}
