using MassTransit;
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

    private ReplayBus? _replay;

    private ExecutionRun(IsolatedService service) => Service = service;

    /// <summary>The execution process, its database and virtual host.</summary>
    public IsolatedService Service { get; }

    public string Postgres => Service.Postgres;

    public string RabbitMq => Service.RabbitMq;

    public ServiceProcess Process => Service.First;

    public BusObserver Observer { get; } = new();

    public static async Task<ExecutionRun> StartAsync(InfrastructureFixture infrastructure, string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        var run = new ExecutionRun(await IsolatedService.CreateAsync(infrastructure, "execution", "Trading.Execution", name, settings));
        await run.Service.StartInstanceAsync();
        await run.Observer.StartAsync(run.RabbitMq);
        run._replay = await ReplayBus.StartAsync(run.RabbitMq);
        return run;
    }

    /// <summary>SIGKILL, then a new process with the same settings.</summary>
    public Task KillAndRestartAsync() => Service.KillAndRestartAsync();

    /// <summary>SIGTERM, then a new process with the same settings.</summary>
    public Task StopAndRestartAsync() => Service.StopAndRestartAsync();

    /// <summary>Publishes an event (a quote, say) as market-data would.</summary>
    public Task PublishAsync<T>(T message)
        where T : class => _replay!.PublishAsync(message, Guid.NewGuid());

    /// <summary>Sends the command as risk's outbox would, with the given message id.</summary>
    public async Task SendAsync<T>(T command, string queue, Guid messageId)
        where T : class
    {
        // The queue is single-active-consumer; a sender must declare it with the same argument.
        var endpoint = await _replay!.Bus.GetSendEndpoint(new Uri($"queue:{queue}?singleactiveconsumer=true"));
        await endpoint.Send(command, context => context.MessageId = messageId);
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

    public Task<List<T>> QueryAsync<T>(string sql, object? parameters = null) => Service.QueryAsync<T>(sql, parameters);

    public Task<long> CountAsync(string sql, object? parameters = null) => Service.CountAsync(sql, parameters);

    public async ValueTask DisposeAsync()
    {
        if (_replay is not null)
        {
            await _replay.DisposeAsync();
        }

        await Observer.DisposeAsync();
        await Service.DisposeAsync();
    }
}
