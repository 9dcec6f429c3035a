using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Trading.Contracts.Candles;
using Trading.Contracts.MarketData;
using Trading.Contracts.Orders;
using Trading.Contracts.Risk;
using Trading.Contracts.Signals;

namespace Trading.Integration.Tests.EndToEnd;

/// <summary>
/// A bus of the test's own, bound to every event exchange, that records what the services publish. Messages are
/// de-duplicated by message id, as the services' inboxes do: the outbox delivers at least once.
/// </summary>
public sealed class BusObserver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ObservedMessage> _arrivals = new();
    private readonly ActivityListener _listener;
    private IBusControl? _bus;

    public BusObserver()
    {
        // Without a listener MassTransit creates no consume activity, and the trace a message carries would be invisible here.
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "MassTransit",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Every arrival, including redeliveries of the same message id.</summary>
    public int Arrivals => _arrivals.Count;

    public async Task StartAsync(string rabbitMq)
    {
        var address = Trading.ServiceDefaults.Messaging.RabbitMqAddress.Parse(rabbitMq, "ConnectionStrings:RabbitMq");
        _bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(address.Host, address.Port, address.VirtualHost, host =>
            {
                host.Username(address.Username);
                host.Password(address.Password);
            });
            rabbit.ReceiveEndpoint("e2e-observer", endpoint =>
            {
                endpoint.ConcurrentMessageLimit = 1;
                Record<TradesReceived>(endpoint);
                Record<FeedStatusChanged>(endpoint);
                Record<CandleClosed>(endpoint);
                Record<SignalGenerated>(endpoint);
                Record<SignalRejected>(endpoint);
                Record<OrderFilled>(endpoint);
                Record<OrderRejected>(endpoint);
                Record<PositionOpened>(endpoint);
                Record<PositionClosed>(endpoint);
                Record<TradingHalted>(endpoint);
                Record<TradingResumed>(endpoint);
                Record<LivePerformanceDeviated>(endpoint);
                Record<RiskLimitsChanged>(endpoint);
                Record<SignalApproved>(endpoint);
                Record<AccountUpdated>(endpoint);
            });
        });
        await _bus.StartAsync();
    }

    public IReadOnlyList<T> All<T>()
        where T : class => Observed<T>().Select(o => (T)o.Message).ToList();

    public IReadOnlyList<ObservedMessage> Observed<T>()
        where T : class => _arrivals.Where(o => o.Message is T).DistinctBy(o => o.MessageId).ToList();

    public async ValueTask DisposeAsync()
    {
        if (_bus is not null)
        {
            await _bus.StopAsync();
        }

        _listener.Dispose();
    }

    private void Record<T>(IRabbitMqReceiveEndpointConfigurator endpoint)
        where T : class =>
        endpoint.Handler<T>(context =>
        {
            var observed = new ObservedMessage(context.Message, context.MessageId!.Value, Activity.Current?.TraceId);
            _arrivals.Enqueue(observed);
            return Task.CompletedTask;
        });
}
