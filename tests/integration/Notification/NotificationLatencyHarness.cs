using System.Globalization;
using Trading.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Trading.Integration.Tests.Notification;

/// <summary>
/// The load harness behind <c>make bench-notify</c> (not part of <c>make test</c>): one notification process with a generic webhook
/// channel that no rate limit holds back; events are published on the bus one every 50 ms, and the time from each publish to its
/// request at the fake webhook (matched by the Idempotency-Key, the event id) is measured. Prints p50, p90, p99 and the maximum,
/// and writes them to <c>.local/bench/notification-latency.txt</c>. The target is under 1 s.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Category", "Load")]
public sealed class NotificationLatencyHarness(InfrastructureFixture infrastructure, ITestOutputHelper output)
{
    private const int Events = 200;

    [Fact]
    public async Task Publish_to_first_delivery_attempt_latency()
    {
        await using var stack = await ChatStack.StartAsync(infrastructure, "latency", instances: 1, new Dictionary<string, string>
        {
            ["Notification__Console"] = "false",
            ["Notification__DigestAbove"] = "0",
            ["Notification__Webhooks__0__PerSecond"] = "100",
            ["Notification__Slack__0__Events__0"] = "trading-halted",
            ["Notification__Discord__0__Events__0"] = "trading-halted",
            ["Notification__Telegram__0__Events__0"] = "trading-halted",
            ["Logging__LogLevel__Default"] = "Warning",
        });

        // Warm the path (JIT, connections) before measuring.
        await stack.Bus.PublishAsync(ChatStack.Fill(999), Guid.NewGuid());
        await stack.Webhook.WaitForRequestsAsync(1, ChatStack.Patience);

        var published = new Dictionary<Guid, DateTimeOffset>();
        for (var i = 0; i < Events; i++)
        {
            var id = Guid.NewGuid();
            published[id] = DateTimeOffset.UtcNow;
            await stack.Bus.PublishAsync(ChatStack.Fill(i), id);
            await Task.Delay(50);
        }

        await stack.Webhook.WaitForRequestsAsync(Events + 1, ChatStack.Patience);
        var latencies = stack.Webhook.Requests
            .Select(r => (Id: Guid.TryParse(r.Header("Idempotency-Key"), out var id) ? id : Guid.Empty, r.ReceivedAt))
            .Where(r => published.ContainsKey(r.Id))
            .Select(r => (r.ReceivedAt - published[r.Id]).TotalMilliseconds)
            .Order()
            .ToList();
        Assert.Equal(Events, latencies.Count);

        string P(double q) => latencies[(int)Math.Ceiling(q * latencies.Count) - 1].ToString("0.0", CultureInfo.InvariantCulture);
        var report = $"notification latency, bus publish to first delivery attempt, {Events} events at 20/s: " +
                     $"p50 {P(0.50)} ms, p90 {P(0.90)} ms, p99 {P(0.99)} ms, max {latencies[^1].ToString("0.0", CultureInfo.InvariantCulture)} ms (target < 1000 ms)";
        output.WriteLine(report);
        var file = Path.Combine(RepositoryPaths.Root, ".local", "bench", "notification-latency.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, report + "\n");
    }
}
