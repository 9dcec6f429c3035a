using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trading.Contracts.MarketData;
using Trading.Contracts.Orders;
using Trading.Execution.Persistence;
using Trading.Markets.Execution;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Execution.Paper;

/// <summary>
/// Fills pending orders and closes positions from market trades, persisting and announcing each fill in the
/// caller's transaction. Fills follow market time, not arrival order: trades are stored, and an order that arrives
/// after the market has moved on is matched against the stored trades from its signal time onwards, so a paper
/// run gives the same fills however fast the replay or however late the order.
/// </summary>
public sealed class PaperTrader(
    PaperFillModel fillModel,
    OrderStore orders,
    PositionStore positions,
    MarketTradeStore marketTrades,
    IOptions<ExecutionOptions> options,
    ILogger<PaperTrader> logger)
{
    /// <summary>Applies a batch of new market trades to the symbol's pending orders and open positions.</summary>
    public async Task<IReadOnlyList<TradeOutcome>> ApplyAsync(TradesReceived batch, OutboxTransaction tx)
    {
        await ExecutionLock.AcquireAsync(tx);
        var trades = await marketTrades.InsertNewAsync(tx, batch);
        await marketTrades.PruneAsync(tx, batch.Venue, batch.Symbol, options.Value.TradeRetention);
        var pending = await orders.PendingAsync(tx, batch.Venue, batch.Symbol);
        var open = await positions.OpenAsync(tx, batch.Venue, batch.Symbol);
        if (pending.Count == 0 && open.Count == 0)
        {
            return [];
        }

        return await ReplayAsync(new PaperBook(fillModel, pending, open), batch.Venue, batch.Symbol, trades, tx);
    }

    /// <summary>
    /// Matches a newly accepted order against the trades already seen at or after its signal time: it fills at
    /// the first of them and then meets its stop or target on the ones after, as if it had been waiting.
    /// </summary>
    public async Task<IReadOnlyList<TradeOutcome>> CatchUpAsync(PlaceOrder order, OutboxTransaction tx)
    {
        var pending = (await orders.PendingAsync(tx, order.Venue, order.Symbol)).Where(o => o.ClientOrderId == order.ClientOrderId).ToList();
        var trades = await marketTrades.SinceAsync(tx, order.Venue, order.Symbol, order.SignalAt);
        return pending.Count == 0 || trades.Count == 0 ? [] : await ReplayAsync(new PaperBook(fillModel, pending, []), order.Venue, order.Symbol, trades, tx);
    }

    private async Task<IReadOnlyList<TradeOutcome>> ReplayAsync(PaperBook book, string venue, string symbol, IReadOnlyList<MarketTrade> trades, OutboxTransaction tx)
    {
        var outcomes = new List<TradeOutcome>();
        foreach (var trade in trades)
        {
            if (trade.Price <= 0)
            {
                Log.InvalidTradeSkipped(logger, venue, symbol, trade.TradeId, trade.Price);
                continue;
            }

            var outcome = book.OnTrade(trade.Price, trade.ExchangeTime);
            if (!outcome.IsEmpty)
            {
                await PersistAsync(outcome, tx);
                outcomes.Add(outcome);
            }

            if (book.PendingOrders.Count == 0 && book.OpenPositions.Count == 0)
            {
                break;
            }
        }

        return outcomes;
    }

    private async Task PersistAsync(TradeOutcome outcome, OutboxTransaction tx)
    {
        foreach (var entry in outcome.Entries)
        {
            await orders.MarkFilledAsync(tx, entry);
            await positions.InsertAsync(tx, entry.Position);
            await tx.PublishAsync(FillMessages.Filled(entry));
            await tx.PublishAsync(FillMessages.Opened(entry));
            Log.PositionOpened(logger, entry.Position.PositionId, entry.Order.OrderId, entry.Position.Symbol,
                entry.Position.Direction, entry.Position.Quantity, entry.Price, entry.Fee);
        }

        foreach (var exit in outcome.Exits)
        {
            await positions.CloseAsync(tx, exit);
            await tx.PublishAsync(FillMessages.Filled(exit));
            await tx.PublishAsync(FillMessages.Closed(exit));
            Log.PositionClosed(logger, exit.Position.PositionId, exit.Position.Symbol, exit.Exit, exit.Price,
                exit.Result.NetPnl, exit.Result.RMultiple);
        }
    }
}
