using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using MassTransit;
using Npgsql;
using Trading.Contracts.Orders;
using Trading.Contracts.Signals;
using Trading.Integration.Tests.EndToEnd;
using Trading.Integration.Tests.Infrastructure;
using Trading.ServiceDefaults.Messaging;

namespace Trading.Integration.Tests.Risk;

/// <summary>
/// The risk service as its own process against a fresh database and virtual host, with a bus that publishes what signal and
/// execution would, records every event risk publishes, and takes the <c>PlaceOrder</c> commands from execution's queue.
/// </summary>
internal sealed class RiskHarness : IAsyncDisposable
{
    public const string Token = "operator-token-for-the-tests-0001";
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly ConcurrentQueue<PlaceOrder> _orders = new();
    private readonly ConcurrentQueue<FlattenPositions> _flattens = new();
    private IBusControl? _execution;

    private RiskHarness(IsolatedService service) => Service = service;

    /// <summary>The risk processes, their database and virtual host.</summary>
    public IsolatedService Service { get; }

    public string Postgres => Service.Postgres;

    public string RabbitMq => Service.RabbitMq;

    public List<ServiceProcess> Instances => Service.Instances;

    public ServiceProcess Risk => Service.First;

    public BusObserver Events { get; } = new();

    public ReplayBus Bus { get; private set; } = null!;

    /// <summary>Every PlaceOrder delivered to execution's queue, redeliveries included.</summary>
    public IReadOnlyList<PlaceOrder> Orders => [.. _orders];

    /// <summary>Every FlattenPositions delivered to execution's queue.</summary>
    public IReadOnlyList<FlattenPositions> Flattens => [.. _flattens];

    public static async Task<RiskHarness> StartAsync(InfrastructureFixture infrastructure, string name, IReadOnlyDictionary<string, string>? settings = null, int instances = 1)
    {
        var environment = new Dictionary<string, string>
        {
            ["Risk__Operator__Token"] = Token,
            ["Risk__HaltCheckInterval"] = "00:00:01",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var harness = new RiskHarness(await IsolatedService.CreateAsync(infrastructure, "risk", "Trading.Risk", name, environment));
        await harness.Events.StartAsync(harness.RabbitMq);
        harness.Bus = await ReplayBus.StartAsync(harness.RabbitMq);
        await harness.StartExecutionQueueAsync();
        for (var i = 0; i < instances; i++)
        {
            await harness.Service.StartInstanceAsync();
        }

        return harness;
    }

    /// <summary>SIGKILL of the first instance, and a new process in its place.</summary>
    public Task KillAndRestartAsync() => Service.KillAndRestartAsync();

    public Task PublishAsync<T>(T message)
        where T : class => Bus.PublishAsync(message, Guid.NewGuid());

    /// <summary>
    /// A signal approved, its order filled and its position closed with <paramref name="netPnl"/>, as execution would report them; waits
    /// until risk has booked the close.
    /// </summary>
    public async Task TradeAsync(SignalGenerated signal, decimal fee, decimal netPnl)
    {
        await PublishAsync(signal);
        var decision = await DecisionAsync(signal.SignalId);
        Assert.True(decision.Approved, decision.Reason);
        await Eventually.Holds(() => Task.FromResult(Orders.Any(o => o.SignalId == signal.SignalId)), Patience, "the PlaceOrder is sent");
        var order = Orders.First(o => o.SignalId == signal.SignalId);
        var positionId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await PublishAsync(new OrderFilled
        {
            OrderId = order.OrderId,
            ClientOrderId = order.ClientOrderId,
            PositionId = positionId,
            SignalId = signal.SignalId,
            Venue = order.Venue,
            Symbol = order.Symbol,
            Side = order.Side,
            Quantity = order.Quantity,
            Price = order.Entry,
            Fee = fee,
            OpensPosition = true,
            IsPaper = true,
            FilledAt = now,
        });
        await PublishAsync(new PositionClosed
        {
            PositionId = positionId,
            SignalId = signal.SignalId,
            Venue = order.Venue,
            Symbol = order.Symbol,
            Side = order.Side,
            Quantity = order.Quantity,
            EntryPrice = order.Entry,
            ExitPrice = order.Entry,
            Fees = fee * 2,
            RealizedPnl = netPnl,
            RMultiple = netPnl / 100m,
            ExitReason = netPnl > 0 ? ExitReason.TakeProfit : ExitReason.StopLoss,
            OpenedAt = now,
            ClosedAt = now.AddMinutes(3),
        });
        await Eventually.Holds(
            async () => await CountAsync("SELECT count(*) FROM risk.ledger WHERE signal_id = @id AND kind = 'realised'", new { id = signal.SignalId }) == 1,
            Patience,
            () => $"risk books the close of {signal.SignalId}\n{Logs()}");
    }

    public async Task<HttpResponseMessage> OperatorAsync(HttpMethod method, string path, object? body = null, string? token = Token)
    {
        using var http = new HttpClient { BaseAddress = Risk.Address };
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await http.SendAsync(request);
    }

    public async Task<JsonElement> OperatorJsonAsync(HttpMethod method, string path, object? body = null)
    {
        using var response = await OperatorAsync(method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Sets limits through the operator endpoint, as an operator would.</summary>
    public Task SetLimitsAsync(IReadOnlyDictionary<string, object> limits) =>
        OperatorJsonAsync(HttpMethod.Put, "/operator/limits", new { limits, reason = "test case", actor = "tests" });

    /// <summary>The decision stored for a signal, waiting for it.</summary>
    public async Task<StoredDecision> DecisionAsync(Guid signalId)
    {
        StoredDecision? decision = null;
        await Eventually.Holds(
            async () => (decision = await QuerySingleAsync<StoredDecision>(
                "SELECT approved, quantity, notional, rule, reason, inputs::text AS inputs FROM risk.decisions WHERE signal_id = @signalId",
                new { signalId })) is not null,
            Patience,
            () => $"risk decides on signal {signalId}\n{Risk.Tail()}");
        return decision!;
    }

    public Task<T?> QuerySingleAsync<T>(string sql, object? parameters = null) => Service.QuerySingleAsync<T>(sql, parameters);

    public Task<long> CountAsync(string sql, object? parameters = null) => Service.CountAsync(sql, parameters);

    public Task ExecuteAsync(string sql, object? parameters = null) => Service.ExecuteAsync(sql, parameters);

    /// <summary>Forgets every decision, position, booking, halt and override: the account is fresh again.</summary>
    public Task ResetAsync() =>
        ExecuteAsync("TRUNCATE risk.decisions, risk.positions, risk.ledger, risk.account_state, risk.halts, risk.limit_overrides, risk.candle_closes, risk.live_performance");

    public static SignalGenerated Signal(string symbol = "BTC/USD", SignalDirection direction = SignalDirection.Long, decimal entry = 45_000m,
        decimal? stopLoss = null, BacktestRecord? backtest = null) => new()
        {
            SignalId = Guid.NewGuid(),
            Strategy = "ema-cross",
            Venue = "KRAKEN",
            Symbol = symbol,
            Interval = "15m",
            Direction = direction,
            Entry = entry,
            StopLoss = stopLoss ?? (direction == SignalDirection.Long ? entry - 500m : entry + 500m),
            TakeProfit = direction == SignalDirection.Long ? entry + 1_250m : entry - 1_250m,
            RiskReward = 2.5m,
            Confidence = 0.6m,
            Reason = "test signal",
            SignalAt = DateTimeOffset.UtcNow,
            Backtest = backtest,
        };

    public string Logs() => Service.Logs();

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        await Events.DisposeAsync();
        await Bus.DisposeAsync();
        if (_execution is not null)
        {
            await _execution.StopAsync();
        }
    }

    private async Task StartExecutionQueueAsync()
    {
        var address = RabbitMqAddress.Parse(RabbitMq, "ConnectionStrings:RabbitMq");
        _execution = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(address.Host, address.Port, address.VirtualHost, host =>
            {
                host.Username(address.Username);
                host.Password(address.Password);
            });
            rabbit.ReceiveEndpoint("execution-place-order", endpoint =>
            {
                endpoint.SingleActiveConsumer = true;
                endpoint.ConfigureConsumeTopology = false;
                endpoint.Handler<PlaceOrder>(context =>
                {
                    _orders.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
            });
            rabbit.ReceiveEndpoint("execution-flatten-positions", endpoint =>
            {
                endpoint.SingleActiveConsumer = true;
                endpoint.ConfigureConsumeTopology = false;
                endpoint.Handler<FlattenPositions>(context =>
                {
                    _flattens.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
            });
        });
        await _execution.StartAsync();
    }

    internal static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
