using System.Diagnostics;
using Trading.FakeVenues.Chat;
using Trading.Notification.Delivery;
using Trading.Notification.Transports;

namespace Trading.Notification.Tests.Transports;

public sealed class SlackWebhookTransportTests : IAsyncLifetime
{
    private const string Payload = """{"text":"Order filled: BUY 0.0010 BTC-USD @ 68,900.00","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"*BUY*"}}]}""";

    private readonly HttpClient _http = new(TransportHttpClient.CreateHandler());
    private FakeSlackServer _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Posts_the_rendered_json_to_the_webhook_and_counts_200_ok_as_delivered()
    {
        var outcome = await Transport().SendAsync(_slack.Url, Payload, CancellationToken.None);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Delivered);
        var request = Assert.Single(_slack.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(_slack.Url.AbsolutePath, request.Path);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal(Payload, request.Body);
        Assert.Equal("*BUY*", (string?)request.Json()["blocks"]![0]!["text"]!["text"]);
    }

    [Theory]
    [InlineData("400-invalid_payload", DeliveryOutcomeKind.Permanent, "HTTP 400 invalid_payload")]
    [InlineData("403-action_prohibited", DeliveryOutcomeKind.Permanent, "HTTP 403 action_prohibited")]
    [InlineData("404-channel_not_found", DeliveryOutcomeKind.Permanent, "HTTP 404 channel_not_found")]
    [InlineData("410-channel_is_archived", DeliveryOutcomeKind.Permanent, "HTTP 410 channel_is_archived")]
    [InlineData("500-rollup_error", DeliveryOutcomeKind.Transient, "HTTP 500 rollup_error")]
    [InlineData("429-rate-limited", DeliveryOutcomeKind.RateLimited, "HTTP 429")]
    public async Task Classifies_each_documented_failure_with_slacks_error_string(string fixture, DeliveryOutcomeKind kind, string error)
    {
        _slack.Script(FakeSlackServer.Fixture(fixture));

        var outcome = await Transport().SendAsync(_slack.Url, Payload, CancellationToken.None);

        TransportAssert.Outcome(outcome, kind, error);
        TransportAssert.NoSecret(outcome.Error, _slack.Url.AbsoluteUri, _slack.Url.Segments[^1]);
        Assert.Single(_slack.Requests);
    }

    [Fact]
    public async Task Every_response_fixture_is_classified_by_its_status()
    {
        Assert.Equal(7, FakeSlackServer.FixtureNames.Count);
        foreach (var name in FakeSlackServer.FixtureNames)
        {
            var reply = FakeSlackServer.Fixture(name);
            _slack.Script(reply);

            var outcome = await Transport().SendAsync(_slack.Url, Payload, CancellationToken.None);

            var expected = reply.Status switch
            {
                200 => DeliveryOutcomeKind.Delivered,
                429 => DeliveryOutcomeKind.RateLimited,
                >= 500 => DeliveryOutcomeKind.Transient,
                _ => DeliveryOutcomeKind.Permanent,
            };
            TransportAssert.Outcome(outcome, expected, reply.Status is 200 or 429 ? null : reply.Body);
        }
    }

    [Fact]
    public async Task Rate_limit_waits_as_long_as_the_retry_after_header_says()
    {
        _slack.Script(FakeSlackServer.Fixture("429-rate-limited"), FakeReply.Of(429, null, ("Retry-After", "7")));

        var first = await Transport().SendAsync(_slack.Url, Payload, CancellationToken.None);
        var second = await Transport().SendAsync(_slack.Url, Payload, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(1), first.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(7), second.RetryAfter);
        Assert.Equal(2, _slack.Requests.Count);
    }

    [Fact]
    public async Task Rate_limit_without_retry_after_waits_one_second()
    {
        _slack.Script(FakeReply.Of(429));

        var outcome = await Transport().SendAsync(_slack.Url, Payload, CancellationToken.None);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.RateLimited);
        Assert.Equal(SlackWebhookTransport.DefaultRetryAfter, outcome.RetryAfter);
    }

    [Theory]
    [InlineData(403, "invalid_token")]
    [InlineData(404, "no_service")]
    [InlineData(400, "user_not_found")]
    [InlineData(413, "")]
    public async Task Other_refusals_are_permanent_with_their_error_string(int status, string body)
    {
        _slack.Script(FakeReply.Of(status, body));

        var outcome = await Transport().SendAsync(_slack.Url, Payload, CancellationToken.None);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Permanent, $"HTTP {status}");
        Assert.Contains(body, outcome.Error);
    }

    [Fact]
    public async Task A_webhook_slack_does_not_know_is_permanent_without_its_url_in_the_error()
    {
        var unknown = new Uri(_slack.BaseAddress, "services/T0/B0/not-the-token-0123456789");
        var redactor = new SecretRedactor([unknown.AbsoluteUri]);

        var outcome = await new SlackWebhookTransport(_http, redactor, TimeProvider.System).SendAsync(unknown, Payload, CancellationToken.None);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Permanent, "HTTP 404 no_service");
        TransportAssert.NoSecret(outcome.Error, unknown.AbsoluteUri, "not-the-token-0123456789");
    }

    [Fact]
    public async Task Another_body_than_ok_on_200_is_permanent()
    {
        _slack.Script(FakeReply.Of(200, "invalid_blocks"));

        var outcome = await Transport().SendAsync(_slack.Url, Payload, CancellationToken.None);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Permanent, "HTTP 200 invalid_blocks");
    }

    [Theory]
    [InlineData(408)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Request_timeout_and_server_errors_are_transient(int status)
    {
        _slack.Script(FakeReply.Of(status, "try later"));

        var outcome = await Transport().SendAsync(_slack.Url, Payload, CancellationToken.None);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Transient, $"HTTP {status} try later");
    }

    [Fact]
    public async Task An_answer_later_than_the_timeout_is_transient()
    {
        _slack.Script(FakeSlackServer.Fixture("200-ok").After(TimeSpan.FromSeconds(10)));
        var clock = Stopwatch.StartNew();

        var outcome = await Transport(TimeSpan.FromMilliseconds(300)).SendAsync(_slack.Url, Payload, CancellationToken.None);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Transient, "no answer within 0.3 s");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        TransportAssert.NoSecret(outcome.Error, _slack.Url.AbsoluteUri, _slack.Url.Segments[^1]);
    }

    [Fact]
    public async Task A_refused_connection_is_transient_and_names_neither_url_nor_token()
    {
        var url = _slack.Url;
        await _slack.DisposeAsync();

        var outcome = await Transport().SendAsync(url, Payload, CancellationToken.None);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Transient, "could not connect");
        TransportAssert.NoSecret(outcome.Error, url.AbsoluteUri, url.AbsolutePath, url.Segments[^1]);
        _slack = await FakeSlackServer.StartAsync();
    }

    [Fact]
    public async Task A_server_echoing_the_url_gets_it_masked()
    {
        _slack.Script(FakeReply.Of(400, $"invalid_payload for {_slack.Url}"));

        var outcome = await Transport().SendAsync(_slack.Url, Payload, CancellationToken.None);

        Assert.Equal("HTTP 400 invalid_payload for ***", outcome.Error);
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        _slack.Script(FakeReply.Of(302, null, ("Location", "http://127.0.0.1:1/elsewhere")));

        var outcome = await Transport().SendAsync(_slack.Url, Payload, CancellationToken.None);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Permanent, "HTTP 302");
        Assert.Single(_slack.Requests);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_throws_instead_of_counting_as_a_failure()
    {
        _slack.Script(FakeSlackServer.Fixture("200-ok").After(TimeSpan.FromSeconds(10)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Transport().SendAsync(_slack.Url, Payload, cancel.Token));
    }

    private SlackWebhookTransport Transport(TimeSpan? timeout = null) =>
        new(_http, new SecretRedactor([_slack.Url.AbsoluteUri]), TimeProvider.System) { Timeout = timeout ?? TimeSpan.FromSeconds(10) };
}
