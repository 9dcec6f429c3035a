using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Logging;
using Npgsql;
using Trading.Notification.Telegram;
using Trading.Notification.Transports;

namespace Trading.Notification.Tests.Telegram;

public sealed class TelegramCommandPollerTests : IAsyncDisposable
{
    private const string Token = "123456789:AAH-secret-token-of-the-tests_0123456";
    private readonly WebhookReceiver _telegram = new();
    private readonly HttpClient _http = new();
    private readonly NpgsqlDataSource _unusedDatabase = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1");
    private readonly CapturingLogger<TelegramCommandPoller> _logger = new();
    private readonly TelegramCommandSettings _settings;
    private readonly TelegramCommandPoller _poller;

    public TelegramCommandPollerTests()
    {
        _settings = new TelegramCommandSettings
        {
            Channel = "desk",
            BotToken = Token,
            ChatId = "-1001234567890",
            ApiBase = new Uri($"http://127.0.0.1:{_telegram.Port}"),
        };
        var channels = new TelegramCommandChannels([_settings], _http, TimeProvider.System);
        var bus = MassTransit.Bus.Factory.CreateUsingInMemory(_ => { });
        _poller = new TelegramCommandPoller(
            channels, new TelegramCommandHandler(bus, TimeProvider.System), new TelegramOffsetStore(_unusedDatabase), TimeProvider.System, _logger);
    }

    [Fact]
    public async Task A_command_from_another_chat_is_ignored_and_logged_with_its_chat_id_but_not_the_token()
    {
        var update = new TelegramUpdate { UpdateId = 7, ChatId = 555_000_111, FromUsername = "stranger", Text = "/stop" };

        var reply = await _poller.HandleAsync(_settings, update, CancellationToken.None);

        Assert.Null(reply);
        Assert.Empty(_telegram.Requests);
        var warning = Assert.Single(_logger.Lines, l => l.Level == LogLevel.Warning);
        Assert.Contains("555000111", warning.Message);
        Assert.Contains("desk", warning.Message);
        Assert.DoesNotContain(_logger.Lines, l => l.Message.Contains("secret-token", StringComparison.Ordinal) || l.Message.Contains("123456789:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_from_the_configured_chat_is_answered_in_that_chat_as_html()
    {
        _telegram.Respond(200, """{"ok":true,"result":{"message_id":1}}""");
        var update = new TelegramUpdate { UpdateId = 8, ChatId = -1001234567890, FromUsername = "trader", Text = "/help" };

        var reply = await _poller.HandleAsync(_settings, update, CancellationToken.None);

        Assert.Equal(TelegramCommands.HelpText(), reply);
        var request = Assert.Single(_telegram.Requests);
        Assert.Equal($"/bot{Token}/sendMessage", request.Path);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(-1001234567890, body.RootElement.GetProperty("chat_id").GetInt64());
        Assert.Equal("HTML", body.RootElement.GetProperty("parse_mode").GetString());
        Assert.Equal(TelegramCommands.HelpText(), body.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Plain_text_and_updates_without_a_message_get_no_reply()
    {
        var chatter = new TelegramUpdate { UpdateId = 9, ChatId = -1001234567890, Text = "good morning" };
        var edited = new TelegramUpdate { UpdateId = 10 };

        Assert.Null(await _poller.HandleAsync(_settings, chatter, CancellationToken.None));
        Assert.Null(await _poller.HandleAsync(_settings, edited, CancellationToken.None));
        Assert.Empty(_telegram.Requests);
    }

    [Fact]
    public async Task A_reply_that_may_pass_later_fails_so_the_update_is_handled_again()
    {
        _telegram.Respond(429, """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 3","parameters":{"retry_after":3}}""");
        var update = new TelegramUpdate { UpdateId = 11, ChatId = -1001234567890, Text = "/help" };

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => _poller.HandleAsync(_settings, update, CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(3), error.RetryAfter);
        Assert.DoesNotContain("secret-token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_numeric_chat_id_configured_may_command()
    {
        Assert.True(_settings.IsChat(-1001234567890));
        Assert.False(_settings.IsChat(1001234567890));
        Assert.False((_settings with { ChatId = "@desk_channel" }).IsChat(-1001234567890));
    }

    public async ValueTask DisposeAsync()
    {
        await _telegram.DisposeAsync();
        _http.Dispose();
        await _unusedDatabase.DisposeAsync();
    }
}
