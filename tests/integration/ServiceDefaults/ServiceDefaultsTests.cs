using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Trading.Contracts.MarketData;
using Trading.Contracts.Risk;
using Trading.Integration.Tests.Infrastructure;
using Trading.ServiceDefaults.Outbox;
using Trading.ServiceDefaults.Persistence;

namespace Trading.Integration.Tests.ServiceDefaults;

[Collection(InfrastructureCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ServiceDefaultsTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Outbox_publishes_a_committed_message_once_with_its_stored_message_id()
    {
        await using var host = await StartAsync();
        var outbox = host.Services.GetRequiredService<Outbox>();

        await outbox.ExecuteAsync(tx => tx.PublishAsync(Status("committed")), CancellationToken.None);

        var received = host.Services.GetRequiredService<Received>();
        await Eventually.Holds(() => received.FeedStatus.Count == 1, Patience, "the published message arrives");
        var stored = await Scalar<Guid>(host, "SELECT message_id FROM outbox_messages");
        await Eventually.Holds(
            async () => await Scalar<long>(host, "SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NOT NULL") == 1,
            Patience,
            "the row is marked dispatched once the broker confirmed it");
        Assert.Equal(stored, received.FeedStatus.Single().MessageId);
        Assert.Equal("committed", received.FeedStatus.Single().Message.Reason);
    }

    [Fact]
    public async Task Outbox_keeps_no_message_of_a_rolled_back_transaction()
    {
        await using var host = await StartAsync();
        var outbox = host.Services.GetRequiredService<Outbox>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => outbox.ExecuteAsync(
            async tx =>
            {
                await tx.ExecuteAsync("INSERT INTO notes (id, text) VALUES (@id, 'lost')", new { id = Guid.NewGuid() });
                await tx.PublishAsync(Status("rolled back"));
                throw new InvalidOperationException("the state change failed");
            },
            CancellationToken.None));

        Assert.Equal(0L, await Scalar<long>(host, "SELECT count(*) FROM outbox_messages"));
        Assert.Equal(0L, await Scalar<long>(host, "SELECT count(*) FROM notes"));
    }

    [Fact]
    public async Task Inbox_processes_a_redelivered_message_id_once()
    {
        await using var host = await StartAsync();
        var bus = host.Services.GetRequiredService<IBus>();
        var messageId = NewId.NextGuid();
        var resumed = new TradingResumed { Reason = "operator", ResumedAt = TimeProvider.System.GetUtcNow() };

        await bus.Publish(resumed, context => context.MessageId = messageId);
        await bus.Publish(resumed, context => context.MessageId = messageId);
        await bus.Publish(resumed);

        var received = host.Services.GetRequiredService<Received>();
        await Eventually.Holds(() => received.Processed.Count == 2, Patience, "two distinct messages are processed");
        await Task.Delay(500);
        Assert.Equal(2, received.Processed.Count);
        Assert.Single(received.Processed, id => id == messageId);
        Assert.Equal(2L, await Scalar<long>(host, "SELECT count(*) FROM inbox_messages"));
    }

    [Fact]
    public async Task A_message_that_keeps_failing_ends_in_the_error_queue()
    {
        var rabbit = await infrastructure.CreateVirtualHostAsync();
        await using var host = await StartAsync(rabbit);
        var bus = host.Services.GetRequiredService<IBus>();

        await bus.Publish(new TradingHalted { Rule = "kill-switch", Reason = "test", HaltedAt = TimeProvider.System.GetUtcNow() });

        await Eventually.Holds(
            async () => (await infrastructure.QueuesAsync(rabbit)).Any(q => q.Name == "defaults-test-trading-halted_error" && q.Messages == 1),
            Patience,
            "the failed message sits in defaults-test-trading-halted_error");
    }

    [Fact]
    public async Task Queues_are_named_after_the_service_and_the_consumer_in_kebab_case()
    {
        var rabbit = await infrastructure.CreateVirtualHostAsync();

        await using var host = await StartAsync(rabbit);

        var names = (await infrastructure.QueuesAsync(rabbit)).Select(q => q.Name).ToList();
        Assert.Contains("defaults-test-feed-status-changed", names);
        Assert.Contains("defaults-test-trading-resumed", names);
    }

    [Fact]
    public async Task Migrations_apply_once_and_a_changed_applied_migration_stops_start_up()
    {
        var postgres = await infrastructure.CreateDatabaseAsync();
        await using (var host = await StartAsync(postgres: postgres))
        {
            await host.Services.GetRequiredService<SqlMigrator>().MigrateAsync(CancellationToken.None);
            // The shared outbox and inbox (0001), the outbox's origin column (0002) and the test's own notes table.
            Assert.Equal(3L, await Scalar<long>(host, "SELECT count(*) FROM schema_migrations"));
            await Execute(host, "UPDATE schema_migrations SET checksum = 'edited' WHERE id LIKE '%0001_create_notes.sql'");
        }

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(postgres: postgres));

        Assert.Contains("0001_create_notes.sql was changed after it was applied", failure.Message);
    }

    [Fact]
    public async Task Ready_reports_healthy_with_both_servers_and_live_needs_neither()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient { BaseAddress = host.Address };

        var live = await http.GetAsync("/health/live");
        var ready = await http.GetAsync("/health/ready");

        Assert.Equal(System.Net.HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Contains("postgres", body);
        Assert.Contains("masstransit", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_misspelt_messaging_key_stops_start_up_naming_the_key()
    {
        var settings = new Dictionary<string, string?> { ["Messaging:PrefechCount"] = "5" };

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(settings: settings));

        Assert.Contains("Messaging:PrefechCount", failure.Message);
    }

    private async Task<TestServiceHost> StartAsync(string? rabbit = null, string? postgres = null, IDictionary<string, string?>? settings = null) =>
        await TestServiceHost.StartAsync(
            "defaults-test",
            postgres ?? await infrastructure.CreateDatabaseAsync(),
            rabbit ?? await infrastructure.CreateVirtualHostAsync(),
            bus =>
            {
                bus.AddConsumer<FeedStatusChangedConsumer>();
                bus.AddConsumer<TradingResumedConsumer>();
                bus.AddConsumer<TradingHaltedConsumer>();
            },
            services => services.AddSingleton<Received>(),
            settings);

    private static FeedStatusChanged Status(string reason) =>
        new() { Venue = "KRAKEN", Status = FeedStatus.Live, Reason = reason, ChangedAt = TimeProvider.System.GetUtcNow() };

    private static async Task<T> Scalar<T>(TestServiceHost host, string sql)
    {
        await using var connection = await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<T>(sql) ?? throw new InvalidOperationException("no value: " + sql);
    }

    private static async Task Execute(TestServiceHost host, string sql)
    {
        await using var connection = await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await connection.ExecuteAsync(sql);
    }
}
