using Dapper;
using Npgsql;
using Trading.Integration.Tests.Infrastructure;
using Trading.MarketData.Live.Scaling;

namespace Trading.Integration.Tests.MarketData;

/// <summary>Several instances' lease loops against the real Postgres, each test in its own database.</summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SymbolLeaseCoordinatorTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan LeaseTimeout = TimeSpan.FromMilliseconds(1500);
    private static readonly TimeSpan StepInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly string[] Symbols = ["BTC/USD", "ETH/USD", "SOL/USD", "BTC/USDT", "XRP/USD", "ADA/USD"];

    private readonly StreamingLedger _ledger = new();

    [Fact]
    public async Task Instances_joining_and_leaving_never_stream_one_symbol_twice_and_settle_on_the_split()
    {
        await using var dataSource = await MarketDataSchema.CreateAsync(infrastructure);
        var (a, b) = (Instance(dataSource, "market-data-a"), Instance(dataSource, "market-data-b"));
        await a.StepAsync();
        var aloneStreams = a.Streaming;
        using var stopAll = new CancellationTokenSource();

        // Different step intervals interleave the instances' beats differently in every round.
        var loops = new[] { a.RunAsync(StepInterval, stopAll.Token), b.RunAsync(StepInterval * 1.7, stopAll.Token) };
        for (var round = 0; round < 3; round++)
        {
            var c = Instance(dataSource, $"market-data-c{round}");
            using var stopC = new CancellationTokenSource();
            var cLoop = c.RunAsync(StepInterval * 0.6, stopC.Token);
            await Eventually.Holds(() => Task.FromResult(IsSplitBetween(a, b, c) && c.Beats >= 10), Patience, () => Describe(a, b, c));
            await stopC.CancelAsync();
            await cLoop;
            await c.StopAsync();
            var beatsOfA = a.Beats;
            await Eventually.Holds(() => Task.FromResult(IsSplitBetween(a, b) && a.Beats >= beatsOfA + 5), Patience, () => Describe(a, b, c));
        }

        await stopAll.CancelAsync();
        await Task.WhenAll(loops);

        Assert.Equal(Symbols.Order(), aloneStreams.Order());
        Assert.Empty(_ledger.Overlaps);
        Assert.Equal(Symbols.Order(), (await LeaseOwnersAsync(dataSource)).Keys.Order());
    }

    [Fact]
    public async Task A_silent_instance_keeps_its_symbols_until_its_fence_closes_then_the_other_takes_them()
    {
        await using var dataSource = await MarketDataSchema.CreateAsync(infrastructure);
        var (a, b) = (Instance(dataSource, "market-data-a"), Instance(dataSource, "market-data-b"));
        using var stopA = new CancellationTokenSource();
        using var stopB = new CancellationTokenSource();
        var aLoop = a.RunAsync(StepInterval, stopA.Token);
        var bLoop = b.RunAsync(StepInterval, stopB.Token);
        await Eventually.Holds(() => Task.FromResult(IsSplitBetween(a, b)), Patience, () => Describe(a, b));
        var symbolsOfB = b.Streaming;

        await stopB.CancelAsync();
        await bLoop;
        b.GoSilent();
        await Eventually.Holds(() => Task.FromResult(a.Streaming.SetEquals(Symbols)), Patience, () => Describe(a, b));
        await stopA.CancelAsync();
        await aLoop;

        Assert.NotEmpty(symbolsOfB);
        Assert.Empty(b.Coordinator.Streamable(TimeProvider.System.GetUtcNow()));
        Assert.Empty(_ledger.Overlaps);
        Assert.All((await LeaseOwnersAsync(dataSource)).Values, owner => Assert.Equal(a.Name, owner));
    }

    [Fact]
    public async Task An_instance_that_stops_gracefully_hands_its_symbols_over_at_the_others_next_beat()
    {
        await using var dataSource = await MarketDataSchema.CreateAsync(infrastructure);
        var (a, b) = (Instance(dataSource, "market-data-a"), Instance(dataSource, "market-data-b"));
        using var stop = new CancellationTokenSource();
        var loops = new[] { a.RunAsync(StepInterval, stop.Token), b.RunAsync(StepInterval, stop.Token) };
        await Eventually.Holds(() => Task.FromResult(IsSplitBetween(a, b)), Patience, () => Describe(a, b));
        await stop.CancelAsync();
        await Task.WhenAll(loops);

        await b.StopAsync();
        await a.StepAsync();

        Assert.Equal(Symbols.Order(), a.Streaming.Order());
        Assert.Empty(_ledger.Overlaps);
        Assert.All((await LeaseOwnersAsync(dataSource)).Values, owner => Assert.Equal(a.Name, owner));
        Assert.Equal([a.Name], await MembersAsync(dataSource));
    }

    private SimulatedInstance Instance(NpgsqlDataSource dataSource, string name) =>
        new(new SymbolLeaseCoordinator(new SymbolLeaseStore(dataSource), name, Symbols, Heartbeat, LeaseTimeout, TimeProvider.System), _ledger);

    /// <summary>Each instance streams exactly its share of the split between <paramref name="instances"/>.</summary>
    private static bool IsSplitBetween(params SimulatedInstance[] instances)
    {
        var names = instances.Select(i => i.Name).ToList();
        return instances.All(i => i.Streaming.SetEquals(RendezvousAssignment.SymbolsOf(i.Name, Symbols, names)));
    }

    private string Describe(params SimulatedInstance[] instances) =>
        string.Join("; ", instances.Select(i => $"{i.Name} streams [{string.Join(", ", i.Streaming.Order())}] after {i.Beats} beats"))
        + $"; overlaps: {string.Join("; ", _ledger.Overlaps)}";

    private static async Task<Dictionary<string, string>> LeaseOwnersAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<(string Symbol, string Owner)>("SELECT symbol, owner FROM feed_leases WHERE expires_at > now()"))
            .ToDictionary(row => row.Symbol, row => row.Owner);
    }

    private static async Task<List<string>> MembersAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<string>("SELECT instance_id FROM feed_members ORDER BY instance_id")).ToList();
    }
}
