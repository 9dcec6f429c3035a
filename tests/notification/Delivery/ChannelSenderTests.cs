using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Trading.Notification.Delivery;
using Trading.Notification.Notifications;
using Trading.Notification.Persistence;
using Trading.ServiceDefaults;
using Trading.ServiceDefaults.Telemetry;
using Trading.Tests;

namespace Trading.Notification.Tests.Delivery;

/// <summary>
/// The delivery engine against the real Postgres: a channel's queue is sent in order, once per notice, within its rate limit; a 429
/// waits as long as the API said; a transient failure is retried with backoff, a permanent one is not; a delivery left 'sending' by a
/// dead sender is never sent again; a burst is folded into a digest; and two senders on one channel (two instances) send each notice once.
/// </summary>
public sealed class ChannelSenderTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private ServiceTestDatabase _database = null!;
    private DeliveryStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await ServiceTestDatabase.CreateAsync("notification-test-", typeof(NotificationOptions).Assembly, TimeProvider.System);
        _store = new DeliveryStore(_database.DataSource);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        await _metrics.DisposeAsync();
    }

    [Fact]
    public async Task Sends_the_queue_in_order_once_each_within_the_rate_limit()
    {
        var chat = new FakeChat();
        var channel = Channel("slack:desk", chat, [new RateWindow(2, TimeSpan.FromMilliseconds(400))]) with { DigestAbove = 0 };
        var notices = Enumerable.Range(0, 6).Select(i => ChannelRouteTests.Notice($"order-filled-{i}")).ToList();

        await RunAsync([channel], async () =>
        {
            foreach (var notice in notices)
            {
                await _store.EnqueueAsync(notice, [(channel.Name, false)], DateTimeOffset.UtcNow, CancellationToken.None);
            }

            await WaitAsync(() => chat.Sent.Count == notices.Count);
        });

        Assert.Equal(notices.Select(n => n.EventId), chat.Sent.Select(s => s.Notice.EventId));
        for (var i = 2; i < chat.Sent.Count; i++)
        {
            Assert.True(chat.Sent[i].At - chat.Sent[i - 2].At >= TimeSpan.FromMilliseconds(390), $"sends {i - 2} and {i} are closer than the window");
        }

        Assert.Equal(6, await CountAsync("status = 'delivered'"));
    }

    [Fact]
    public async Task A_429_waits_as_asked_and_a_transient_failure_is_retried_but_a_permanent_one_is_not()
    {
        var chat = new FakeChat();
        chat.Script("limited", DeliveryOutcome.RateLimited(TimeSpan.FromMilliseconds(700), "HTTP 429"));
        chat.Script("flaky", DeliveryOutcome.Transient("HTTP 502"));
        chat.Script("refused", DeliveryOutcome.Permanent("HTTP 404 channel_not_found"));
        var channel = Channel("slack:desk", chat, []);

        await RunAsync([channel], async () =>
        {
            foreach (var name in new[] { "limited", "flaky", "refused" })
            {
                await _store.EnqueueAsync(ChannelRouteTests.Notice(name), [(channel.Name, false)], DateTimeOffset.UtcNow, CancellationToken.None);
            }

            await WaitAsync(async () => await CountAsync("status = 'delivered'") == 2 && await CountAsync("status = 'failed'") == 1);
        });

        var limited = chat.Attempts.Where(a => a.Notice.Event == "limited").ToList();
        Assert.Equal(2, limited.Count);
        Assert.True(limited[1].At - limited[0].At >= TimeSpan.FromMilliseconds(690));
        var flaky = chat.Attempts.Where(a => a.Notice.Event == "flaky").ToList();
        Assert.Equal(2, flaky.Count);
        Assert.True(flaky[1].At - flaky[0].At >= TimeSpan.FromMilliseconds(990), "the first retry waits 1 s");
        Assert.Single(chat.Attempts, a => a.Notice.Event == "refused");
        Assert.Equal("HTTP 404 channel_not_found", await _database.ScalarAsync<string>("SELECT last_error FROM deliveries WHERE status = 'failed'"));
    }

    [Fact]
    public async Task A_delivery_left_sending_by_a_dead_sender_is_never_sent_again()
    {
        var chat = new FakeChat();
        var channel = Channel("telegram:phone", chat, []);
        var interrupted = ChannelRouteTests.Notice("order-filled");
        var next = ChannelRouteTests.Notice("position-closed");
        await _store.EnqueueAsync(interrupted, [(channel.Name, false)], DateTimeOffset.UtcNow, CancellationToken.None);
        await _store.EnqueueAsync(next, [(channel.Name, false)], DateTimeOffset.UtcNow, CancellationToken.None);
        await using (var connection = await _database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE deliveries SET status = 'sending' WHERE event_id = @id", new { id = interrupted.EventId });
        }

        await RunAsync([channel], () => WaitAsync(() => chat.Sent.Count == 1));

        Assert.Equal(next.EventId, Assert.Single(chat.Sent).Notice.EventId);
        Assert.Equal("interrupted", await _database.ScalarAsync<string>($"SELECT status FROM deliveries WHERE event_id = '{interrupted.EventId}'"));
    }

    [Fact]
    public async Task A_burst_is_folded_into_digests_and_nothing_is_dropped()
    {
        var chat = new FakeChat();
        var channel = Channel("discord:desk", chat, [new RateWindow(1, TimeSpan.FromMilliseconds(300))]) with { DigestAbove = 3, DigestMax = 5 };
        var notices = Enumerable.Range(0, 12).Select(i => ChannelRouteTests.Notice($"signal-{i}")).ToList();
        foreach (var notice in notices)
        {
            await _store.EnqueueAsync(notice, [(channel.Name, false)], DateTimeOffset.UtcNow, CancellationToken.None);
        }

        await RunAsync([channel], () => WaitAsync(async () => await CountAsync("status = 'pending'") == 0 && await CountAsync("status = 'sending'") == 0));

        // 12 waiting: 5 folded, 5 folded, then 2 left (not above 3) go one by one.
        Assert.Equal([Digest.Event, Digest.Event, "signal-10", "signal-11"], chat.Sent.Select(s => s.Notice.Event));
        Assert.Equal(10, await CountAsync("status = 'folded'"));
        var digest = chat.Sent[0].Notice;
        Assert.Equal(notices.Take(5).Select(n => n.Text), digest.Fields.Select(f => f.Value));
        Assert.Equal(4, await CountAsync("status = 'delivered'"));
    }

    [Fact]
    public async Task Two_senders_on_one_channel_send_every_notice_once()
    {
        var chat = new FakeChat();
        var channel = Channel("slack:desk", chat, [new RateWindow(10, TimeSpan.FromMilliseconds(100))]) with { DigestAbove = 0 };
        var notices = Enumerable.Range(0, 40).Select(i => ChannelRouteTests.Notice($"fill-{i}")).ToList();

        await RunAsync([channel, channel], async () =>
        {
            foreach (var notice in notices)
            {
                await _store.EnqueueAsync(notice, [(channel.Name, false)], DateTimeOffset.UtcNow, CancellationToken.None);
                await _store.EnqueueAsync(notice, [(channel.Name, false)], DateTimeOffset.UtcNow, CancellationToken.None);
            }

            await WaitAsync(() => chat.Sent.Count >= notices.Count);
            await Task.Delay(300);
        });

        Assert.Equal(notices.Select(n => n.EventId), chat.Sent.Select(s => s.Notice.EventId));
    }

    private NotificationChannel Channel(string name, FakeChat chat, IReadOnlyList<RateWindow> limits) => new()
    {
        Name = name,
        Route = ChannelRoute.Everything,
        Limits = limits,
        SendAsync = chat.SendAsync,
    };

    /// <summary>Runs one sender per channel entry (the same channel twice: two instances) while <paramref name="body"/> runs.</summary>
    private async Task RunAsync(IReadOnlyList<NotificationChannel> channels, Func<Task> body)
    {
        using var stop = new CancellationTokenSource();
        var metrics = new NotificationMetrics(new ServiceTelemetry(new ServiceIdentity("notification"), _metrics.GetRequiredService<IMeterFactory>()));
        var signal = new DeliverySignal();
        var senders = channels.Select(channel => new ChannelSender(
            channel, _database.DataSource, _store, signal, metrics, TimeProvider.System, NullLogger.Instance).RunAsync(stop.Token)).ToList();
        try
        {
            await body();
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(senders);
        }
    }

    private Task<long> CountAsync(string where) => _database.ScalarAsync<long>($"SELECT count(*) FROM deliveries WHERE {where}");

    private static Task WaitAsync(Func<bool> condition) => WaitAsync(() => Task.FromResult(condition()));

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the senders did not finish in time");
            await Task.Delay(50);
        }
    }

    /// <summary>A chat API: records every attempt, answers from a script per event (first attempt only), else delivers.</summary>
    private sealed class FakeChat
    {
        private readonly ConcurrentDictionary<string, DeliveryOutcome> _script = new();
        private readonly ConcurrentQueue<(Notice Notice, DateTimeOffset At, DeliveryOutcome Outcome)> _attempts = new();

        public IReadOnlyList<(Notice Notice, DateTimeOffset At)> Attempts => [.. _attempts.Select(a => (a.Notice, a.At))];

        public IReadOnlyList<(Notice Notice, DateTimeOffset At)> Sent =>
            [.. _attempts.Where(a => a.Outcome.Kind == DeliveryOutcomeKind.Delivered).Select(a => (a.Notice, a.At))];

        public void Script(string eventName, DeliveryOutcome outcome) => _script[eventName] = outcome;

        public Task<DeliveryOutcome> SendAsync(Notice notice, bool silent, CancellationToken cancellationToken)
        {
            var outcome = _script.TryRemove(notice.Event, out var scripted) ? scripted : DeliveryOutcome.Delivered;
            _attempts.Enqueue((notice, DateTimeOffset.UtcNow, outcome));
            return Task.FromResult(outcome);
        }
    }
}
