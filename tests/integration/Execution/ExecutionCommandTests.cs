using Trading.Contracts.MarketData;
using Trading.Contracts.Orders;
using Trading.Integration.Tests.Infrastructure;
using Trading.Markets.Execution;
using Trading.Markets.Strategies;

namespace Trading.Integration.Tests.Execution;

/// <summary>
/// Execution as a process: an order fills on the first quote after its signal (a buy takes the ask, with the documented slippage),
/// <c>FlattenPositions</c> closes what is open at the latest market price, and with <c>FlattenOnShutdown</c> a SIGTERM closes the
/// rest before the process exits, the events leaving at the next start if not before. Also: a fill held in the outbox when execution
/// dies (publishing denied on the broker) leaves exactly once after the restart.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ExecutionCommandTests(InfrastructureFixture infrastructure)
{
    private static readonly DateTimeOffset At = new(2025, 11, 10, 17, 30, 0, TimeSpan.Zero);
    private static readonly PaperExecutionModel Model = new();

    [Fact]
    public async Task A_quote_fills_an_order_and_flatten_commands_and_shutdown_close_positions_at_the_market()
    {
        await using var run = await ExecutionRun.StartAsync(infrastructure, "commands", new Dictionary<string, string> { ["Execution__FlattenOnShutdown"] = "true" });

        var first = Order("first", At);
        await run.PlaceAsync(first, Guid.NewGuid());
        await Eventually.Holds(async () => await run.CountAsync("SELECT count(*) FROM execution.orders") == 1, ExecutionRun.Patience, "the order is stored");
        await run.PublishAsync(Quote(105_400m, 105_410m, At.AddSeconds(1)));

        var opened = await SingleAsync<OrderFilled>(run, f => f.OrderId == first.OrderId);
        var entry = Model.TakerOnQuote(TradeDirection.Long, new MarketQuote { Bid = 105_400m, Ask = 105_410m, ExchangeTime = At.AddSeconds(1) }, first.Quantity);
        Assert.Equal(entry.Price, opened.Price);
        Assert.Equal(105_410m * (1 + ((2m + (105_410m * 0.01m / 10_000m)) / 10_000m)), opened.Price);
        Assert.Equal(entry.Fee, opened.Fee);
        Assert.Equal(At.AddSeconds(1), opened.FilledAt);

        // Flatten: the latest market price is the quote, so the long sells at the bid, less the taker slippage.
        await run.SendAsync(new FlattenPositions { Reason = "operator: test", RequestedAt = At.AddSeconds(2) }, "execution-flatten-positions", Guid.NewGuid());
        var flattened = await SingleAsync<PositionClosed>(run, p => p.SignalId == first.SignalId);
        Assert.Equal(ExitReason.Flatten, flattened.ExitReason);
        var exit = Model.TakerOnQuote(TradeDirection.Short, new MarketQuote { Bid = 105_400m, Ask = 105_410m, ExchangeTime = At.AddSeconds(1) }, first.Quantity);
        Assert.Equal(exit.Price, flattened.ExitPrice);
        Assert.Equal(entry.Fee + exit.Fee, flattened.Fees);
        Assert.Equal(((exit.Price - entry.Price) * first.Quantity) - entry.Fee - exit.Fee, flattened.RealizedPnl);

        // A second position, open when execution is stopped with SIGTERM: closed on the way down.
        var second = Order("second", At.AddSeconds(3));
        await run.PlaceAsync(second, Guid.NewGuid());
        await run.PublishTradesAsync([new TapeTrade(0, "t-1", 105_420m, 0.5m, TradeSide.Buy, At.AddSeconds(4))]);
        await SingleAsync<OrderFilled>(run, f => f.OrderId == second.OrderId);
        await run.StopAndRestartAsync();

        Assert.Equal(0, await run.CountAsync("SELECT count(*) FROM execution.positions WHERE status = 'open'"));
        Assert.Equal(2, await run.CountAsync("SELECT count(*) FROM execution.positions WHERE exit_reason = 'flatten'"));
        var closed = await SingleAsync<PositionClosed>(run, p => p.SignalId == second.SignalId);
        Assert.Equal(ExitReason.Flatten, closed.ExitReason);
        // The latest market price is now the trade; the quote 3 s before it is fresh enough for its half spread (5) to count.
        var quote = new MarketQuote { Bid = 105_400m, Ask = 105_410m, ExchangeTime = At.AddSeconds(1) };
        Assert.Equal(Model.TakerOnTrade(TradeDirection.Short, 105_420m, At.AddSeconds(4), second.Quantity, quote).Price, closed.ExitPrice);
        Assert.Contains("Restored 0 open positions and 0 pending orders", run.Process.Output);
    }

    [Fact]
    public async Task A_fill_held_in_the_outbox_when_execution_dies_is_published_once_after_the_restart()
    {
        await using var run = await ExecutionRun.StartAsync(infrastructure, "crash-outbox");
        await infrastructure.SetPermissionsAsync(run.RabbitMq, ".*", "^(?!Trading\\.Contracts\\.Orders:OrderFilled$).*", ".*");

        var order = Order("held", At);
        await run.PlaceAsync(order, Guid.NewGuid());
        await run.PublishTradesAsync([new TapeTrade(0, "t-1", 105_420m, 0.5m, TradeSide.Buy, At.AddSeconds(1))]);
        await Eventually.Holds(
            async () => await run.CountAsync("SELECT count(*) FROM execution.orders WHERE status = 'filled'") == 1, ExecutionRun.Patience, "the fill commits");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await run.CountAsync("SELECT count(*) FROM execution.outbox_messages WHERE dispatched_at IS NULL AND message_type LIKE '%OrderFilled%'"));
        Assert.Empty(run.Observer.All<OrderFilled>());

        await run.Process.KillAsync();
        await infrastructure.SetPermissionsAsync(run.RabbitMq, ".*", ".*", ".*");
        await run.KillAndRestartAsync();
        await run.PlaceAsync(order, Guid.NewGuid());

        var filled = await SingleAsync<OrderFilled>(run, f => f.OrderId == order.OrderId);
        await Eventually.Holds(
            async () => await run.CountAsync("SELECT count(*) FROM execution.outbox_messages WHERE dispatched_at IS NULL") == 0, ExecutionRun.Patience, "the outbox drains");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(run.Observer.All<OrderFilled>(), f => f.OrderId == order.OrderId);
        Assert.Equal(Model.TakerOnTrade(TradeDirection.Long, 105_420m, At.AddSeconds(1), order.Quantity, null).Price, filled.Price);
        Assert.Equal(1, await run.CountAsync("SELECT count(*) FROM execution.positions"));
        Assert.Equal(1, await run.CountAsync("SELECT count(*) FROM execution.orders"));
    }

    private static async Task<T> SingleAsync<T>(ExecutionRun run, Func<T, bool> match)
        where T : class
    {
        await Eventually.Holds(() => Task.FromResult(run.Observer.All<T>().Any(match)), ExecutionRun.Patience, () => $"a {typeof(T).Name}\n{run.Process.Tail()}");
        return run.Observer.All<T>().Single(match);
    }

    private static QuoteUpdated Quote(decimal bid, decimal ask, DateTimeOffset at) => new()
    {
        Venue = ExecutionRun.Venue,
        Symbol = ExecutionRun.Symbol,
        BidPrice = bid,
        BidQuantity = 1m,
        AskPrice = ask,
        AskQuantity = 1m,
        ExchangeTime = at,
        ReceivedAt = at,
    };

    private static PlaceOrder Order(string name, DateTimeOffset signalAt)
    {
        var signalId = Trading.ServiceDefaults.DeterministicGuid.Create("command-signal|" + name);
        return new PlaceOrder
        {
            OrderId = Trading.ServiceDefaults.DeterministicGuid.Create("command-order|" + name),
            ClientOrderId = "sig-" + signalId.ToString("N")[..24],
            SignalId = signalId,
            Venue = ExecutionRun.Venue,
            Symbol = ExecutionRun.Symbol,
            Side = OrderSide.Buy,
            Quantity = 0.01m,
            Entry = 105_400m,
            StopLoss = 100_000m,
            TakeProfit = 110_000m,
            SignalAt = signalAt,
            RequestedAt = signalAt,
        };
    }
}
