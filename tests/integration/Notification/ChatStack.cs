using System.Globalization;
using Trading.Contracts.Orders;
using Trading.FakeVenues.Chat;
using Trading.Integration.Tests.EndToEnd;
using Trading.Integration.Tests.Infrastructure;

namespace Trading.Integration.Tests.Notification;

/// <summary>
/// Notification processes on a database and virtual host of their own, configured with one channel of every kind, each pointing at a
/// fake chat server that speaks the API's protocol; a replay bus publishes events as the services' outboxes would.
/// </summary>
internal sealed class ChatStack : IAsyncDisposable
{
    public const string ChatId = "424242";
    public const string SmtpPassword = "smtp-password-0123456789";
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private ChatStack(IsolatedService service, FakeSlackServer slack, FakeDiscordServer discord, FakeTelegramServer telegram, FakeWebhookServer webhook,
        FakeSmtpServer smtp, ReplayBus bus)
    {
        Service = service;
        Slack = slack;
        Discord = discord;
        Telegram = telegram;
        Webhook = webhook;
        Smtp = smtp;
        Bus = bus;
    }

    /// <summary>The notification processes, their database and virtual host.</summary>
    public IsolatedService Service { get; }

    public string Postgres => Service.Postgres;

    public string RabbitMq => Service.RabbitMq;

    public FakeSlackServer Slack { get; }

    public FakeDiscordServer Discord { get; }

    public FakeTelegramServer Telegram { get; }

    public FakeWebhookServer Webhook { get; }

    public FakeSmtpServer Smtp { get; }

    public ReplayBus Bus { get; }

    public List<ServiceProcess> Instances => Service.Instances;

    /// <summary>Every secret of the configuration: the URLs, their tokens, the bot token, the SMTP password.</summary>
    public IReadOnlyList<string> Secrets =>
    [
        Slack.Url.ToString(), Slack.Url.Segments[^1], Discord.Url.ToString(), Discord.Url.Segments[^1], Telegram.Token, Webhook.Url.ToString(),
        SmtpPassword,
    ];

    /// <summary>The chat servers and their names in the delivery log.</summary>
    public IReadOnlyList<(string Channel, FakeChatServer Server)> Chats =>
        [("slack:desk", Slack), ("discord:desk", Discord), ("telegram:phone", Telegram), ("webhook:ops", Webhook)];

    public static async Task<ChatStack> StartAsync(InfrastructureFixture infrastructure, string name, int instances, IReadOnlyDictionary<string, string>? settings = null)
    {
        var slack = await FakeSlackServer.StartAsync();
        var discord = await FakeDiscordServer.StartAsync();
        var telegram = await FakeTelegramServer.StartAsync();
        var webhook = await FakeWebhookServer.StartAsync();
        var smtp = FakeSmtpServer.Start();
        smtp.RequireAuthentication("bot", SmtpPassword);
        var environment = new Dictionary<string, string>
        {
            ["Notification__StatusReportInterval"] = "00:00:00",
            ["Notification__DailySummary"] = "false",
            ["Notification__Slack__0__Name"] = "desk",
            ["Notification__Slack__0__WebhookUrl"] = slack.Url.ToString(),
            ["Notification__Discord__0__Name"] = "desk",
            ["Notification__Discord__0__WebhookUrl"] = discord.Url.ToString(),
            ["Notification__Telegram__0__Name"] = "phone",
            ["Notification__Telegram__0__BotToken"] = telegram.Token,
            ["Notification__Telegram__0__ChatId"] = ChatId,
            ["Notification__Telegram__0__ApiBase"] = telegram.ApiBase.ToString(),
            ["Notification__Webhooks__0__Name"] = "ops",
            ["Notification__Webhooks__0__Url"] = webhook.Url.ToString(),
            ["Notification__Email__0__Name"] = "inbox",
            ["Notification__Email__0__Host"] = smtp.Host,
            ["Notification__Email__0__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Notification__Email__0__UseStartTls"] = "false",
            ["Notification__Email__0__Username"] = "bot",
            ["Notification__Email__0__Password"] = SmtpPassword,
            ["Notification__Email__0__From"] = "bot@example.invalid",
            ["Notification__Email__0__To__0"] = "trader@example.invalid",
            ["Notification__Email__0__Events__0"] = "trading-halted",
            ["Logging__LogLevel__Default"] = "Debug",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var service = await IsolatedService.CreateAsync(infrastructure, "notification", "Trading.Notification", name, environment);
        var stack = new ChatStack(service, slack, discord, telegram, webhook, smtp, await ReplayBus.StartAsync(service.RabbitMq));
        for (var i = 0; i < instances; i++)
        {
            await service.StartInstanceAsync();
        }

        return stack;
    }

    public Task KillAndRestartAsync() => Service.KillAndRestartAsync();

    /// <summary>A fill whose symbol (<c>T{index}/USD</c>) marks it in every rendered message.</summary>
    public static OrderFilled Fill(int index) => new()
    {
        OrderId = Guid.NewGuid(),
        ClientOrderId = "sig-" + index.ToString("D24", CultureInfo.InvariantCulture),
        PositionId = Guid.NewGuid(),
        SignalId = Guid.NewGuid(),
        Venue = "KRAKEN",
        Symbol = Marker(index),
        Side = OrderSide.Buy,
        Quantity = 0.01m,
        Price = 105_000m,
        Fee = 2.73m,
        OpensPosition = true,
        IsPaper = true,
        FilledAt = DateTimeOffset.UtcNow,
    };

    public static string Marker(int index) => $"T{index:D3}/USD";

    public Task<long> CountAsync(string sql) => Service.CountAsync(sql);

    /// <summary>Waits until <paramref name="events"/> events of <paramref name="eventName"/> are queued and no delivery is pending or being sent.</summary>
    public Task SettledAsync(int events, string eventName = "order-filled") =>
        Eventually.Holds(
            async () => await CountAsync($"SELECT count(DISTINCT event_id) FROM notification.deliveries WHERE event = '{eventName}'") >= events
                && await CountAsync("SELECT count(*) FROM notification.deliveries WHERE status IN ('pending', 'sending')") == 0,
            Patience,
            () => "every delivery is final\n" + Logs());

    /// <summary>How many requests a chat received that carry <paramref name="marker"/>.</summary>
    public static int RequestsWith(FakeChatServer server, string marker) =>
        server.Requests.Count(r => r.Body.Contains(marker, StringComparison.Ordinal));

    public string Logs() => Service.Logs();

    public string AllOutput() => Service.AllOutput();

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        await Bus.DisposeAsync();
        await Slack.DisposeAsync();
        await Discord.DisposeAsync();
        await Telegram.DisposeAsync();
        await Webhook.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
