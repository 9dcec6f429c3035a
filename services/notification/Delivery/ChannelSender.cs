using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using Trading.Notification.Notifications;
using Trading.Notification.Persistence;

namespace Trading.Notification.Delivery;

/// <summary>
/// Sends one channel's queue, from one instance at a time: the instance that holds the channel's Postgres advisory lock sends, every
/// other instance waits as a standby and takes over when the holder's connection goes. So the channel's rate limit holds across
/// instances and every delivery is claimed once. Each delivery is marked 'sending' before its request and closed after it; one left
/// 'sending' by a sender that died is marked 'interrupted' and not sent again (at most once per channel). A 429 pauses the channel for
/// as long as the API says; a transient failure is retried with backoff; a permanent one is recorded and dropped with a log line.
/// More due notices than the channel's digest threshold go out as one digest.
/// </summary>
public sealed class ChannelSender(
    NotificationChannel channel,
    NpgsqlDataSource dataSource,
    DeliveryStore store,
    DeliverySignal signal,
    NotificationMetrics metrics,
    TimeProvider time,
    ILogger logger)
{
    private static readonly TimeSpan StandbyPoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var standingBy = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                if (!await connection.ExecuteScalarAsync<bool>(
                        "SELECT pg_try_advisory_lock(hashtext('notification-channel:' || @name))", new { name = channel.Name }))
                {
                    if (!standingBy)
                    {
                        Log.ChannelStandby(logger, channel.Name);
                        standingBy = true;
                    }

                    await Task.Delay(StandbyPoll, time, stoppingToken);
                    continue;
                }

                standingBy = false;
                Log.ChannelActive(logger, channel.Name);
                foreach (var interrupted in await store.InterruptAsync(channel.Name, channel.ResendInterrupted, time.GetUtcNow(), stoppingToken))
                {
                    metrics.Delivery(channel.Name, interrupted.Notice.Event, channel.ResendInterrupted ? "resent" : "interrupted");
                    if (channel.ResendInterrupted)
                    {
                        Log.DeliveryResent(logger, interrupted.Notice.Event, interrupted.EventId, channel.Name);
                    }
                    else
                    {
                        Log.DeliveryInterrupted(logger, interrupted.Notice.Event, interrupted.EventId, channel.Name);
                    }
                }

                await SendAsync(connection, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.ChannelSenderFailed(logger, channel.Name, ex);
                await Task.Delay(StandbyPoll, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task SendAsync(NpgsqlConnection lockConnection, CancellationToken stoppingToken)
    {
        var limiter = new ChannelRateLimiter(channel.Limits);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (lockConnection.FullState != System.Data.ConnectionState.Open)
            {
                throw new InvalidOperationException($"The lock connection of channel {channel.Name} closed");
            }

            var now = time.GetUtcNow();
            var (due, waiting) = await store.DueAsync(channel.Name, now, Math.Max(channel.DigestMax, 1), stoppingToken);
            if (due.Count == 0)
            {
                var next = await store.NextDueAsync(channel.Name, stoppingToken);
                var wait = next is { } at ? Clamp(at - now) : IdlePoll;
                await signal.WaitAsync(channel.Name, wait, stoppingToken);
                continue;
            }

            var slot = limiter.NextSlot(now);
            if (slot > now)
            {
                await Task.Delay(slot - now, time, stoppingToken);
                continue;
            }

            await SendOneAsync(due, waiting, limiter, now);
        }
    }

    private async Task SendOneAsync(IReadOnlyList<QueuedDelivery> due, long waiting, ChannelRateLimiter limiter, DateTimeOffset now)
    {
        // From the claim on, the attempt runs to its end even when the service is stopping: a request cut off half way would leave the
        // delivery 'interrupted' for good.
        var none = CancellationToken.None;
        Notice notice;
        bool silent;
        int attempts;
        var traceParent = due[0].TraceParent;
        if (channel.DigestAbove > 0 && waiting > channel.DigestAbove && due.Count >= 2)
        {
            notice = Digest.Of(channel.Name, [.. due.Select(d => d.Notice)]);
            silent = due.All(d => d.Silent);
            attempts = 1;
            await store.ClaimDigestAsync(channel.Name, notice, silent, due, now, none);
            Log.Folded(logger, due.Count, channel.Name, waiting);
        }
        else
        {
            var delivery = due[0];
            notice = delivery.Notice;
            silent = delivery.Silent;
            attempts = delivery.Attempts + 1;
            await store.ClaimAsync(delivery, now, none);
        }

        DeliveryOutcome outcome;
        using var activity = DeliveryActivity.Start(channel.Name, notice, traceParent);
        try
        {
            outcome = await channel.SendAsync(notice, silent, none);
        }
        catch (Exception ex)
        {
            // Only the exception's type: a message may echo a URL or token.
            outcome = DeliveryOutcome.Transient($"the channel failed with {ex.GetType().Name}");
        }

        activity?.SetTag("notification.outcome", outcome.Kind.ToString());
        var after = time.GetUtcNow();

        // The attempt counts against the limits from when its answer came back: the API saw the request before that, so the next
        // one, at least a window later, reaches it at least a window after this one, however long either took on the way.
        limiter.Sent(after);
        DateTimeOffset? retryAt = outcome.Kind switch
        {
            DeliveryOutcomeKind.RateLimited => after + (outcome.RetryAfter ?? TimeSpan.FromSeconds(1)),
            DeliveryOutcomeKind.Transient when attempts < channel.MaxAttempts => after + Backoff.After(attempts),
            _ => null,
        };
        if (outcome.Kind == DeliveryOutcomeKind.RateLimited)
        {
            limiter.PauseUntil(retryAt!.Value);
        }

        await store.CompleteAsync(notice.EventId, channel.Name, outcome, after, retryAt, none);
        Record(notice, outcome, attempts, retryAt, after - now);
    }

    private void Record(Notice notice, DeliveryOutcome outcome, int attempts, DateTimeOffset? retryAt, TimeSpan took)
    {
        switch (outcome.Kind)
        {
            case DeliveryOutcomeKind.Delivered:
                metrics.Delivery(channel.Name, notice.Event, "delivered");
                Log.Delivered(logger, notice.Event, notice.EventId, channel.Name, took.TotalMilliseconds);
                break;
            case DeliveryOutcomeKind.RateLimited:
                metrics.Delivery(channel.Name, notice.Event, "rate_limited");
                Log.RateLimited(logger, notice.Event, notice.EventId, channel.Name, outcome.RetryAfter ?? TimeSpan.Zero);
                break;
            case DeliveryOutcomeKind.Transient when retryAt is not null:
                metrics.Delivery(channel.Name, notice.Event, "retried");
                Log.Retrying(logger, notice.Event, notice.EventId, channel.Name, attempts, retryAt.Value, outcome.Error ?? "");
                break;
            default:
                metrics.Delivery(channel.Name, notice.Event, "failed");
                Log.DeliveryFailed(logger, notice.Event, notice.EventId, channel.Name, attempts, outcome.Error ?? "");
                break;
        }
    }

    private static TimeSpan Clamp(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait > IdlePoll ? IdlePoll : wait;
}
