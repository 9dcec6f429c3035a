using Dapper;
using MassTransit;
using Npgsql;
using Trading.Contracts.MarketData;
using Trading.Contracts.Orders;
using Trading.Integration.Tests.EndToEnd;
using Trading.Integration.Tests.Infrastructure;
using Trading.ServiceDefaults;

namespace Trading.Integration.Tests.Execution;

/// <summary>
/// The execution service as a process on a database and virtual host of its own, a replay bus standing in for risk and
/// market-data, and an observer of what it publishes.
/// </summary>
internal sealed class ExecutionRun : IAsyncDisposable
{
    public const string Venue = "KRAKEN";
    public const string Symbol = "BTC/USDT";
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly Dictionary<string, string> _environment;
    private readonly string _logs;
    private ReplayBus? _replay;

    private ExecutionRun(string postgres, string rabbitMq, Dictionary<string, string> environment, string logs)
    {
        Postgres = postgres;
        RabbitMq = rabbitMq;
        _environment = environment;
        _logs = logs;
    }

    public string Postgres { get; }

    public string RabbitMq { get; }

    public ServiceProcess Process { get; private set; } = null!;

    public BusObserver Observer { get; } = new();

    public static async Task<ExecutionRun> StartAsync(InfrastructureFixture infrastructure, string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        var postgres = await infrastructure.CreateDatabaseAsync();
        var rabbitMq = await infrastructure.CreateVirtualHostAsync();
        var environment = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["ConnectionStrings__Postgres"] = postgres,
            ["ConnectionStrings__RabbitMq"] = rabbitMq,
            ["Messaging__OutboxPollInterval"] = "00:00:00.200",
        };
        var logs = Path.Combine(RepositoryPaths.Root, ".local", "test-logs", $"execution-{name}-" + new Uri(rabbitMq).AbsolutePath.Trim('/'));
        var run = new ExecutionRun(postgres, rabbitMq, environment, logs);
        await run.StartProcessAsync();
        await run.Observer.StartAsync(rabbitMq);
        run._replay = await ReplayBus.StartAsync(rabbitMq);
        return run;
    }

    public async Task StartProcessAsync()
    {
        Process = new ServiceProcess("execution", "Trading.Execution", _environment, _logs);
        Process.Start();
        await Process.WaitUntilReadyAsync(Patience);
    }

    /// <summary>SIGKILL, then a new process with the same settings.</summary>
    public async Task KillAndRestartAsync()
    {
        var killed = Process;
        await killed.KillAsync();
        await killed.DisposeAsync();
        await StartProcessAsync();
    }

    /// <summary>Sends the command as risk's outbox would, with the given message id.</summary>
    public async Task SendAsync<T>(T command, string queue, Guid messageId)
        where T : class
    {
        // The queue is single-active-consumer; a sender must declare it with the same argument.
        var endpoint = await _replay!.Bus.GetSendEndpoint(new Uri($"queue:{queue}?singleactiveconsumer=true"));
        await endpoint.Send(command, context => context.MessageId = messageId);
    }

    /// <summary>Publishes an event (a quote, say) as market-data would.</summary>
    public Task PublishAsync<T>(T message)
        where T : class => _replay!.PublishAsync(message, Guid.NewGuid());

    /// <summary>SIGTERM, then a new process with the same settings.</summary>
    public async Task StopAndRestartAsync()
    {
        var stopped = Process;
        await stopped.StopAsync();
        await stopped.DisposeAsync();
        await StartProcessAsync();
    }

    public Task PlaceAsync(PlaceOrder order, Guid messageId) => SendAsync(order, "execution-place-order", messageId);

    /// <summary>Publishes the trades as market-data would, in batches, oldest first; each batch id derives from its first trade.</summary>
    public async Task PublishTradesAsync(IEnumerable<TapeTrade> trades, int batchSize = 50)
    {
        foreach (var batch in trades.Chunk(batchSize))
        {
            var message = new TradesReceived
            {
                BatchId = DeterministicGuid.Create("batch|" + batch[0].TradeId),
                Venue = Venue,
                Symbol = Symbol,
                Trades = [.. batch.Select(t => t.ToTrade())],
            };
            await _replay!.PublishAsync(message, Guid.NewGuid());
        }
    }

    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(Postgres);
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    public async Task<long> CountAsync(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(Postgres);
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    public async ValueTask DisposeAsync()
    {
        if (_replay is not null)
        {
            await _replay.DisposeAsync();
        }

        await Observer.DisposeAsync();
        await Process.DisposeAsync();
    }
}
