using Trading.FakeVenues.Chat;
using Trading.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Trading.Integration.Tests.Notification;

/// <summary>
/// The notification service as processes against fake Slack, Discord, Telegram, webhook and SMTP servers: a burst is delivered once per
/// channel even when the service is killed in the middle of it, two instances side by side deliver it exactly once per channel within
/// the channel's rate limit, and no secret appears in any log line of a run with every channel configured and failing.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Category", "Integration")]
public sealed class NotificationDeliveryTests(InfrastructureFixture infrastructure, ITestOutputHelper output)
{
    private const int Burst = 30;

    [Fact]
    public async Task A_kill_in_the_middle_of_a_burst_sends_no_event_twice_to_any_channel()
    {
        await using var stack = await ChatStack.StartAsync(infrastructure, "kill", instances: 1);

        for (var i = 0; i < Burst; i++)
        {
            await stack.Bus.PublishAsync(ChatStack.Fill(i), Guid.NewGuid());
        }

        await stack.Slack.WaitForRequestsAsync(2, ChatStack.Patience);
        await stack.KillAndRestartAsync();
        await stack.SettledAsync(Burst);

        var interrupted = await stack.CountAsync("SELECT count(*) FROM notification.deliveries WHERE status = 'interrupted'");
        output.WriteLine($"interrupted: {interrupted}; requests: " + string.Join(", ", stack.Chats.Select(c => $"{c.Channel} {c.Server.Requests.Count}")));
        foreach (var (channel, server) in stack.Chats)
        {
            var missing = new List<int>();
            for (var i = 0; i < Burst; i++)
            {
                var sent = ChatStack.RequestsWith(server, ChatStack.Marker(i));
                Assert.True(sent <= 1, $"{ChatStack.Marker(i)} reached {channel} {sent} times");
                if (sent == 0)
                {
                    missing.Add(i);
                }
            }

            // What did not arrive was being sent when the process died: recorded as interrupted, never sent again, never silent.
            var channelInterrupted = await stack.CountAsync($"SELECT count(*) FROM notification.deliveries WHERE channel = '{channel}' AND status = 'interrupted'");
            Assert.True(missing.Count == 0 || channelInterrupted > 0, $"{channel} lost {string.Join(", ", missing)} without an interrupted delivery");
        }

        Assert.Equal(0, await stack.CountAsync("SELECT count(*) FROM notification.deliveries WHERE status = 'failed'"));
        if (interrupted > 0)
        {
            Assert.Contains("was being sent when the sender stopped", stack.AllOutput());
        }
    }

    [Fact]
    public async Task Two_instances_deliver_a_burst_exactly_once_per_channel_within_its_rate_limit()
    {
        await using var stack = await ChatStack.StartAsync(infrastructure, "two", instances: 2, new Dictionary<string, string> { ["Notification__DigestAbove"] = "0" });

        for (var i = 0; i < 12; i++)
        {
            await stack.Bus.PublishAsync(ChatStack.Fill(i), Guid.NewGuid());
        }

        await stack.SettledAsync(12);

        foreach (var (channel, server) in stack.Chats)
        {
            for (var i = 0; i < 12; i++)
            {
                Assert.True(ChatStack.RequestsWith(server, ChatStack.Marker(i)) == 1, $"{ChatStack.Marker(i)} reached {channel} {ChatStack.RequestsWith(server, ChatStack.Marker(i))} times");
            }
        }

        // Slack and a Telegram chat take one message per second, whichever instance sends.
        foreach (var server in new FakeChatServer[] { stack.Slack, stack.Telegram })
        {
            var times = server.Requests.Select(r => r.ReceivedAt).Order().ToList();
            for (var i = 1; i < times.Count; i++)
            {
                Assert.True(times[i] - times[i - 1] >= TimeSpan.FromMilliseconds(950), $"two requests {times[i] - times[i - 1]} apart");
            }
        }

        // Discord: at most 5 in any 2 s.
        var discord = stack.Discord.Requests.Select(r => r.ReceivedAt).Order().ToList();
        for (var i = 5; i < discord.Count; i++)
        {
            Assert.True(discord[i] - discord[i - 5] >= TimeSpan.FromMilliseconds(1_950), "six Discord requests within 2 s");
        }

        var senders = stack.Instances.Select(p => p.Output).ToList();
        Assert.All(stack.Chats, chat => Assert.Single(senders, o => o.Contains($"Channel {chat.Channel}: this instance sends", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Each_api_failure_is_waited_out_retried_or_given_up_as_the_api_says()
    {
        await using var stack = await ChatStack.StartAsync(infrastructure, "failures", instances: 1, new Dictionary<string, string>
        {
            // Only the fill reaches the chats, so the scripted answers meet it (not the system-started notice).
            ["Notification__Slack__0__Events__0"] = "order-filled",
            ["Notification__Discord__0__Events__0"] = "order-filled",
            ["Notification__Telegram__0__Events__0"] = "order-filled",
            ["Notification__Webhooks__0__Events__0"] = "order-filled",
        });
        stack.Slack.Script(FakeSlackServer.Fixture("429-rate-limited"));
        stack.Discord.Script(FakeReply.Of(502, "bad gateway"), FakeReply.Of(204).After(TimeSpan.FromSeconds(15)));
        stack.Telegram.Script(FakeTelegramServer.Fixture("400-chat-not-found"));
        stack.Webhook.Script(FakeReply.Of(401, "who are you"));

        await stack.Bus.PublishAsync(ChatStack.Fill(7), Guid.NewGuid());
        await stack.SettledAsync(1);

        // Slack: 429 with Retry-After 1, then delivered once, a second later.
        var slack = stack.Slack.Requests.Where(r => r.Body.Contains(ChatStack.Marker(7), StringComparison.Ordinal)).ToList();
        Assert.Equal(2, slack.Count);
        Assert.True(slack[1].ReceivedAt - slack[0].ReceivedAt >= TimeSpan.FromMilliseconds(950));

        // Discord: a 502, then (after the 1 s backoff) an answer slower than the 10 s timeout, then delivered.
        var discord = stack.Discord.Requests.Where(r => r.Body.Contains(ChatStack.Marker(7), StringComparison.Ordinal)).ToList();
        Assert.Equal(3, discord.Count);
        Assert.True(discord[1].ReceivedAt - discord[0].ReceivedAt >= TimeSpan.FromMilliseconds(950));
        Assert.True(discord[2].ReceivedAt - discord[1].ReceivedAt >= TimeSpan.FromSeconds(10));

        // Telegram chat not found and a webhook's 401 are permanent: one request each, recorded as failed with the API's words.
        Assert.Single(stack.Telegram.SentMessages);
        Assert.Single(stack.Webhook.Requests);
        Assert.Equal(1, await stack.CountAsync("SELECT count(*) FROM notification.deliveries WHERE channel = 'telegram:phone' AND status = 'failed' AND last_error LIKE '%chat not found%'"));
        Assert.Equal(1, await stack.CountAsync("SELECT count(*) FROM notification.deliveries WHERE channel = 'webhook:ops' AND status = 'failed' AND last_error LIKE '%401%'"));
        Assert.Equal(2, await stack.CountAsync("SELECT count(*) FROM notification.deliveries WHERE channel IN ('slack:desk', 'discord:desk') AND status = 'delivered'"));
    }

    [Fact]
    public async Task No_secret_appears_in_any_log_line_of_a_run_with_every_channel_configured()
    {
        await using var stack = await ChatStack.StartAsync(infrastructure, "secrets", instances: 1);
        stack.Slack.Script(FakeSlackServer.Fixture("404-channel_not_found"));
        stack.Discord.Script(FakeDiscordServer.Fixture("429-user"));
        stack.Telegram.Script(FakeTelegramServer.Fixture("401-unauthorized"));
        stack.Webhook.Script(FakeReply.Of(500, "upstream failed"));

        await stack.Bus.PublishAsync(ChatStack.Fill(1), Guid.NewGuid());
        await stack.Bus.PublishAsync(new Trading.Contracts.Risk.TradingHalted
        {
            Rule = "kill-switch",
            Reason = "test",
            HaltedAt = DateTimeOffset.UtcNow,
        }, Guid.NewGuid());
        await stack.SettledAsync(1, "trading-halted");
        await stack.SettledAsync(1);
        await Eventually.Holds(() => Task.FromResult(stack.Smtp.Messages.Count == 1), ChatStack.Patience, "the e-mail arrives");

        var log = stack.AllOutput();
        Assert.Contains("failed for good", log);
        Assert.Contains("rate limited", log);
        foreach (var secret in stack.Secrets)
        {
            Assert.False(log.Contains(secret, StringComparison.OrdinalIgnoreCase), $"a secret ({secret.Length} characters) is in the log");
        }
    }
}
