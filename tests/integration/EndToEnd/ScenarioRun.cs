using Dapper;
using Npgsql;
using Trading.Contracts.Candles;
using Trading.Contracts.MarketData;
using Trading.Contracts.Orders;
using Trading.Contracts.Signals;
using Trading.Integration.Tests.Infrastructure;

namespace Trading.Integration.Tests.EndToEnd;

/// <summary>
/// One replay through the whole stack: a fresh database and virtual host, the test's bus observer and webhook
/// receiver, the six service processes, and the checks that the run is complete.
/// </summary>
public sealed class ScenarioRun : IAsyncDisposable
{
    private string _progress = "nothing yet";

    private static readonly string[] Schemas = ["market_data", "candle_builder", "signal", "risk", "execution", "notification"];

    private ScenarioRun(InfrastructureFixture infrastructure, string postgres, string rabbitMq, BusObserver observer, WebhookReceiver webhook, TradingStack stack)
    {
        Infrastructure = infrastructure;
        Postgres = postgres;
        RabbitMq = rabbitMq;
        Observer = observer;
        Webhook = webhook;
        Stack = stack;
        Expected = ExpectedCandles.FromTradesFile(RepositoryPaths.MarketFile(ScenarioSettings.TradesFile), ScenarioSettings.Venue, ScenarioSettings.Symbol);
    }

    public InfrastructureFixture Infrastructure { get; }

    public string Postgres { get; }

    public string RabbitMq { get; }

    public BusObserver Observer { get; }

    public WebhookReceiver Webhook { get; }

    public TradingStack Stack { get; }

    /// <summary>Every minute's candle computed from the CSV; the last one closes only when its minute has passed on the market clock.</summary>
    public IReadOnlyList<CandleClosed> Expected { get; }

    /// <param name="extraEnvironment">Settings added to (or replacing) the scenario's for every service.</param>
    public static async Task<ScenarioRun> StartAsync(InfrastructureFixture infrastructure, ScenarioSettings settings, IReadOnlyDictionary<string, string>? extraEnvironment = null)
    {
        var postgres = await infrastructure.CreateDatabaseAsync();
        var rabbitMq = await infrastructure.CreateVirtualHostAsync();
        var observer = new BusObserver();
        await observer.StartAsync(rabbitMq);
        var webhook = await WebhookReceiver.StartAsync();
        var environment = new Dictionary<string, string>(settings.Environment(postgres, rabbitMq, webhook.Url));
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var stack = new TradingStack(environment, new Uri(rabbitMq).AbsolutePath.Trim('/'));
        var run = new ScenarioRun(infrastructure, postgres, rabbitMq, observer, webhook, stack);
        await stack.StartAsync();
        return run;
    }

    /// <summary>
    /// Waits until the replay finished and every effect of it arrived: all closed candles, a risk decision for every
    /// signal, an order for every approval, the fills and closes execution recorded, and a webhook per signal.
    /// </summary>
    public async Task WaitUntilCompleteAsync(TimeSpan patience)
    {
        await Eventually.Holds(() => Task.FromResult(Observer.All<FeedStatusChanged>().Any(f => f.Status == FeedStatus.Completed)), patience, () => "the replay completes\n" + Stack.Logs());
        await Eventually.Holds(() => Task.FromResult(Observer.All<CandleClosed>().Count >= Expected.Count - 1), patience, () => $"{Expected.Count - 1} candles are published, seen {Observer.All<CandleClosed>().Count}\n" + Stack.Logs());
        await Eventually.Holds(IsSettledAsync, patience, () => $"every signal is decided, ordered, filled and notified; last seen: {_progress}\n" + Stack.Logs());
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(Postgres);
        return (await connection.QueryAsync<T>(sql)).ToList();
    }

    public async Task<long> PendingOutboxMessagesAsync()
    {
        long pending = 0;
        foreach (var schema in Schemas)
        {
            pending += (await QueryAsync<long>($"SELECT count(*) FROM {schema}.outbox_messages WHERE dispatched_at IS NULL")).Single();
        }

        return pending;
    }

    public async ValueTask DisposeAsync()
    {
        await Stack.DisposeAsync();
        await Webhook.DisposeAsync();
        await Observer.DisposeAsync();
    }

    private async Task<bool> IsSettledAsync()
    {
        // Each stage's own tables say whether it has caught up; the observer alone cannot see a queue's backlog.
        var candlesSeen = Observer.All<CandleClosed>().Count;
        var candlesInSignal = (await QueryAsync<long>("SELECT count(*) FROM signal.candles")).Single();
        var tradesInExecution = (await QueryAsync<long>("SELECT count(*) FROM execution.market_trades")).Single();
        var signals = Observer.All<SignalGenerated>();
        var decisions = (await QueryAsync<long>("SELECT count(*) FROM risk.decisions")).Single();
        var approved = (await QueryAsync<long>("SELECT count(*) FROM risk.decisions WHERE approved")).Single();
        var lastTrade = Expected[^1].ClosedAt;
        var orders = (await QueryAsync<long>("SELECT count(*) FROM execution.orders")).Single();
        var unfilled = (await QueryAsync<DateTime>("SELECT signal_at FROM execution.orders WHERE status = 'pending'")).Count(at => at < lastTrade.AddMinutes(-1).UtcDateTime);
        var filled = (await QueryAsync<long>("SELECT count(*) FROM execution.orders WHERE status = 'filled'")).Single();
        var closed = (await QueryAsync<long>("SELECT count(*) FROM execution.positions WHERE status = 'closed'")).Single();
        var notified = Webhook.Requests.Where(r => r.Event == "signal-generated").Select(r => r.EventId).Distinct().Count();

        _progress = $"candles {candlesSeen} (signal has {candlesInSignal}), trades in execution {tradesInExecution} of {Expected.Sum(c => c.TradeCount)}, signals {signals.Count}, decisions {decisions} ({approved} approved), orders {orders} ({filled} filled, {unfilled} overdue), " +
                    $"opening fills seen {Observer.All<OrderFilled>().Count(f => f.OpensPosition)}, closed {closed} (seen {Observer.All<PositionClosed>().Count}), signal webhooks {notified}";
        return candlesInSignal == candlesSeen
            && tradesInExecution == Expected.Sum(c => c.TradeCount)
            && decisions == signals.Count
            && orders == approved
            && unfilled == 0
            && Observer.All<OrderFilled>().Count(f => f.OpensPosition) == filled
            && Observer.All<PositionClosed>().Count == closed
            && notified == signals.Count
            && await PendingOutboxMessagesAsync() == 0;
    }
}
