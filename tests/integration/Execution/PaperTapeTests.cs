using Trading.Contracts.Orders;
using Trading.Integration.Tests.Infrastructure;
using Trading.ServiceDefaults;
using Xunit.Abstractions;

namespace Trading.Integration.Tests.Execution;

/// <summary>
/// The execution process fed PlaceOrders and then the recorded Kraken tape: every entry and exit fill, as stored and as
/// published, is checked against the tape with the documented model (defaults: 2 bps + 1 bp per 10,000 of notional against
/// the trader, taker 0.26 %, take profit as a maker at the target, 0.16 %).
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PaperTapeTests(InfrastructureFixture infrastructure, ITestOutputHelper output)
{
    private const decimal Quantity = 0.02m;
    private const decimal TakerFeeRate = 0.0026m;
    private const decimal MakerFeeRate = 0.0016m;
    private static readonly TimeSpan MaxHolding = TimeSpan.FromMinutes(90);

    [Fact]
    public async Task Every_fill_is_the_first_eligible_tape_trade_adjusted_by_exactly_the_documented_slippage_and_fee()
    {
        var tape = TapeTrade.Read();
        var orders = Orders(tape);
        await using var run = await ExecutionRun.StartAsync(infrastructure, "tape", new Dictionary<string, string> { ["Execution__MaxHolding"] = "01:30:00" });

        foreach (var order in orders)
        {
            await run.PlaceAsync(order, Guid.NewGuid());
        }

        await Eventually.Holds(async () => await run.CountAsync("SELECT count(*) FROM execution.orders") == orders.Count, ExecutionRun.Patience, "the orders are stored");
        await run.PublishTradesAsync(tape);
        await Eventually.Holds(
            async () => await run.CountAsync("SELECT count(*) FROM execution.market_trades") == tape.Count
                && await run.CountAsync("SELECT count(*) FROM execution.outbox_messages WHERE dispatched_at IS NULL") == 0
                && run.Observer.All<OrderFilled>().Count == await run.CountAsync(
                    "SELECT (SELECT count(*) FROM execution.orders WHERE status = 'filled') + (SELECT count(*) FROM execution.positions WHERE status = 'closed')"),
            ExecutionRun.Patience,
            () => "the tape is applied and every fill observed\n" + run.Process.Tail());

        var stored = await run.QueryAsync<StoredOrder>("SELECT client_order_id AS ClientOrderId, order_id AS OrderId, status, fill_price AS FillPrice, fee, filled_at AS FilledAt FROM execution.orders");
        var positions = await run.QueryAsync<StoredPosition>(
            "SELECT order_id AS OrderId, status, exit_price AS ExitPrice, exit_fee AS ExitFee, exit_reason AS ExitReason, closed_at AS ClosedAt, entry_price AS EntryPrice, opened_at AS OpenedAt FROM execution.positions");
        var observed = run.Observer.All<OrderFilled>();
        Assert.Equal(orders.Count, stored.Count);
        Assert.All(stored, o => Assert.Equal("filled", o.Status));
        Assert.Equal(orders.Count, positions.Count);
        Assert.Equal(observed.Count, observed.Select(f => f.OrderId).Distinct().Count());

        var exits = 0;
        foreach (var order in orders)
        {
            var row = stored.Single(o => o.ClientOrderId == order.ClientOrderId);
            var reference = tape.First(t => t.ExchangeTime >= order.SignalAt);
            var entryPrice = Taker(order.Side, reference.Price);
            Assert.Equal(reference.ExchangeTime.UtcDateTime, row.FilledAt);
            Assert.Equal(entryPrice, row.FillPrice);
            Assert.Equal(entryPrice * Quantity * TakerFeeRate, row.Fee);
            var entryEvent = Assert.Single(observed, f => f.OrderId == order.OrderId);
            Assert.Equal((entryPrice, row.Fee!.Value, reference.ExchangeTime, true), (entryEvent.Price, entryEvent.Fee, entryEvent.FilledAt, entryEvent.OpensPosition));

            var position = positions.Single(p => p.OrderId == order.OrderId);
            Assert.Equal((entryPrice, reference.ExchangeTime.UtcDateTime), (position.EntryPrice, position.OpenedAt));
            var exit = ExpectedExit(tape, order, reference);
            if (exit is null)
            {
                Assert.Equal("open", position.Status);
                continue;
            }

            exits++;
            Assert.Equal(("closed", exit.Reason, exit.Trade.ExchangeTime.UtcDateTime), (position.Status, position.ExitReason, position.ClosedAt));
            Assert.Equal(exit.Price, position.ExitPrice);
            Assert.Equal(exit.Fee, position.ExitFee);
            var exitEvent = Assert.Single(observed, f => f.PositionId == entryEvent.PositionId && !f.OpensPosition);
            Assert.Equal((exit.Price, exit.Fee, exit.Trade.ExchangeTime), (exitEvent.Price, exitEvent.Fee, exitEvent.FilledAt));
            output.WriteLine($"{order.Side} signal {order.SignalAt:HH:mm:ss.fff}: entry {entryPrice} on {reference.TradeId}, {exit.Reason} {exit.Price} on {exit.Trade.TradeId}");
        }

        var reasons = positions.Where(p => p.ExitReason is not null).Select(p => p.ExitReason).Distinct().Order().ToList();
        output.WriteLine($"{orders.Count} entries, {exits} exits, reasons {string.Join(", ", reasons)}");
        Assert.Equal(["stop_loss", "take_profit", "time_exit"], reasons);
    }

    /// <summary>Buys and sells with signal times spread over the tape, between trades and exactly on one.</summary>
    private static List<PlaceOrder> Orders(IReadOnlyList<TapeTrade> tape)
    {
        var orders = new List<PlaceOrder>();
        int[] at = [0, 60, 150, 230, 330, 420, 510, 600, 690, 780, 870, 950];
        for (var i = 0; i < at.Length; i++)
        {
            var trade = tape[at[i]];
            var side = i % 2 == 0 ? OrderSide.Buy : OrderSide.Sell;
            var entry = trade.Price;

            // Alternate distances so some orders stop out, some reach the target and some run out of time.
            var (stopDistance, targetDistance) = (i % 3) switch
            {
                0 => (0.0008m, 0.0016m),
                1 => (0.002m, 0.001m),
                _ => (0.01m, 0.02m),
            };
            var stop = side == OrderSide.Buy ? entry * (1 - stopDistance) : entry * (1 + stopDistance);
            var target = side == OrderSide.Buy ? entry * (1 + targetDistance) : entry * (1 - targetDistance);
            var signalId = DeterministicGuid.Create("tape-signal|" + i);
            orders.Add(new PlaceOrder
            {
                OrderId = DeterministicGuid.Create("tape-order|" + i),
                ClientOrderId = "sig-" + signalId.ToString("N")[..24],
                SignalId = signalId,
                Venue = ExecutionRun.Venue,
                Symbol = ExecutionRun.Symbol,
                Side = side,
                Quantity = Quantity,
                Entry = entry,
                StopLoss = Math.Round(stop, 1),
                TakeProfit = Math.Round(target, 1),
                SignalAt = i % 4 == 0 ? trade.ExchangeTime : trade.ExchangeTime.AddMilliseconds(1),
                RequestedAt = trade.ExchangeTime,
            });
        }

        return orders;
    }

    /// <summary>The documented taker fill: P ± P × (2 + 1 × P × Q ÷ 10,000) ÷ 10,000 (no quotes are published here).</summary>
    private static decimal Taker(OrderSide side, decimal price)
    {
        var bps = 2m + 1m * price * Quantity / 10_000m;
        var slippage = price * bps / 10_000m;
        return side == OrderSide.Buy ? price + slippage : price - slippage;
    }

    /// <summary>The first tape trade after the entry trade that reaches the stop, the target, or opened-at + max holding.</summary>
    private static ExpectedFill? ExpectedExit(IReadOnlyList<TapeTrade> tape, PlaceOrder order, TapeTrade entry)
    {
        var isLong = order.Side == OrderSide.Buy;
        var closing = isLong ? OrderSide.Sell : OrderSide.Buy;
        foreach (var trade in tape.Skip(entry.Index + 1))
        {
            if (isLong ? trade.Price <= order.StopLoss : trade.Price >= order.StopLoss)
            {
                var price = Taker(closing, trade.Price);
                return new ExpectedFill(trade, "stop_loss", price, price * Quantity * TakerFeeRate);
            }

            if (isLong ? trade.Price >= order.TakeProfit : trade.Price <= order.TakeProfit)
            {
                return new ExpectedFill(trade, "take_profit", order.TakeProfit, order.TakeProfit * Quantity * MakerFeeRate);
            }

            if (trade.ExchangeTime >= entry.ExchangeTime + MaxHolding)
            {
                var price = Taker(closing, trade.Price);
                return new ExpectedFill(trade, "time_exit", price, price * Quantity * TakerFeeRate);
            }
        }

        return null;
    }

    private sealed record ExpectedFill(TapeTrade Trade, string Reason, decimal Price, decimal Fee);

    private sealed record StoredOrder
    {
        public required string ClientOrderId { get; init; }

        public required Guid OrderId { get; init; }

        public required string Status { get; init; }

        public decimal? FillPrice { get; init; }

        public decimal? Fee { get; init; }

        public DateTime? FilledAt { get; init; }
    }

    private sealed record StoredPosition
    {
        public required Guid OrderId { get; init; }

        public required string Status { get; init; }

        public decimal? ExitPrice { get; init; }

        public decimal? ExitFee { get; init; }

        public string? ExitReason { get; init; }

        public DateTime? ClosedAt { get; init; }

        public required decimal EntryPrice { get; init; }

        public required DateTime OpenedAt { get; init; }
    }
}
