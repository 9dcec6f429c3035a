using Trading.FakeVenues.Chat;
using Trading.Notification.Delivery;
using Trading.Notification.Transports;

namespace Trading.Notification.Tests.Transports;

public sealed class DiscordWebhookTransportTests : IAsyncLifetime
{
    private const string Payload = """{"content":"Order filled on Kraken","embeds":[{"title":"BUY 0.0010 BTC/USD","color":5763719}],"allowed_mentions":{"parse":[]}}""";

    private readonly HttpClient _http = new(TransportHttpClient.CreateHandler());
    private FakeDiscordServer _discord = null!;

    public async Task InitializeAsync() => _discord = await FakeDiscordServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Executes_the_webhook_with_the_rendered_json_and_counts_204_as_delivered()
    {
        var outcome = await Transport().SendAsync(_discord.Url, Payload, CancellationToken.None);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Delivered);
        var request = Assert.Single(_discord.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(_discord.Url.AbsolutePath, request.Path);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal(Payload, request.Body);
        Assert.Equal(5763719, (int)request.Json()["embeds"]![0]!["color"]!);
    }

    [Fact]
    public async Task Counts_200_with_wait_true_as_delivered()
    {
        var outcome = await Transport().SendAsync(new Uri(_discord.Url + "?wait=true"), Payload, CancellationToken.None);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Delivered);
        Assert.Equal("?wait=true", Assert.Single(_discord.Requests).Query);
    }

    [Theory]
    [InlineData("429-user", 65)]
    [InlineData("429-global", 65)]
    [InlineData("429-shared", 1337)]
    public async Task Rate_limit_fixtures_wait_as_the_retry_after_header_says(string fixture, int seconds)
    {
        _discord.Script(FakeDiscordServer.Fixture(fixture));

        var outcome = await Transport().SendAsync(_discord.Url, Payload, CancellationToken.None);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.RateLimited, "HTTP 429");
        Assert.Equal(TimeSpan.FromSeconds(seconds), outcome.RetryAfter);
    }

    [Fact]
    public async Task Rate_limit_error_names_discords_message_and_scope()
    {
        _discord.Script(FakeDiscordServer.Fixture("429-global"));

        var outcome = await Transport().SendAsync(_discord.Url, Payload, CancellationToken.None);

        Assert.Equal("HTTP 429 You are being rate limited. (scope global); retry after 65 s", outcome.Error);
    }

    [Theory]
    [InlineData("2.5", null, null, 2500)]
    [InlineData(null, "64.57", null, 64570)]
    [InlineData(null, null, "64.57", 64570)]
    [InlineData(null, null, "1336.57", 1337)]
    [InlineData(null, null, "64570", 64570)]
    [InlineData(null, null, null, 1000)]
    [InlineData("3", "64.57", "99", 3000)]
    public async Task Rate_limit_falls_back_from_retry_after_to_reset_after_to_the_body(
        string? retryAfter, string? resetAfter, string? bodyRetryAfter, int milliseconds)
    {
        var headers = new List<(string, string)>();
        if (retryAfter is not null)
        {
            headers.Add(("Retry-After", retryAfter));
        }

        if (resetAfter is not null)
        {
            headers.Add(("X-RateLimit-Reset-After", resetAfter));
        }

        var body = bodyRetryAfter is null
            ? """{"message": "You are being rate limited.", "global": false}"""
            : $$"""{"message": "You are being rate limited.", "retry_after": {{bodyRetryAfter}}, "global": false}""";
        _discord.Script(FakeReply.Json(429, body, [.. headers]));

        var outcome = await Transport().SendAsync(_discord.Url, Payload, CancellationToken.None);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.RateLimited);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), outcome.RetryAfter);
    }

    [Fact]
    public async Task Invalid_form_body_is_permanent_with_code_message_and_field()
    {
        _discord.Script(FakeDiscordServer.Error(400, "400-invalid-form-body"));

        var outcome = await Transport().SendAsync(_discord.Url, Payload, CancellationToken.None);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Permanent);
        Assert.Equal("HTTP 400 50035 Invalid Form Body (access_token: This field is required)", outcome.Error);
    }

    [Fact]
    public async Task An_empty_message_is_refused_for_good()
    {
        var outcome = await Transport().SendAsync(_discord.Url, """{"content":""}""", CancellationToken.None);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Permanent, "HTTP 400 50006 Cannot send an empty message");
    }

    [Theory]
    [InlineData(401, """{"message": "Invalid Webhook Token", "code": 50027}""", "HTTP 401 50027 Invalid Webhook Token")]
    [InlineData(403, """{"message": "Invalid Webhook Token", "code": 50027}""", "HTTP 403 50027 Invalid Webhook Token")]
    [InlineData(404, """{"message": "Unknown Webhook", "code": 10015}""", "HTTP 404 10015 Unknown Webhook")]
    public async Task Token_and_webhook_errors_are_permanent_with_code_and_message(int status, string body, string error)
    {
        _discord.Script(FakeReply.Json(status, body));

        var outcome = await Transport().SendAsync(_discord.Url, Payload, CancellationToken.None);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Permanent);
        Assert.Equal(error, outcome.Error);
    }

    [Fact]
    public async Task The_generic_error_fixture_is_permanent()
    {
        _discord.Script(FakeDiscordServer.Error(401, "generic"));

        var outcome = await Transport().SendAsync(_discord.Url, Payload, CancellationToken.None);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Permanent, "HTTP 401 50014 Invalid authentication token");
    }

    [Fact]
    public async Task A_deleted_webhook_is_permanent_without_its_token_in_the_error()
    {
        var deleted = new Uri(_discord.BaseAddress, "api/webhooks/1234567890123456789/deleted-token-deleted-token-deleted-token");

        var outcome = await new DiscordWebhookTransport(_http, new SecretRedactor([deleted.AbsoluteUri]), TimeProvider.System)
            .SendAsync(deleted, Payload, CancellationToken.None);

        Assert.Equal("HTTP 404 10015 Unknown Webhook", outcome.Error);
        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
    }

    [Theory]
    [InlineData(500, """{"message": "500: Internal Server Error", "code": 0}""")]
    [InlineData(502, "<html>Bad Gateway</html>")]
    [InlineData(503, "")]
    [InlineData(408, "")]
    public async Task Server_errors_are_transient(int status, string body)
    {
        _discord.Script(FakeReply.Of(status, body));

        var outcome = await Transport().SendAsync(_discord.Url, Payload, CancellationToken.None);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Transient, $"HTTP {status}");
    }

    [Fact]
    public async Task An_answer_later_than_the_timeout_is_transient()
    {
        _discord.Script(FakeDiscordServer.Fixture("204-no-content").After(TimeSpan.FromSeconds(10)));

        var outcome = await Transport(TimeSpan.FromMilliseconds(300)).SendAsync(_discord.Url, Payload, CancellationToken.None);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Transient, "no answer within 0.3 s");
    }

    [Fact]
    public async Task A_refused_connection_is_transient_and_names_neither_url_nor_token()
    {
        var url = _discord.Url;
        await _discord.DisposeAsync();

        var outcome = await Transport(url: url).SendAsync(url, Payload, CancellationToken.None);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Transient, "could not connect");
        TransportAssert.NoSecret(outcome.Error, url.AbsoluteUri, url.AbsolutePath, url.Segments[^1]);
        _discord = await FakeDiscordServer.StartAsync();
    }

    [Fact]
    public async Task A_server_echoing_the_token_gets_it_masked()
    {
        var token = _discord.Url.Segments[^1];
        _discord.Script(FakeReply.Json(401, $$"""{"message": "Invalid Webhook Token {{token}}", "code": 50027}"""));

        var outcome = await Transport().SendAsync(_discord.Url, Payload, CancellationToken.None);

        Assert.Equal("HTTP 401 50027 Invalid Webhook Token ***", outcome.Error);
    }

    private DiscordWebhookTransport Transport(TimeSpan? timeout = null, Uri? url = null) =>
        new(_http, new SecretRedactor([(url ?? _discord.Url).AbsoluteUri]), TimeProvider.System) { Timeout = timeout ?? TimeSpan.FromSeconds(10) };
}
