using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Trading.Contracts.Orders;
using Trading.Notification.Channels;
using Trading.Notification.Notifications;

namespace Trading.Notification.Tests;

public sealed class WebhookChannelTests : IAsyncLifetime
{
    private readonly WebhookReceiver _receiver = new();
    private readonly ServiceProvider _services;
    private readonly Notice _notice = NotificationFactory.Create(
        new OrderFilled
        {
            OrderId = Guid.NewGuid(),
            ClientOrderId = "ord-1",
            PositionId = Guid.NewGuid(),
            SignalId = Guid.NewGuid(),
            Venue = "KRAKEN",
            Symbol = "BTC/USD",
            Side = OrderSide.Buy,
            Quantity = 0.01m,
            Price = 105_420.5m,
            Fee = 2.74m,
            OpensPosition = true,
            IsPaper = true,
            FilledAt = DateTimeOffset.UnixEpoch,
        },
        Guid.Parse("6a1f3c1e-51f4-4c36-9a55-6a3cbb8f1d11"));

    public WebhookChannelTests()
    {
        var services = new ServiceCollection();
        services.AddHttpClient(WebhookChannel.HttpClientName).ConfigurePrimaryHttpMessageHandler(WebhookChannel.CreateHandler);
        _services = services.BuildServiceProvider();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Posts_the_json_payload_with_the_event_id_as_idempotency_key()
    {
        var result = await Channel().DeliverAsync(_notice, CancellationToken.None);

        Assert.True(result.IsDelivered);
        var request = Assert.Single(_receiver.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/hooks/secret-token", request.Path);
        Assert.StartsWith("application/json", request.ContentType);
        Assert.Equal("6a1f3c1e-51f4-4c36-9a55-6a3cbb8f1d11", request.Headers["Idempotency-Key"]);
        Assert.Equal(_notice.Json, request.Body);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("order-filled", body.RootElement.GetProperty("event").GetString());
        Assert.Equal("6a1f3c1e-51f4-4c36-9a55-6a3cbb8f1d11", body.RootElement.GetProperty("event_id").GetString());
    }

    [Fact]
    public async Task Carries_the_trace_of_the_current_activity()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var source = new ActivitySource("Trading.Notification.Tests");
        using var activity = source.StartActivity("consume")!;

        await Channel().DeliverAsync(_notice, CancellationToken.None);

        var traceparent = Assert.Single(_receiver.Requests).Headers["traceparent"];
        Assert.Equal(activity.TraceId.ToString(), traceparent.Split('-')[1]);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(410)]
    public async Task Client_error_is_a_permanent_failure_with_status_and_body_sample(int status)
    {
        _receiver.Respond(status, "{\"error\":\"invalid_payload\"}");

        var result = await Channel().DeliverAsync(_notice, CancellationToken.None);

        Assert.False(result.IsDelivered);
        Assert.StartsWith($"HTTP {status}", result.Error);
        Assert.Contains("invalid_payload", result.Error);
        Assert.DoesNotContain("secret-token", result.Error);
        Assert.Single(_receiver.Requests);
    }

    [Fact]
    public async Task Body_sample_of_a_failure_is_cut_short()
    {
        _receiver.Respond(400, new string('x', 5_000));

        var result = await Channel().DeliverAsync(_notice, CancellationToken.None);

        Assert.True(result.Error!.Length < 300);
        Assert.EndsWith("…", result.Error);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Server_error_throws_so_the_message_is_retried(int status)
    {
        _receiver.Respond(status);

        var error = await Assert.ThrowsAsync<TransientDeliveryException>(() => Channel().DeliverAsync(_notice, CancellationToken.None));

        Assert.Contains($"HTTP {status}", error.Message);
        Assert.Contains("'ops'", error.Message);
        Assert.DoesNotContain("secret-token", error.Message);
    }

    [Fact]
    public async Task Rate_limit_with_retry_after_one_second_waits_and_retries_once()
    {
        _receiver.Respond(429, headers: new Dictionary<string, string> { ["Retry-After"] = "1" });
        var clock = Stopwatch.StartNew();

        var result = await Channel().DeliverAsync(_notice, CancellationToken.None);

        Assert.True(result.IsDelivered);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"waited only {clock.Elapsed}");
        var requests = _receiver.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal(requests[0].Headers["Idempotency-Key"], requests[1].Headers["Idempotency-Key"]);
    }

    [Fact]
    public async Task Rate_limit_twice_in_a_row_throws()
    {
        _receiver.Respond(429, headers: new Dictionary<string, string> { ["Retry-After"] = "1" });
        _receiver.Respond(429, headers: new Dictionary<string, string> { ["Retry-After"] = "1" });

        await Assert.ThrowsAsync<TransientDeliveryException>(() => Channel().DeliverAsync(_notice, CancellationToken.None));

        Assert.Equal(2, _receiver.Requests.Count);
    }

    [Theory]
    [InlineData("120")]
    [InlineData(null)]
    public async Task Rate_limit_without_a_short_retry_after_throws_without_waiting(string? retryAfter)
    {
        _receiver.Respond(429, headers: retryAfter is null ? null : new Dictionary<string, string> { ["Retry-After"] = retryAfter });
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TransientDeliveryException>(() => Channel().DeliverAsync(_notice, CancellationToken.None));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Single(_receiver.Requests);
    }

    [Fact]
    public async Task Timeout_throws_naming_the_channel_not_the_url()
    {
        _receiver.Respond(200, delay: TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<TransientDeliveryException>(
            () => Channel(timeout: TimeSpan.FromMilliseconds(300)).DeliverAsync(_notice, CancellationToken.None));

        Assert.Contains("'ops'", error.Message);
        Assert.DoesNotContain("secret-token", error.Message);
    }

    [Fact]
    public async Task Unreachable_receiver_throws_so_the_message_is_retried()
    {
        var closed = new WebhookChannelOptions { Name = "ops", Url = $"http://127.0.0.1:{_receiver.Port}/x" };
        await _receiver.DisposeAsync();

        await Assert.ThrowsAsync<TransientDeliveryException>(() => Channel(closed).DeliverAsync(_notice, CancellationToken.None));
    }

    [Fact]
    public async Task Redirect_is_not_followed()
    {
        _receiver.Respond(302, headers: new Dictionary<string, string> { ["Location"] = "http://127.0.0.1:1/elsewhere" });

        var result = await Channel().DeliverAsync(_notice, CancellationToken.None);

        Assert.False(result.IsDelivered);
        Assert.StartsWith("HTTP 302", result.Error);
    }

    private WebhookChannel Channel(TimeSpan? timeout = null) =>
        Channel(new WebhookChannelOptions { Name = "ops", Url = _receiver.Url, Timeout = timeout ?? TimeSpan.FromSeconds(10) });

    private WebhookChannel Channel(WebhookChannelOptions options) =>
        new(options, _services.GetRequiredService<IHttpClientFactory>(), TimeProvider.System, NullLogger<WebhookChannel>.Instance);
}
