using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Trading.FakeVenues;
using Trading.Integration.Tests.EndToEnd;
using Trading.Integration.Tests.Infrastructure;

namespace Trading.Integration.Tests.MarketData;

/// <summary>
/// A live market-data process is SIGKILLed while the venue keeps trading and another process takes over: every trade on
/// the venue's tape from the first one published onwards is published exactly once, in venue order — the trades held in
/// the dead process's batcher and those made while nobody streamed arrive through the REST backfill from the cursor.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Category", "Integration")]
public sealed class LiveFeedResumeTests(InfrastructureFixture infrastructure)
{
    private static readonly string[] Symbols = ["BTC/USD", "ETH/USD"];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Trades_made_while_market_data_was_killed_are_published_once_each_by_the_next_process()
    {
        var postgres = await infrastructure.CreateDatabaseAsync();
        var rabbitMq = await infrastructure.CreateVirtualHostAsync();
        await using var kraken = await FakeKrakenSpotServer.StartAsync(TimeSpan.FromMilliseconds(500));
        var logs = Path.Combine(RepositoryPaths.Root, ".local", "test-logs", "market-data-resume-" + new Uri(rabbitMq).AbsolutePath.Trim('/'));
        var environment = Environment(postgres, rabbitMq, kraken);
        await using var first = new ServiceProcess("market-data", "Trading.MarketData", environment, logs);
        await using var second = new ServiceProcess("market-data", "Trading.MarketData", environment, logs);
        string Progress() => $"----- first\n{first.Tail(15)}\n----- second\n{second.Tail(15)}";
        using var stopTrading = new CancellationTokenSource();

        first.Start();
        await first.WaitUntilReadyAsync(Patience);
        await Eventually.Holds(() => Task.FromResult(Symbols.All(kraken.IsStreamingTradesOf)), Patience, () => "the first process streams; " + Progress());
        var trading = TradeAsync(kraken, stopTrading.Token);
        await Eventually.Holds(async () => (await PublishedAsync(postgres)).Values.Sum(ids => ids.Count) >= 40, Patience, () => "trades are published; " + Progress());
        await first.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        second.Start();
        await second.WaitUntilReadyAsync(Patience);
        await Eventually.Holds(() => Task.FromResult(Symbols.All(kraken.IsStreamingTradesOf)), Patience, () => "the second process streams; " + Progress());
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stopTrading.CancelAsync();
        await trading;
        await Eventually.Holds(
            async () =>
            {
                var published = await PublishedAsync(postgres);
                return Symbols.All(symbol => published.TryGetValue(symbol, out var ids) && ids.Count > 0 && ids[^1] == kraken.Tape(symbol)[^1].TradeId);
            },
            Patience,
            () => "the last trade of every symbol is published; " + Progress());

        var published = await PublishedAsync(postgres);
        foreach (var symbol in Symbols)
        {
            var tape = kraken.Tape(symbol).Select(t => t.TradeId).ToList();
            var ids = published[symbol];
            var expected = tape.Skip(tape.IndexOf(ids[0])).ToList();
            Assert.Equal(expected, ids);
        }

        Assert.Contains("Resuming BTC/USD after trade", second.Output, StringComparison.Ordinal);
        Assert.Contains("Resuming ETH/USD after trade", second.Output, StringComparison.Ordinal);
    }

    /// <summary>Until stopped, the venue trades each symbol every 20 ms, streamed only while a connection subscribes.</summary>
    private static async Task TradeAsync(FakeKrakenSpotServer kraken, CancellationToken stop)
    {
        var price = 64_000m;
        while (!stop.IsCancellationRequested)
        {
            price += 0.5m;
            foreach (var symbol in Symbols)
            {
                await kraken.AppendTradeAsync(symbol, price, 0.01m, CancellationToken.None);
            }

            try
            {
                await Task.Delay(20, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>The trade ids of every TradesReceived in the outbox, per symbol, in commit order.</summary>
    private static async Task<Dictionary<string, List<string>>> PublishedAsync(string postgres)
    {
        await using var connection = new NpgsqlConnection(postgres);
        var bodies = await connection.QueryAsync<string>(
            "SELECT body::text FROM market_data.outbox_messages WHERE message_type LIKE '%TradesReceived%' ORDER BY sequence");
        var published = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var body in bodies)
        {
            var message = JsonNode.Parse(body)!;
            var symbol = (string)message["symbol"]!;
            if (!published.TryGetValue(symbol, out var ids))
            {
                published[symbol] = ids = [];
            }

            ids.AddRange(message["trades"]!.AsArray().Select(trade => (string)trade!["tradeId"]!));
        }

        return published;
    }

    private static IReadOnlyDictionary<string, string> Environment(string postgres, string rabbitMq, FakeKrakenSpotServer kraken) =>
        new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = postgres,
            ["ConnectionStrings__RabbitMq"] = rabbitMq,
            ["MarketData__Source"] = "Live",
            ["LiveFeed__Venues__0"] = "KRAKEN",
            ["LiveFeed__KrakenWebSocket"] = kraken.Endpoint.ToString(),
            ["LiveFeed__KrakenRest"] = kraken.RestBaseAddress.ToString(),
            ["LiveFeed__Symbols__0"] = Symbols[0],
            ["LiveFeed__Symbols__1"] = Symbols[1],

            // Batches of up to 10 trades held up to a second: the kill finds trades received but not yet committed.
            ["LiveFeed__BatchSize"] = "10",
            ["LiveFeed__BatchWindow"] = "00:00:01",
            ["Scaling__HeartbeatInterval"] = "00:00:00.500",
            ["Scaling__LeaseTimeout"] = "00:00:02",
        };
}
