using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Trading.Notification.Delivery;
using Trading.Notification.Transports;

namespace Trading.Notification.Telegram;

/// <summary>
/// Long polls <c>getUpdates</c> for each command channel, one instance per channel at a time (a Postgres lease), and answers each
/// command from the configured chat in that chat. Messages from any other chat are ignored and logged with the chat id. The offset
/// moves on (in Postgres) after the reply was sent; a failed poll or reply is tried again with backoff, honouring <c>retry_after</c>.
/// </summary>
public sealed class TelegramCommandPoller(
    TelegramCommandChannels channels,
    TelegramCommandHandler handler,
    TelegramOffsetStore offsets,
    TimeProvider timeProvider,
    ILogger<TelegramCommandPoller> logger) : BackgroundService
{
    /// <summary>How long one <c>getUpdates</c> waits for an update before answering empty.</summary>
    public static readonly TimeSpan LongPollWait = TimeSpan.FromSeconds(25);

    /// <summary>How often a standby instance tries to take a channel's lease.</summary>
    public static readonly TimeSpan LeaseRetry = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(channels.All.Select(channel => Task.Run(() => RunAsync(channel, stoppingToken), stoppingToken)));

    /// <summary>
    /// Handles one update: a command from the configured chat is answered there and the reply returned; anything else returns null
    /// (a message from another chat is logged as a warning with its chat id). A reply Telegram refuses for good is logged and dropped;
    /// one that may pass later throws <see cref="TelegramApiException"/>, so the update is handled again.
    /// </summary>
    public async Task<string?> HandleAsync(TelegramCommandSettings settings, TelegramUpdate update, CancellationToken cancellationToken)
    {
        if (update.ChatId is not { } chatId)
        {
            return null;
        }

        if (!settings.IsChat(chatId))
        {
            TelegramLog.OtherChatIgnored(logger, settings.Channel, chatId, update.FromUsername, settings.ChatId);
            return null;
        }

        // Bots run in privacy mode by default: a group only passes them commands without a mention or mentioning them.
        if (TelegramCommands.Parse(update.Text, botUsername: null) is not { } command)
        {
            return null;
        }

        TelegramLog.CommandReceived(logger, settings.Channel, command.Name, update.FromUsername, update.UpdateId);
        var reply = await handler.ReplyAsync(command, settings, update, cancellationToken);
        var outcome = await channels.TransportOf(settings).SendMessageAsync(
            settings.ApiBase, settings.BotToken, chatId.ToString(CultureInfo.InvariantCulture), reply, "HTML", silent: false, cancellationToken);
        switch (outcome.Kind)
        {
            case DeliveryOutcomeKind.Delivered:
                return reply;
            case DeliveryOutcomeKind.Permanent:
                TelegramLog.ReplyRefused(logger, settings.Channel, update.UpdateId, outcome.Error ?? "");
                return null;
            default:
                throw new TelegramApiException(null, "the reply was not sent: " + outcome.Error, outcome.RetryAfter);
        }
    }

    private async Task RunAsync(TelegramCommandSettings settings, CancellationToken stoppingToken)
    {
        var backoff = FirstBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            NpgsqlConnection? lease = null;
            try
            {
                lease = await offsets.TryLeaseAsync(settings.Channel, stoppingToken);
                if (lease is null)
                {
                    await Task.Delay(LeaseRetry, timeProvider, stoppingToken);
                    continue;
                }

                await PollAsync(settings, () => backoff = FirstBackoff, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (TelegramApiException ex)
            {
                var wait = ex.RetryAfter ?? backoff;
                TelegramLog.PollFailed(logger, settings.Channel, wait, ex.Message);
                backoff = Next(backoff);
                await DelayAsync(wait, stoppingToken);
            }
            catch (Exception ex)
            {
                TelegramLog.PollCrashed(logger, settings.Channel, backoff, ex);
                var wait = backoff;
                backoff = Next(backoff);
                await DelayAsync(wait, stoppingToken);
            }
            finally
            {
                if (lease is not null)
                {
                    await lease.DisposeAsync();
                }
            }
        }
    }

    /// <summary>Polls while the lease is held; returns only by an exception or cancellation.</summary>
    private async Task PollAsync(TelegramCommandSettings settings, Action polled, CancellationToken stoppingToken)
    {
        var offset = await offsets.NextAsync(settings.Channel, stoppingToken) ?? 0;
        TelegramLog.Polling(logger, settings.Channel, settings.ChatId, offset);
        var transport = channels.TransportOf(settings);
        while (true)
        {
            var updates = await transport.GetUpdatesAsync(settings.ApiBase, settings.BotToken, offset, LongPollWait, stoppingToken);
            polled();
            foreach (var update in updates.OrderBy(u => u.UpdateId))
            {
                if (update.UpdateId < offset)
                {
                    continue;
                }

                await HandleAsync(settings, update, stoppingToken);
                offset = update.UpdateId + 1;
                await offsets.AdvanceAsync(settings.Channel, offset, timeProvider.GetUtcNow(), stoppingToken);
            }
        }
    }

    private async Task DelayAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(wait, timeProvider, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static TimeSpan Next(TimeSpan backoff) => backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
}
