using Microsoft.Extensions.Logging;
using Trading.Notification.Rendering;
using Trading.Notification.Transports;

namespace Trading.Notification.Delivery;

/// <summary>
/// Builds the configured channels: for each, its name (<c>kind:name</c>), its route, its API's rate limits, and its send: the notice
/// rendered for that API (Block Kit, embed, Telegram HTML or MarkdownV2, e-mail, the webhook JSON) and posted once by its transport.
/// </summary>
public static class ChannelFactory
{
    public const string ConsoleCategory = "Trading.Notification.Console";

    /// <summary>Every secret of the configuration, for <see cref="SecretRedactor"/>.</summary>
    public static IEnumerable<string> Secrets(NotificationOptions options) =>
        options.Slack.Select(s => s.WebhookUrl)
            .Concat(options.Discord.Select(d => d.WebhookUrl))
            .Concat(options.Webhooks.Select(w => w.Url))
            .Concat(options.Telegram.Select(t => t.BotToken))
            .Concat(options.Email.Select(e => e.Password));

    public static IEnumerable<NotificationChannel> Build(
        NotificationOptions options, IHttpClientFactory http, SecretRedactor redactor, TimeProvider time, ILoggerFactory loggers)
    {
        HttpClient Client(ChatChannelOptions channel)
        {
            var client = http.CreateClient(TransportHttpClient.Name);
            // The transport's own deadline (the channel's timeout) ends an attempt; this one only backs it up.
            client.Timeout = channel.Timeout + TimeSpan.FromSeconds(5);
            return client;
        }

        if (options.Console)
        {
            var console = loggers.CreateLogger(ConsoleCategory);
            yield return new NotificationChannel
            {
                Name = "console",
                Route = ChannelRoute.Everything,
                Limits = [],
                DigestAbove = 0,
                SendAsync = (notice, _, _) =>
                {
                    Log.ConsoleNotification(console, notice.Event, ConsoleLine.Render(notice));
                    return Task.FromResult(DeliveryOutcome.Delivered);
                },
            };
        }

        foreach (var slack in options.Slack)
        {
            var transport = new SlackWebhookTransport(Client(slack), redactor, time) { Timeout = slack.Timeout };
            var url = new Uri(slack.WebhookUrl);
            yield return Channel("slack", slack, options, RateWindow.Slack, (notice, _, ct) => transport.SendAsync(url, SlackPayload.Render(notice), ct));
        }

        foreach (var discord in options.Discord)
        {
            var transport = new DiscordWebhookTransport(Client(discord), redactor, time) { Timeout = discord.Timeout };
            var url = new Uri(discord.WebhookUrl);
            yield return Channel("discord", discord, options, RateWindow.Discord,
                (notice, silent, ct) => transport.SendAsync(url, DiscordPayload.Render(notice, silent), ct));
        }

        foreach (var telegram in options.Telegram)
        {
            var transport = new TelegramBotTransport(Client(telegram), redactor, time) { Timeout = telegram.Timeout };
            var api = new Uri(telegram.ApiBase);
            var mode = telegram.ParseMode == "MarkdownV2" ? TelegramParseMode.MarkdownV2 : TelegramParseMode.Html;
            var limits = telegram.ChatId.StartsWith('-') ? RateWindow.TelegramGroup : RateWindow.TelegramChat;
            yield return Channel("telegram", telegram, options, limits, (notice, silent, ct) =>
                transport.SendMessageAsync(api, telegram.BotToken, telegram.ChatId, TelegramMessage.Render(notice, mode), telegram.ParseMode, silent, ct));
        }

        foreach (var webhook in options.Webhooks)
        {
            var transport = new JsonWebhookTransport(Client(webhook), redactor, time) { Timeout = webhook.Timeout };
            var url = new Uri(webhook.Url);
            // A machine reads a webhook: one request per event, never a digest, and a request cut off by a crash is sent again
            // with the same Idempotency-Key for the receiver to de-duplicate.
            yield return Channel("webhook", webhook, options, [new RateWindow(webhook.PerSecond, TimeSpan.FromSeconds(1))],
                (notice, _, ct) => transport.SendAsync(url, notice.Json, notice.EventId, ct)) with
            { DigestAbove = 0, ResendInterrupted = true };
        }

        foreach (var email in options.Email)
        {
            var transport = new SmtpTransport(redactor);
            var settings = new SmtpSettings
            {
                Host = email.Host,
                Port = email.Port,
                UseStartTls = email.UseStartTls,
                Username = email.Username,
                Password = email.Password,
                Timeout = email.Timeout,
            };
            yield return Channel("email", email, options, [new RateWindow(1, TimeSpan.FromSeconds(2))], (notice, _, ct) =>
            {
                var (subject, body) = EmailMessage.Render(notice);
                return transport.SendAsync(settings, email.From, email.To, subject, body, ct);
            });
        }
    }

    private static NotificationChannel Channel(
        string kind, ChatChannelOptions channel, NotificationOptions options, IReadOnlyList<RateWindow> limits,
        Func<Notifications.Notice, bool, CancellationToken, Task<DeliveryOutcome>> send) => new()
        {
            Name = $"{kind}:{channel.Name}",
            Route = ChannelRoute.From(channel),
            Limits = limits,
            DigestAbove = options.DigestAbove,
            SendAsync = send,
        };
}
