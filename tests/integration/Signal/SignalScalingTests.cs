using System.Globalization;
using Dapper;
using Npgsql;
using Trading.Contracts.Candles;
using Trading.Integration.Tests.EndToEnd;
using Trading.Integration.Tests.Infrastructure;
using Trading.Markets;
using Trading.ServiceDefaults.Messaging;
using Xunit.Abstractions;

namespace Trading.Integration.Tests.Signal;

/// <summary>
/// Signal processes fed real recorded candles (BTC-PERP 1m merged to 5m, reused as four markets) over the broker as
/// <c>CandleClosed</c>: two partitioned instances, each consuming the candle partitions it owns, store exactly the signals one
/// instance stores. The gate is off, so every signal the strategies raise is stored and published.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SignalScalingTests(InfrastructureFixture infrastructure, ITestOutputHelper output)
{
    private const string Venue = "FTX";
    private const string File = "btcusd-perp-ftx-1m-20211231-20220114.csv";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(240);

    // Partitions 4, 8, 11 and 3: instance 0 of 2 owns the first two, instance 1 the others.
    private static readonly string[] Symbols = ["BTC-PERP", "ETH-PERP", "SOL-PERP", "XRP-PERP"];

    private static readonly Lazy<IReadOnlyList<Candle>> FiveMinute = new(ReadFiveMinuteCandles);

    [Fact]
    public void The_markets_fall_on_partitions_of_both_instances()
    {
        var owners = Symbols.Select(symbol => TradePartitions.Of(Venue, symbol) % 2).ToList();

        Assert.Equal([0, 0, 1, 1], owners);
    }

    [Fact]
    public async Task Two_partitioned_instances_store_exactly_the_signals_one_instance_does()
    {
        var single = await RunAsync("single", [Settings(0, 1)]);
        var partitioned = await RunAsync("partitioned", [Settings(0, 2), Settings(1, 2)]);
        output.WriteLine($"one instance: {single.Signals.Count} signals from {single.Candles} candles; two: {partitioned.Signals.Count} from {partitioned.Candles}");

        Assert.NotEmpty(single.Signals);
        Assert.All(Symbols, symbol => Assert.Contains(single.Signals, s => s.Contains($"\"symbol\": \"{symbol}\"", StringComparison.Ordinal)));
        Assert.Equal(single.Signals, partitioned.Signals);
        Assert.Equal(single.Candles, partitioned.Candles);
        Assert.Equal(FiveMinute.Value.Count * Symbols.Length, partitioned.Candles);
        Assert.Contains("Instance 0 of 1 consumes candle partitions 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15", single.Outputs[0]);
        Assert.Contains("Instance 0 of 2 consumes candle partitions 0,2,4,6,8,10,12,14", partitioned.Outputs[0]);
        Assert.Contains("Instance 1 of 2 consumes candle partitions 1,3,5,7,9,11,13,15", partitioned.Outputs[1]);
        Assert.Equal([.. Enumerable.Range(0, 16).Select(p => $"signal-candle-partition-{p:00}")], partitioned.PartitionQueues);
    }

    private static Dictionary<string, string> Settings(int instance, int instances) => new()
    {
        ["Signal__Instance"] = instance.ToString(CultureInfo.InvariantCulture),
        ["Signal__Instances"] = instances.ToString(CultureInfo.InvariantCulture),
        ["Signal__Intervals__0"] = "5m",
        ["Signal__Gate__Enforce"] = "false",
        ["Signal__RequestHistory"] = "false",
        ["Messaging__OutboxPollInterval"] = "00:00:00.200",
    };

    private async Task<RunResult> RunAsync(string name, IReadOnlyList<Dictionary<string, string>> instances)
    {
        var postgres = await infrastructure.CreateDatabaseAsync();
        var rabbitMq = await infrastructure.CreateVirtualHostAsync();
        var logs = Path.Combine(RepositoryPaths.Root, ".local", "test-logs", $"signal-{name}-" + new Uri(rabbitMq).AbsolutePath.Trim('/'));
        var processes = new List<ServiceProcess>();
        string Progress() => string.Join("\n", processes.Select((p, i) => $"----- signal {i} (exited {p.HasExited})\n{p.Tail(15)}"));
        try
        {
            foreach (var settings in instances)
            {
                var environment = new Dictionary<string, string>(settings)
                {
                    ["ConnectionStrings__Postgres"] = postgres,
                    ["ConnectionStrings__RabbitMq"] = rabbitMq,
                };
                var process = new ServiceProcess("signal", "Trading.Signal", environment, logs);
                processes.Add(process);
                process.Start();
                await process.WaitUntilReadyAsync(Patience);
            }

            await PublishAsync(rabbitMq);
            var expected = FiveMinute.Value.Count * Symbols.Length;
            var stored = 0L;
            await Eventually.Holds(
                async () => (stored = await CountAsync(postgres, "SELECT count(*) FROM signal.candles")) >= expected
                    && await CountAsync(postgres, "SELECT count(*) FROM signal.outbox_messages WHERE dispatched_at IS NULL") == 0,
                Patience,
                () => $"{expected} candles are consumed, consumed {stored}\n" + Progress());

            // Settle: anything still to come would be a signal one run has and the other has not.
            await Task.Delay(TimeSpan.FromSeconds(1));
            var queues = (await infrastructure.QueuesAsync(rabbitMq)).Select(q => q.Name).Where(q => q.StartsWith("signal-candle-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            return new RunResult(await SignalsAsync(postgres), await CountAsync(postgres, "SELECT count(*) FROM signal.candles"), queues, processes.Select(p => p.Output).ToList());
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }
        }
    }

    // The markets are published side by side, each in time order, as candle-builder's partitions would publish them.
    private static async Task PublishAsync(string rabbitMq)
    {
        await using var bus = await ReplayBus.StartAsync(rabbitMq);
        await Task.WhenAll(Symbols.Select(async symbol =>
        {
            foreach (var candle in FiveMinute.Value)
            {
                await bus.PublishAsync(CandleBus.Message(Venue, symbol, Interval.Parse("5m"), candle));
            }
        }));
    }

    private static async Task<long> CountAsync(string postgres, string sql)
    {
        await using var connection = new NpgsqlConnection(postgres);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    /// <summary>Every stored signal as JSON, all columns but the wall-clock <c>created_at</c>, in id order.</summary>
    private static async Task<IReadOnlyList<string>> SignalsAsync(string postgres)
    {
        await using var connection = new NpgsqlConnection(postgres);
        var rows = await connection.QueryAsync<string>("SELECT (to_jsonb(s) - 'created_at')::text FROM signal.signals s ORDER BY signal_id");
        return rows.ToList();
    }

    private static IReadOnlyList<Candle> ReadFiveMinuteCandles()
    {
        var candles = new List<Candle>();
        var aggregator = new CandleAggregator(Interval.Parse("5m"), candles.Add);
        foreach (var line in System.IO.File.ReadLines(RepositoryPaths.MarketFile(File)).Skip(1).Where(line => line.Length > 0))
        {
            var cells = line.Split(',');
            var openedAt = DateTimeOffset.Parse(cells[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            aggregator.Update(new Candle
            {
                OpenedAt = openedAt,
                ClosedAt = openedAt.AddMinutes(1),
                Open = decimal.Parse(cells[1], CultureInfo.InvariantCulture),
                High = decimal.Parse(cells[2], CultureInfo.InvariantCulture),
                Low = decimal.Parse(cells[3], CultureInfo.InvariantCulture),
                Close = decimal.Parse(cells[4], CultureInfo.InvariantCulture),
                Volume = decimal.Parse(cells[5], CultureInfo.InvariantCulture),
                TradeCount = 1,
                IsSynthetic = false,
            });
        }

        return candles;
    }

    private sealed record RunResult(IReadOnlyList<string> Signals, long Candles, IReadOnlyList<string> PartitionQueues, IReadOnlyList<string> Outputs);
}
