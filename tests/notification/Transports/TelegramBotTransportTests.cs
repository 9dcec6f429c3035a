using System.Diagnostics;
using System.Text.Json.Nodes;
using Trading.FakeVenues.Chat;
using Trading.Notification.Delivery;
using Trading.Notification.Transports;

namespace Trading.Notification.Tests.Transports;

public sealed class TelegramBotTransportTests : IAsyncLifetime
{
    private const string Html = "<b>Order filled</b>\nBUY 0.0010 <code>BTC-USD</code> @ 68,900.00 &lt;limit&gt;";

    private readonly HttpClient _http = new(TransportHttpClient.CreateHandler());
    private FakeTelegramServer _telegram = null!;

    public async Task InitializeAsync() => _telegram = await FakeTelegramServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Sends_the_message_as_the_fixture_request_with_a_numeric_chat_id()
    {
        var outcome = await Transport().SendMessageAsync(_telegram.ApiBase, _telegram.Token, "123456789", Html, "HTML", false, CancellationToken.None);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Delivered);
        var request = Assert.Single(_telegram.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/bot{_telegram.Token}/sendMessage", request.Path);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        var fixture = JsonNode.Parse(NotifyFixtures.ReadText("telegram/sendMessage.request.html.json"))!;
        Assert.True(JsonNode.DeepEquals(fixture, request.Json()), request.Body);
    }

    [Theory]
    [InlineData("@trading_desk", "\"@trading_desk\"")]
    [InlineData("-1001234567890", "-1001234567890")]
    [InlineData(" 4503599627370495 ", "4503599627370495")]
    public async Task Sends_a_channel_name_as_a_string_and_any_id_as_a_number(string chatId, string json)
    {
        await Transport().SendMessageAsync(_telegram.ApiBase, _telegram.Token, chatId, "hi", "HTML", false, CancellationToken.None);

        Assert.Equal(json, Assert.Single(_telegram.SentMessages).Json()["chat_id"]!.ToJsonString());
    }

    [Theory]
    [InlineData("Html", "HTML")]
    [InlineData("markdownv2", "MarkdownV2")]
    [InlineData("MarkdownV2", "MarkdownV2")]
    [InlineData("Markdown", "Markdown")]
    public async Task Sends_the_parse_mode_as_telegram_spells_it(string parseMode, string sent)
    {
        await Transport().SendMessageAsync(_telegram.ApiBase, _telegram.Token, "1", "x", parseMode, true, CancellationToken.None);

        var body = Assert.Single(_telegram.SentMessages).Json();
        Assert.Equal(sent, (string?)body["parse_mode"]);
        Assert.True((bool)body["disable_notification"]!);
    }

    [Fact]
    public async Task Plain_text_leaves_the_parse_mode_out()
    {
        await Transport().SendMessageAsync(_telegram.ApiBase, _telegram.Token, "1", "a_b*c", "", false, CancellationToken.None);

        Assert.False(Assert.Single(_telegram.SentMessages).Json().ContainsKey("parse_mode"));
    }

    [Fact]
    public async Task An_unknown_parse_mode_is_a_programming_error()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => Transport().SendMessageAsync(_telegram.ApiBase, _telegram.Token, "1", "x", "Markup", false, CancellationToken.None));
    }

    [Theory]
    [InlineData("400-chat-not-found", "HTTP 400 Bad Request: chat not found")]
    [InlineData("400-cant-parse-entities", "HTTP 400 Bad Request: can't parse entities: Character '.' is reserved")]
    [InlineData("401-unauthorized", "HTTP 401 Unauthorized")]
    [InlineData("403-blocked", "HTTP 403 Forbidden: bot was blocked by the user")]
    public async Task Refusals_are_permanent_with_telegrams_description(string fixture, string error)
    {
        _telegram.Script(FakeTelegramServer.Fixture(fixture));

        var outcome = await Send();

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Permanent, error);
        TransportAssert.NoSecret(outcome.Error, _telegram.Token);
    }

    [Fact]
    public async Task Flood_control_waits_parameters_retry_after()
    {
        _telegram.Script(FakeTelegramServer.Fixture("429"));

        var outcome = await Send();

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.RateLimited, "HTTP 429 Too Many Requests: retry after 35");
        Assert.Equal(TimeSpan.FromSeconds(35), outcome.RetryAfter);
    }

    [Fact]
    public async Task Flood_control_without_parameters_falls_back_to_the_header_then_one_second()
    {
        _telegram.Script(
            FakeReply.Json(429, """{"ok":false,"error_code":429,"description":"Too Many Requests"}""", ("Retry-After", "4")),
            FakeReply.Json(429, """{"ok":false,"error_code":429,"description":"Too Many Requests"}"""));

        var first = await Send();
        var second = await Send();

        Assert.Equal(TimeSpan.FromSeconds(4), first.RetryAfter);
        Assert.Equal(TelegramBotTransport.DefaultRetryAfter, second.RetryAfter);
    }

    [Fact]
    public async Task Every_fixture_response_is_classified()
    {
        var names = NotifyFixtures.Files("telegram").Select(Path.GetFileName).OfType<string>()
            .Where(f => f.StartsWith("sendMessage.response.", StringComparison.Ordinal))
            .Select(f => f["sendMessage.response.".Length..^".json".Length])
            .ToList();
        Assert.Equal(6, names.Count);
        foreach (var name in names)
        {
            var reply = FakeTelegramServer.Fixture(name);
            _telegram.Script(reply);

            var outcome = await Send();

            var expected = reply.Status switch
            {
                200 => DeliveryOutcomeKind.Delivered,
                429 => DeliveryOutcomeKind.RateLimited,
                _ => DeliveryOutcomeKind.Permanent,
            };
            TransportAssert.Outcome(outcome, expected, reply.Status == 200 ? null : (string?)JsonNode.Parse(reply.Body!)!["description"]);
        }
    }

    [Fact]
    public async Task A_wrong_token_is_permanent_and_the_token_is_not_in_the_error()
    {
        const string wrong = "1234567890:AAwrongwrongwrongwrongwrongwrongwro";
        var transport = new TelegramBotTransport(_http, new SecretRedactor([wrong]), TimeProvider.System);

        var outcome = await transport.SendMessageAsync(_telegram.ApiBase, wrong, "1", "x", "HTML", false, CancellationToken.None);

        Assert.Equal("HTTP 401 Unauthorized", outcome.Error);
        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
    }

    [Fact]
    public async Task A_group_moved_to_a_supergroup_is_permanent_and_names_the_new_chat()
    {
        _telegram.Script(FakeReply.Json(400,
            """{"ok":false,"error_code":400,"description":"Bad Request: group chat was upgraded to a supergroup chat","parameters":{"migrate_to_chat_id":-1001234567890}}"""));

        var outcome = await Send();

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Permanent, "(the group is now chat -1001234567890)");
    }

    [Theory]
    [InlineData(500, """{"ok":false,"error_code":500,"description":"Internal Server Error"}""", "HTTP 500 Internal Server Error")]
    [InlineData(502, "<html><body>502 Bad Gateway</body></html>", "HTTP 502 <html><body>502 Bad Gateway</body></html>")]
    [InlineData(408, "", "HTTP 408")]
    public async Task Server_errors_are_transient(int status, string body, string error)
    {
        _telegram.Script(FakeReply.Of(status, body));

        var outcome = await Send();

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Transient, error);
    }

    [Fact]
    public async Task An_answer_later_than_the_timeout_is_transient()
    {
        _telegram.Script(FakeTelegramServer.Fixture("ok").After(TimeSpan.FromSeconds(10)));

        var outcome = await Transport(TimeSpan.FromMilliseconds(300)).SendMessageAsync(
            _telegram.ApiBase, _telegram.Token, "1", "x", "HTML", false, CancellationToken.None);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Transient, "no answer within 0.3 s");
    }

    [Fact]
    public async Task A_refused_connection_is_transient_and_names_no_token()
    {
        var (apiBase, token) = (_telegram.ApiBase, _telegram.Token);
        await _telegram.DisposeAsync();

        var outcome = await Transport(token: token).SendMessageAsync(apiBase, token, "1", "x", "HTML", false, CancellationToken.None);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Transient, "could not connect");
        TransportAssert.NoSecret(outcome.Error, token, token.Split(':')[1]);
        _telegram = await FakeTelegramServer.StartAsync();
    }

    [Fact]
    public async Task Get_updates_returns_the_queued_messages_with_chat_user_text_and_date()
    {
        var first = _telegram.AddMessage(123456789, "/status");
        _telegram.AddMessage(-1001234567890, "/stop", fromUserId: 42, username: "alice");

        var updates = await Transport().GetUpdatesAsync(_telegram.ApiBase, _telegram.Token, 0, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(2, updates.Count);
        Assert.Equal(first, updates[0].UpdateId);
        Assert.Equal(123456789, updates[0].ChatId);
        Assert.Equal("/status", updates[0].Text);
        Assert.Equal(first + 1, updates[1].UpdateId);
        Assert.Equal(-1001234567890, updates[1].ChatId);
        Assert.Equal(42, updates[1].FromUserId);
        Assert.Equal("alice", updates[1].FromUsername);
        Assert.True(updates[1].SentAt > DateTimeOffset.UtcNow.AddMinutes(-1));
        var request = Assert.Single(_telegram.Requests).Json();
        Assert.Equal(0, (long)request["offset"]!);
        Assert.Equal(5, (long)request["timeout"]!);
        Assert.Equal("""["message"]""", request["allowed_updates"]!.ToJsonString());
    }

    [Fact]
    public async Task An_offset_confirms_the_updates_below_it()
    {
        var first = _telegram.AddMessage(1, "/status");
        var second = _telegram.AddMessage(1, "/help");

        var updates = await Transport().GetUpdatesAsync(_telegram.ApiBase, _telegram.Token, first + 1, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(second, Assert.Single(updates).UpdateId);
        Assert.Equal(1, _telegram.PendingUpdates);
    }

    [Fact]
    public async Task A_long_poll_waits_for_the_next_message()
    {
        var clock = Stopwatch.StartNew();
        var poll = Transport().GetUpdatesAsync(_telegram.ApiBase, _telegram.Token, 0, TimeSpan.FromSeconds(20), CancellationToken.None);
        await _telegram.WaitForRequestsAsync(1, TimeSpan.FromSeconds(5));
        await Task.Delay(200);
        Assert.False(poll.IsCompleted);

        _telegram.AddMessage(7, "/positions");
        var updates = await poll;

        Assert.Equal("/positions", Assert.Single(updates).Text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_long_poll_without_messages_ends_empty_after_its_timeout()
    {
        var clock = Stopwatch.StartNew();

        var updates = await Transport().GetUpdatesAsync(_telegram.ApiBase, _telegram.Token, 0, TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.Empty(updates);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900) && clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_wrong_token_on_get_updates_throws_a_permanent_redacted_error()
    {
        const string wrong = "1234567890:AAwrongwrongwrongwrongwrongwrongwro";
        var transport = new TelegramBotTransport(_http, new SecretRedactor([wrong]), TimeProvider.System);

        var error = await Assert.ThrowsAsync<TelegramApiException>(
            () => transport.GetUpdatesAsync(_telegram.ApiBase, wrong, 0, TimeSpan.Zero, CancellationToken.None));

        Assert.Equal(401, error.ErrorCode);
        Assert.Equal("Unauthorized", error.Description);
        Assert.True(error.IsPermanent);
        TransportAssert.NoSecret(error.Message, wrong);
    }

    [Fact]
    public async Task A_second_poller_ends_the_first_with_409_conflict()
    {
        var first = Transport().GetUpdatesAsync(_telegram.ApiBase, _telegram.Token, 0, TimeSpan.FromSeconds(20), CancellationToken.None);
        await _telegram.WaitForRequestsAsync(1, TimeSpan.FromSeconds(5));

        var second = Transport().GetUpdatesAsync(_telegram.ApiBase, _telegram.Token, 0, TimeSpan.FromSeconds(1), CancellationToken.None);

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => first);
        Assert.Equal(409, error.ErrorCode);
        Assert.False(error.IsPermanent);
        Assert.StartsWith("Conflict: terminated by other getUpdates request", error.Description);
        Assert.Empty(await second);
    }

    [Fact]
    public async Task Flood_control_on_get_updates_carries_retry_after()
    {
        _telegram.ScriptGetUpdates(FakeTelegramServer.Fixture("429"));

        var error = await Assert.ThrowsAsync<TelegramApiException>(
            () => Transport().GetUpdatesAsync(_telegram.ApiBase, _telegram.Token, 0, TimeSpan.Zero, CancellationToken.None));

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(35), error.RetryAfter);
    }

    [Fact]
    public async Task A_get_updates_that_cannot_connect_throws_without_code_or_token()
    {
        var (apiBase, token) = (_telegram.ApiBase, _telegram.Token);
        await _telegram.DisposeAsync();

        var error = await Assert.ThrowsAsync<TelegramApiException>(
            () => Transport(token: token).GetUpdatesAsync(apiBase, token, 0, TimeSpan.Zero, CancellationToken.None));

        Assert.Null(error.ErrorCode);
        Assert.Contains("could not connect", error.Message);
        TransportAssert.NoSecret(error.Message, token, apiBase.AbsoluteUri + "bot");
        _telegram = await FakeTelegramServer.StartAsync();
    }

    [Fact]
    public async Task A_stopped_poll_throws_operation_canceled()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Transport().GetUpdatesAsync(_telegram.ApiBase, _telegram.Token, 0, TimeSpan.FromSeconds(20), stop.Token));
    }

    private Task<DeliveryOutcome> Send() =>
        Transport().SendMessageAsync(_telegram.ApiBase, _telegram.Token, "123456789", Html, "HTML", false, CancellationToken.None);

    private TelegramBotTransport Transport(TimeSpan? timeout = null, string? token = null) =>
        new(_http, new SecretRedactor([token ?? _telegram.Token]), TimeProvider.System) { Timeout = timeout ?? TimeSpan.FromSeconds(10) };
}
