using System.Globalization;
using Dapper;
using Npgsql;
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

    private readonly Dictionary<string, string> _environment;
    private readonly string _logs;
    private readonly List<ServiceProcess> _retired = [];

    private ChatStack(string postgres, string rabbitMq, Dictionary<string, string> environment, string logs, FakeSlackServer slack,
        FakeDiscordServer discord, FakeTelegramServer telegram, FakeWebhookServer webhook, FakeSmtpServer smtp, ReplayBus bus)
    {
        Postgres = postgres;
        RabbitMq = rabbitMq;
        _environment = environment;
        _logs = logs;
        Slack = slack;
        Discord = discord;
        Telegram = telegram;
        Webhook = webhook;
        Smtp = smtp;
        Bus = bus;
    }

    public string Postgres { get; }

    public string RabbitMq { get; }

    public FakeSlackServer Slack { get; }

    public FakeDiscordServer Discord { get; }

    public FakeTelegramServer Telegram { get; }

    public FakeWebhookServer Webhook { get; }

    public FakeSmtpServer Smtp { get; }

    public ReplayBus Bus { get; }

    public List<ServiceProcess> Instances { get; } = [];

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
        var postgres = await infrastructure.CreateDatabaseAsync();
        var rabbitMq = await infrastructure.CreateVirtualHostAsync();
        var slack = await FakeSlackServer.StartAsync();
        var discord = await FakeDiscordServer.StartAsync();
        var telegram = await FakeTelegramServer.StartAsync();
        var webhook = await FakeWebhookServer.StartAsync();
        var smtp = FakeSmtpServer.Start();
        smtp.RequireAuthentication("bot", SmtpPassword);
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = postgres,
            ["ConnectionStrings__RabbitMq"] = rabbitMq,
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

        var logs = Path.Combine(RepositoryPaths.Root, ".local", "test-logs", $"notification-{name}-" + new Uri(rabbitMq).AbsolutePath.Trim('/'));
        var stack = new ChatStack(postgres, rabbitMq, environment, logs, slack, discord, telegram, webhook, smtp, await ReplayBus.StartAsync(rabbitMq));
        for (var i = 0; i < instances; i++)
        {
            await stack.StartInstanceAsync();
        }

        return stack;
    }

    public async Task StartInstanceAsync()
    {
        var process = new ServiceProcess("notification", "Trading.Notification", _environment, _logs);
        Instances.Add(process);
        process.Start();
        await process.WaitUntilReadyAsync(Patience);
    }

    public async Task KillAndRestartAsync()
    {
        var killed = Instances[0];
        await killed.KillAsync();
        Instances.RemoveAt(0);
        _retired.Add(killed);
        await StartInstanceAsync();
    }

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

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Postgres);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    /// <summary>Waits until no delivery is pending or being sent.</summary>
    public Task SettledAsync() =>
        Eventually.Holds(
            async () => await CountAsync("SELECT count(*) FROM notification.deliveries WHERE status IN ('pending', 'sending')") == 0
                && await CountAsync("SELECT count(*) FROM notification.deliveries") > 0,
            Patience,
            () => "every delivery is final\n" + Logs());

    /// <summary>How many requests a chat received that carry <paramref name="marker"/>.</summary>
    public static int RequestsWith(FakeChatServer server, string marker) =>
        server.Requests.Count(r => r.Body.Contains(marker, StringComparison.Ordinal));

    public string Logs() => string.Join("\n", Instances.Concat(_retired).Select((p, i) => $"----- notification {i} (exited {p.HasExited})\n{p.Tail(20)}"));

    public string AllOutput() => string.Join("\n", Instances.Concat(_retired).Select(p => p.Output));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Instances.Concat(_retired))
        {
            await process.DisposeAsync();
        }

        await Bus.DisposeAsync();
        await Slack.DisposeAsync();
        await Discord.DisposeAsync();
        await Telegram.DisposeAsync();
        await Webhook.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
