using Trading.FakeVenues.Chat;
using Trading.Notification.Delivery;
using Trading.Notification.Transports;

namespace Trading.Notification.Tests.Transports;

public sealed class JsonWebhookTransportTests : IAsyncLifetime
{
    private const string Payload = """{"timestamp":"2024-01-15T10:30:45Z","signal":"ema-cross","instrument":"BTC/USD","direction":"long"}""";
    private static readonly Guid EventId = Guid.Parse("6a1f3c1e-51f4-4c36-9a55-6a3cbb8f1d11");

    private readonly HttpClient _http = new(TransportHttpClient.CreateHandler());
    private FakeWebhookServer _hook = null!;

    public async Task InitializeAsync() => _hook = await FakeWebhookServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _hook.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Posts_the_json_with_the_event_id_as_idempotency_key()
    {
        var outcome = await Send();

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Delivered);
        var request = Assert.Single(_hook.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(_hook.Url.AbsolutePath, request.Path);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal(EventId.ToString(), request.Header("Idempotency-Key"));
        Assert.Equal(Payload, request.Body);
    }

    [Theory]
    [InlineData(201)]
    [InlineData(202)]
    [InlineData(204)]
    public async Task Any_2xx_is_delivered(int status)
    {
        _hook.Script(FakeReply.Of(status));

        TransportAssert.Outcome(await Send(), DeliveryOutcomeKind.Delivered);
    }

    [Fact]
    public async Task Rate_limit_waits_for_retry_after_or_one_second()
    {
        _hook.Script(FakeReply.Of(429, null, ("Retry-After", "3")), FakeReply.Of(429));

        var first = await Send();
        var second = await Send();

        TransportAssert.Outcome(first, DeliveryOutcomeKind.RateLimited, "HTTP 429");
        Assert.Equal(TimeSpan.FromSeconds(3), first.RetryAfter);
        Assert.Equal(JsonWebhookTransport.DefaultRetryAfter, second.RetryAfter);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Request_timeout_and_server_errors_are_transient(int status)
    {
        _hook.Script(FakeReply.Of(status, "busy"));

        TransportAssert.Outcome(await Send(), DeliveryOutcomeKind.Transient, $"HTTP {status}");
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(410)]
    public async Task Client_errors_are_permanent_with_status_and_body_sample(int status)
    {
        _hook.Script(FakeReply.Of(status, """{"error":"invalid_payload"}"""));

        var outcome = await Send();

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Permanent, $"HTTP {status}");
        Assert.EndsWith(""": {"error":"invalid_payload"}""", outcome.Error);
    }

    [Fact]
    public async Task The_body_sample_is_cut_short()
    {
        _hook.Script(FakeReply.Of(400, new string('x', 5_000)));

        var outcome = await Send();

        Assert.True(outcome.Error!.Length < 260, outcome.Error);
        Assert.EndsWith("…", outcome.Error);
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        _hook.Script(FakeReply.Of(307, null, ("Location", "http://127.0.0.1:1/elsewhere")));

        TransportAssert.Outcome(await Send(), DeliveryOutcomeKind.Permanent, "HTTP 307");
        Assert.Single(_hook.Requests);
    }

    [Fact]
    public async Task An_answer_later_than_the_timeout_is_transient()
    {
        _hook.Script(FakeReply.Of(200).After(TimeSpan.FromSeconds(10)));

        var outcome = await Transport(TimeSpan.FromMilliseconds(300)).SendAsync(_hook.Url, Payload, EventId, CancellationToken.None);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Transient, "no answer within 0.3 s");
    }

    [Fact]
    public async Task A_refused_connection_is_transient_and_names_neither_url_nor_token()
    {
        var url = _hook.Url;
        await _hook.DisposeAsync();

        var outcome = await Transport(url: url).SendAsync(url, Payload, EventId, CancellationToken.None);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Transient, "could not connect");
        TransportAssert.NoSecret(outcome.Error, url.AbsoluteUri, url.Segments[^1]);
        _hook = await FakeWebhookServer.StartAsync();
    }

    [Fact]
    public async Task A_body_echoing_the_url_gets_it_masked()
    {
        _hook.Script(FakeReply.Of(404, $"no route for {_hook.Url.PathAndQuery}"));

        var outcome = await Send();

        Assert.Equal("HTTP 404 Not Found: no route for ***", outcome.Error);
    }

    private Task<DeliveryOutcome> Send() => Transport().SendAsync(_hook.Url, Payload, EventId, CancellationToken.None);

    private JsonWebhookTransport Transport(TimeSpan? timeout = null, Uri? url = null) =>
        new(_http, new SecretRedactor([(url ?? _hook.Url).AbsoluteUri]), TimeProvider.System) { Timeout = timeout ?? TimeSpan.FromSeconds(10) };
}
