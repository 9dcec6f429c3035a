using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Trading.FakeVenues;
using Trading.Integration.Tests.EndToEnd;
using Trading.Integration.Tests.Infrastructure;
using Trading.MarketData.Live.Scaling;

namespace Trading.Integration.Tests.MarketData;

/// <summary>
/// Two market-data processes in the live mode against one fake Kraken behind a recording proxy: they split the symbols,
/// the survivor of a SIGKILL takes the dead one's symbols over, and no symbol is ever subscribed by two live connections.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Category", "Integration")]
public sealed class LiveFeedScalingTests(InfrastructureFixture infrastructure)
{
    private static readonly string[] Symbols = ["BTC/USD", "ETH/USD", "SOL/USD", "BTC/USDT"];
    private static readonly TimeSpan LeaseTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_processes_split_the_symbols_and_the_survivor_of_a_kill_takes_the_dead_ones_over()
    {
        var postgres = await infrastructure.CreateDatabaseAsync();
        var rabbitMq = await infrastructure.CreateVirtualHostAsync();
        await using var kraken = await FakeKrakenSpotServer.StartAsync(TimeSpan.FromMilliseconds(500));
        await using var proxy = await RecordingWebSocketProxy.StartAsync(kraken.Endpoint);
        await using var rest = await ScriptedHttpServer.StartAsync();
        var logs = Path.Combine(RepositoryPaths.Root, ".local", "test-logs", "market-data-scaling-" + new Uri(rabbitMq).AbsolutePath.Trim('/'));

        // One configured name for both, as a shared configuration would give them: the processes must still differ.
        var environment = Environment(postgres, rabbitMq, proxy.Endpoint, rest.BaseAddress);
        await using var first = new ServiceProcess("market-data", "Trading.MarketData", environment, logs);
        await using var second = new ServiceProcess("market-data", "Trading.MarketData", environment, logs);
        string Progress() => $"open subscriptions: {Describe(proxy)}\n----- first\n{first.Tail(15)}\n----- second\n{second.Tail(15)}";

        first.Start();
        await first.WaitUntilReadyAsync(Patience);
        await Eventually.Holds(() => Task.FromResult(OpenSubscriptionsAre(proxy, Symbols)), Patience, () => "the only process subscribes every symbol; " + Progress());
        second.Start();
        await second.WaitUntilReadyAsync(Patience);
        await Eventually.Holds(async () => OpenSubscriptionsAre(proxy, Shares(await LiveMembersAsync(postgres))), Patience, () => "the processes split the symbols; " + Progress());
        var members = await LiveMembersAsync(postgres);
        await second.KillAsync();
        await Eventually.Holds(() => Task.FromResult(OpenSubscriptionsAre(proxy, Symbols)), Patience, () => "the survivor subscribes every symbol; " + Progress());
        await first.StopAsync();

        Assert.Equal(2, members.Count);
        Assert.All(Shares(members), share => Assert.Equal(2, share.Count));
        Assert.Empty(proxy.DoubleSubscriptions());
        Assert.Equal(0, first.ExitCode);
        Assert.Empty(await QueryAsync(postgres, "SELECT symbol FROM market_data.feed_leases"));
        Assert.Empty(await LiveMembersAsync(postgres));
    }

    [Fact]
    public async Task A_process_cut_off_from_the_database_stops_streaming_before_the_other_takes_its_symbols_over_and_rejoins_later()
    {
        var postgres = await infrastructure.CreateDatabaseAsync();
        var rabbitMq = await infrastructure.CreateVirtualHostAsync();
        await using var kraken = await FakeKrakenSpotServer.StartAsync(TimeSpan.FromMilliseconds(500));
        await using var proxy = await RecordingWebSocketProxy.StartAsync(kraken.Endpoint);
        await using var rest = await ScriptedHttpServer.StartAsync();
        var direct = new NpgsqlConnectionStringBuilder(postgres);
        await using var partition = new TcpForwarder(direct.Host!, direct.Port);
        var throughPartition = new NpgsqlConnectionStringBuilder(postgres) { Host = "127.0.0.1", Port = partition.Port }.ConnectionString;
        var logs = Path.Combine(RepositoryPaths.Root, ".local", "test-logs", "market-data-partition-" + new Uri(rabbitMq).AbsolutePath.Trim('/'));
        await using var cutOff = new ServiceProcess("market-data", "Trading.MarketData", Environment(throughPartition, rabbitMq, proxy.Endpoint, rest.BaseAddress), logs);
        await using var other = new ServiceProcess("market-data", "Trading.MarketData", Environment(postgres, rabbitMq, proxy.Endpoint, rest.BaseAddress), logs);
        string Progress() => $"open subscriptions: {Describe(proxy)}\n----- cut off\n{cutOff.Tail(15)}\n----- other\n{other.Tail(15)}";

        cutOff.Start();
        other.Start();
        await Task.WhenAll(cutOff.WaitUntilReadyAsync(Patience), other.WaitUntilReadyAsync(Patience));
        await Eventually.Holds(async () => OpenSubscriptionsAre(proxy, Shares(await LiveMembersAsync(postgres))), Patience, () => "the processes split the symbols; " + Progress());
        using var stopTrading = new CancellationTokenSource();
        var trading = TradeOnEveryConnectionAsync(proxy, stopTrading.Token);
        await Eventually.Holds(async () => (await QueryAsync(postgres, "SELECT message_type FROM market_data.outbox_messages WHERE message_type LIKE '%TradesReceived%'")).Count >= 4, Patience, () => "trades are published; " + Progress());

        // The database stops answering one process without closing anything: its renewals hang rather than fail, and so
        // does the outbox write of its next trade, in the middle of the venue connection's receive loop.
        partition.Blackhole();
        await Eventually.Holds(() => Task.FromResult(OpenSubscriptionsAre(proxy, Symbols)), Patience, () => "the other process subscribes every symbol; " + Progress());
        partition.Restore();
        await Eventually.Holds(async () => OpenSubscriptionsAre(proxy, Shares(await LiveMembersAsync(postgres))) && (await LiveMembersAsync(postgres)).Count == 2, Patience, () => "the cut-off process rejoins; " + Progress());
        await stopTrading.CancelAsync();
        await trading;

        Assert.Empty(proxy.DoubleSubscriptions());
        Assert.False(cutOff.HasExited);
        Assert.Contains("no lease renewal since", cutOff.Output, StringComparison.Ordinal);
    }

    /// <summary>Until stopped, sends every subscribed connection a trade of one of its symbols every 100 ms.</summary>
    private static async Task TradeOnEveryConnectionAsync(RecordingWebSocketProxy proxy, CancellationToken stop)
    {
        var template = JsonNode.Parse(KrakenFixtures.ReadBytes("spot-ws-v2/trade.update.json"))!.AsObject();
        var tradeId = 1_000_000L;
        while (!stop.IsCancellationRequested)
        {
            await proxy.SendToClientsAsync(symbols => TradeFrame(template, symbols.Order(StringComparer.Ordinal).First(), Interlocked.Increment(ref tradeId)), CancellationToken.None);
            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private static byte[] TradeFrame(JsonObject template, string symbol, long tradeId)
    {
        var frame = template.DeepClone().AsObject();
        var trade = frame["data"]![0]!.AsObject();
        trade["symbol"] = symbol;
        trade["trade_id"] = tradeId;
        trade["timestamp"] = TimeProvider.System.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        return Encoding.UTF8.GetBytes(frame.ToJsonString());
    }

    private static IReadOnlyDictionary<string, string> Environment(string postgres, string rabbitMq, Uri kraken, Uri rest) =>
        new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = postgres,
            ["ConnectionStrings__RabbitMq"] = rabbitMq,
            ["MarketData__Source"] = "Live",
            ["LiveFeed__Venues__0"] = "KRAKEN",
            ["LiveFeed__KrakenWebSocket"] = kraken.ToString(),
            ["LiveFeed__KrakenRest"] = rest.ToString(),
            ["LiveFeed__CoinbaseRest"] = rest.ToString(),
            ["LiveFeed__Symbols__0"] = Symbols[0],
            ["LiveFeed__Symbols__1"] = Symbols[1],
            ["LiveFeed__Symbols__2"] = Symbols[2],
            ["LiveFeed__Symbols__3"] = Symbols[3],
            ["Scaling__InstanceName"] = "market-data",
            ["Scaling__HeartbeatInterval"] = "00:00:00.500",
            ["Scaling__LeaseTimeout"] = LeaseTimeout.ToString("c"),

            // Every trade is written to the outbox at once, so a trade arriving after the partition hangs in the sink.
            ["LiveFeed__BatchSize"] = "1",
        };

    private static IReadOnlyCollection<string>[] Shares(IReadOnlyList<string> members) =>
        [.. members.Select(member => RendezvousAssignment.SymbolsOf(member, Symbols, members))];

    /// <summary>The open, subscribed connections hold exactly these symbol sets, one set per connection.</summary>
    private static bool OpenSubscriptionsAre(RecordingWebSocketProxy proxy, params IReadOnlyCollection<string>[] shares)
    {
        var open = proxy.OpenSubscriptions().Values.ToList();
        return open.Count == shares.Length && shares.All(share => open.Any(symbols => symbols.SetEquals(share)));
    }

    private static string Describe(RecordingWebSocketProxy proxy) =>
        string.Join("; ", proxy.OpenSubscriptions().Select(o => $"connection {o.Key}: [{string.Join(", ", o.Value.Order())}]"))
        + $"; doubles: {string.Join("; ", proxy.DoubleSubscriptions())}";

    private static Task<List<string>> LiveMembersAsync(string postgres) =>
        QueryAsync(postgres, $"SELECT instance_id FROM market_data.feed_members WHERE heartbeat_at > now() - interval '{LeaseTimeout.TotalSeconds} seconds' ORDER BY instance_id");

    private static async Task<List<string>> QueryAsync(string postgres, string sql)
    {
        await using var connection = new NpgsqlConnection(postgres);
        return (await connection.QueryAsync<string>(sql)).ToList();
    }
}
