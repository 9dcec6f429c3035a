using Trading.Contracts.Orders;
using Trading.Integration.Tests.Infrastructure;
using Trading.ServiceDefaults;

namespace Trading.Integration.Tests.Execution;

/// <summary>
/// Execution killed with SIGKILL between receiving a PlaceOrder and publishing its fill, restarted, and sent the same order
/// again (a redelivery with a new message id): one order, one fill, one position and one distinct OrderFilled per fill.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ExecutionCrashTests(InfrastructureFixture infrastructure)
{
    private static readonly Lazy<IReadOnlyList<TapeTrade>> Tape = new(() => TapeTrade.Read().Take(300).ToList());

    [Theory]
    [InlineData(0, false)]
    [InlineData(40, false)]
    [InlineData(0, true)]
    [InlineData(25, true)]
    [InlineData(150, true)]
    public async Task A_kill_after_the_order_is_stored_never_trades_twice(int killDelayMs, bool tradesFirst)
    {
        var order = Order(Tape.Value[10]);
        await using var run = await ExecutionRun.StartAsync(infrastructure, $"crash-{killDelayMs}-{tradesFirst}");
        if (tradesFirst)
        {
            await run.PublishTradesAsync(Tape.Value);
            await Eventually.Holds(async () => await run.CountAsync("SELECT count(*) FROM execution.market_trades") == Tape.Value.Count, ExecutionRun.Patience, "the trades are stored");
        }

        await run.PlaceAsync(order, Guid.NewGuid());
        await Eventually.Holds(async () => await run.CountAsync("SELECT count(*) FROM execution.orders") == 1, ExecutionRun.Patience, "the order row exists");
        await Task.Delay(killDelayMs);
        await run.KillAndRestartAsync();
        await run.PlaceAsync(order, Guid.NewGuid());
        await run.PublishTradesAsync(Tape.Value);
        await Eventually.Holds(
            async () => await run.CountAsync("SELECT count(*) FROM execution.positions WHERE status = 'closed'") == 1
                && await run.CountAsync("SELECT count(*) FROM execution.outbox_messages WHERE dispatched_at IS NULL") == 0
                && run.Observer.All<PositionClosed>().Count == 1,
            ExecutionRun.Patience,
            () => "the order fills and its position closes\n" + run.Process.Tail());

        Assert.Equal(1, await run.CountAsync("SELECT count(*) FROM execution.orders"));
        Assert.Equal(1, await run.CountAsync("SELECT count(*) FROM execution.orders WHERE status = 'filled'"));
        Assert.Equal(1, await run.CountAsync("SELECT count(*) FROM execution.positions"));
        var fills = run.Observer.All<OrderFilled>();
        Assert.Single(fills.Where(f => f.OpensPosition).DistinctBy(f => f.OrderId));
        Assert.Equal(order.OrderId, fills.Single(f => f.OpensPosition).OrderId);
        Assert.Single(fills.Where(f => !f.OpensPosition).DistinctBy(f => f.OrderId));
        Assert.Single(run.Observer.All<PositionOpened>().DistinctBy(p => p.PositionId));
    }

    [Fact]
    public async Task A_duplicated_place_order_with_the_same_client_order_id_never_opens_a_second_position()
    {
        var order = Order(Tape.Value[10]);
        var duplicate = order with { OrderId = Guid.NewGuid(), RequestedAt = order.RequestedAt.AddSeconds(5) };
        await using var run = await ExecutionRun.StartAsync(infrastructure, "duplicate");

        await run.PlaceAsync(order, Guid.NewGuid());
        await run.PublishTradesAsync(Tape.Value);
        await run.PlaceAsync(duplicate, Guid.NewGuid());
        await run.PlaceAsync(order, Guid.NewGuid());
        await Eventually.Holds(
            async () => await run.CountAsync("SELECT count(*) FROM execution.positions WHERE status = 'closed'") == 1
                && await run.CountAsync("SELECT count(*) FROM execution.outbox_messages WHERE dispatched_at IS NULL") == 0
                && await run.CountAsync("SELECT count(*) FROM execution.inbox_messages WHERE consumer = 'PlaceOrderConsumer'") == 3,
            ExecutionRun.Patience,
            () => "the order fills, closes, and both duplicates are consumed\n" + run.Process.Tail());

        Assert.Equal(1, await run.CountAsync("SELECT count(*) FROM execution.orders"));
        Assert.Equal(1, await run.CountAsync("SELECT count(*) FROM execution.positions"));
        Assert.Single(run.Observer.All<PositionOpened>());
        Assert.Contains("Duplicate PlaceOrder ignored", run.Process.Output);
    }

    /// <summary>A buy at the given trade's time with a tight stop and target, so the tape's first 300 trades close it.</summary>
    private static PlaceOrder Order(TapeTrade at)
    {
        var signalId = DeterministicGuid.Create("crash-signal|" + at.TradeId);
        return new PlaceOrder
        {
            OrderId = DeterministicGuid.Create("crash-order|" + at.TradeId),
            ClientOrderId = "sig-" + signalId.ToString("N")[..24],
            SignalId = signalId,
            Venue = ExecutionRun.Venue,
            Symbol = ExecutionRun.Symbol,
            Side = OrderSide.Buy,
            Quantity = 0.01m,
            Entry = at.Price,
            StopLoss = Math.Round(at.Price * 0.9995m, 1),
            TakeProfit = Math.Round(at.Price * 1.0005m, 1),
            SignalAt = at.ExchangeTime,
            RequestedAt = at.ExchangeTime,
        };
    }
}
