using Trading.Contracts.Orders;
using Trading.Contracts.Signals;
using Trading.Markets.Risk;
using Trading.Risk.Persistence;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Risk.Decisions;

/// <summary>
/// Decides on each signal with <see cref="RiskGate"/> against the committed account, and keeps the account up to date
/// as orders fill, close or are rejected. Every method runs inside the consumer's transaction, under <see cref="RiskLock"/>.
/// </summary>
public sealed class RiskEngine(DecisionStore decisions, PositionStore positions, RiskSettings settings, ILogger<RiskEngine> logger)
{
    /// <summary>The queue of execution's <c>PlaceOrder</c> consumer.</summary>
    public const string PlaceOrderQueue = "execution-place-order";

    /// <summary>Decides on the signal; null when it was decided before.</summary>
    public async Task<DecisionResult?> DecideAsync(SignalGenerated signal, OutboxTransaction tx)
    {
        await RiskLock.TakeAsync(tx);
        if (await decisions.ExistsAsync(tx, signal.SignalId))
        {
            Log.AlreadyDecided(logger, signal.SignalId, signal.Symbol);
            return null;
        }

        var options = settings.Current;
        var account = await positions.AccountAsync(tx, options.StartingEquity);
        var decision = RiskGate.Evaluate(
            OrderMapper.ToDirection(signal.Direction), signal.Entry, signal.StopLoss, account.Equity, account.OpenPositions, options.ToLimits());
        await decisions.InsertAsync(tx, signal, account, decision);

        if (decision.Approved)
        {
            var order = OrderMapper.ToPlaceOrder(signal, decision, tx.Now);
            await positions.InsertPendingAsync(tx, order);
            await tx.SendAsync(order, PlaceOrderQueue);
            Log.Approved(logger, signal.SignalId, signal.Symbol, signal.Direction, order.Quantity, order.OrderId, order.ClientOrderId,
                account.Equity, account.OpenPositions, decision.Reason);
        }
        else
        {
            await tx.PublishAsync(OrderMapper.ToSignalRejected(signal, decision, tx.Now));
            Log.Rejected(logger, signal.SignalId, signal.Symbol, signal.Direction, decision.Rule, account.Equity, account.OpenPositions,
                decision.Reason);
        }

        return new DecisionResult(decision, await positions.AccountAsync(tx, options.StartingEquity));
    }

    /// <summary>An opening fill turns the pending position open; closing fills are accounted by <see cref="CloseAsync"/>.</summary>
    public async Task<AccountSnapshot?> FillAsync(OrderFilled fill, OutboxTransaction tx)
    {
        if (!fill.OpensPosition)
        {
            return null;
        }

        await RiskLock.TakeAsync(tx);
        if (await positions.MarkOpenAsync(tx, fill.SignalId))
        {
            Log.PositionOpen(logger, fill.SignalId, fill.OrderId, fill.Symbol, fill.Quantity, fill.Price);
        }
        else
        {
            Log.NoPositionToUpdate(logger, fill.SignalId, nameof(OrderFilled), "pending");
        }

        return await positions.AccountAsync(tx, settings.Current.StartingEquity);
    }

    /// <summary>A closed position adds its net result to equity and frees its slot.</summary>
    public async Task<AccountSnapshot> CloseAsync(PositionClosed closed, OutboxTransaction tx)
    {
        await RiskLock.TakeAsync(tx);
        if (await positions.MarkClosedAsync(tx, closed.SignalId, closed.RealizedPnl))
        {
            Log.PositionClosed(logger, closed.SignalId, closed.Symbol, closed.RealizedPnl, closed.ExitReason);
        }
        else
        {
            Log.NoPositionToUpdate(logger, closed.SignalId, nameof(PositionClosed), "pending or open");
        }

        return await positions.AccountAsync(tx, settings.Current.StartingEquity);
    }

    /// <summary>A rejected order never opened: its slot is freed.</summary>
    public async Task<AccountSnapshot> RejectAsync(OrderRejected rejected, OutboxTransaction tx)
    {
        await RiskLock.TakeAsync(tx);
        if (await positions.MarkRejectedAsync(tx, rejected.SignalId))
        {
            Log.OrderRejected(logger, rejected.SignalId, rejected.OrderId, rejected.Symbol, rejected.Reason);
        }
        else
        {
            Log.NoPositionToUpdate(logger, rejected.SignalId, nameof(OrderRejected), "pending");
        }

        return await positions.AccountAsync(tx, settings.Current.StartingEquity);
    }
}
