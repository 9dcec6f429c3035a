using System.Text.Json;
using Trading.Contracts.Orders;
using Trading.Contracts.Risk;
using Trading.Contracts.Signals;
using Trading.Markets.Risk;
using Trading.Risk.Account;
using Trading.Risk.Persistence;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Risk.Decisions;

/// <summary>
/// Decides on each signal with <see cref="RiskGate.Decide"/> against the committed account, and books what happens to the orders it
/// placed into the ledger, starting the halts the account reaches. Every method runs inside the consumer's transaction, under
/// <see cref="RiskLock"/>, and reads the account from the database: nothing is remembered between messages.
/// </summary>
public sealed class RiskEngine(
    DecisionStore decisions,
    PositionStore positions,
    LedgerStore ledger,
    AccountReader accounts,
    HaltKeeper halts,
    CorrelationReader correlations,
    LivePerformanceTracker performance,
    RiskSettings settings,
    ILogger<RiskEngine> logger)
{
    /// <summary>
    /// The queue of execution's <c>PlaceOrder</c> consumer, declared as execution declares it (single active consumer): whichever
    /// service declares it first, the other's declaration matches.
    /// </summary>
    public const string PlaceOrderQueue = "execution-place-order?singleactiveconsumer=true";

    /// <summary>The rule that rejects the signals of a strategy, symbol and interval disabled for live results outside the band.</summary>
    public const string LivePerformanceRule = "live-performance";

    /// <summary>Decides on the signal; null when it was decided before.</summary>
    public async Task<DecisionOutcome?> DecideAsync(SignalGenerated signal, OutboxTransaction tx)
    {
        await RiskLock.TakeAsync(tx);
        if (await decisions.ExistsAsync(tx, signal.SignalId))
        {
            Log.AlreadyDecided(logger, signal.SignalId, signal.Symbol);
            return null;
        }

        var view = await accounts.ReadAsync(tx);
        await halts.RecordDueAsync(tx, view);
        var request = OrderMapper.ToRequest(signal);
        var limits = settings.Current.ForSymbol(view.Limits, signal.Symbol);
        var reading = await correlations.ReadAsync(tx, request, view.Account, settings.Current.Correlation);
        var decision = await performance.IsDisabledAsync(tx, signal)
            ? new RiskDecision
            {
                Approved = false,
                Quantity = 0,
                Rule = LivePerformanceRule,
                Reason = $"{signal.Strategy} on {signal.Symbol} {signal.Interval} is disabled: its live results left the band around its " +
                         "backtest record; an operator enables it again.",
            }
            : RiskGate.Decide(request, view.Account, limits, reading.Matrix, view.At);
        var inputs = JsonSerializer.Serialize(new DecisionInputs(request, view.Account, limits, reading.Pairs), LimitOverrides.Json);
        await decisions.InsertAsync(tx, signal, view.Account.Equity, view.Account.OpenPositions.Count, decision, inputs);

        if (decision.Approved)
        {
            var order = OrderMapper.ToPlaceOrder(signal, decision, tx.Now);
            await positions.InsertPendingAsync(tx, order, request.Direction);
            await tx.SendAsync(order, PlaceOrderQueue);
            await tx.PublishAsync(OrderMapper.ToSignalApproved(signal, decision, view.Account.Equity, tx.Now));
            Log.Approved(logger, signal.SignalId, signal.Symbol, signal.Direction, order.Quantity, order.OrderId, order.ClientOrderId,
                view.Account.Equity, view.Account.OpenPositions.Count, decision.Reason);
        }
        else
        {
            await tx.PublishAsync(OrderMapper.ToSignalRejected(signal, decision, tx.Now));
            Log.Rejected(logger, signal.SignalId, signal.Symbol, signal.Direction, decision.Rule, view.Account.Equity,
                view.Account.OpenPositions.Count, decision.Reason);
        }

        return new DecisionOutcome(decision, await accounts.ReadAsync(tx));
    }

    /// <summary>A fill books its fee; an opening fill also turns the pending position open at the fill price.</summary>
    public async Task<AccountView> FillAsync(OrderFilled fill, OutboxTransaction tx)
    {
        await RiskLock.TakeAsync(tx);
        if (fill.OpensPosition)
        {
            if (await positions.MarkOpenAsync(tx, fill))
            {
                Log.PositionOpen(logger, fill.SignalId, fill.OrderId, fill.Symbol, fill.Quantity, fill.Price);
            }
            else
            {
                Log.NoPositionToUpdate(logger, fill.SignalId, nameof(OrderFilled), "pending");
            }

            // The closing fill's fee is inside the closed position's net result (booked by CloseAsync), so only the opening fee is
            // booked here, at once: equity falls by it while the position is open. When the close was booked first (the queues ran
            // out of order), its net result already holds this fee.
            if (!await ledger.HasAsync(tx, fill.SignalId, LedgerStore.Realised))
            {
                await ledger.BookAsync(tx, $"fee|{fill.OrderId:D}", LedgerStore.Fee, fill.SignalId, -fill.Fee, fill.FilledAt);
            }
        }

        return await BookedAsync(tx);
    }

    /// <summary>A closed position books its result (net of both fees, the entry fee having been booked at the fill) and frees its slot.</summary>
    public async Task<AccountView> CloseAsync(PositionClosed closed, OutboxTransaction tx)
    {
        await RiskLock.TakeAsync(tx);
        if (await positions.MarkClosedAsync(tx, closed))
        {
            Log.PositionClosed(logger, closed.SignalId, closed.Symbol, closed.RealizedPnl, closed.ExitReason);
        }
        else
        {
            Log.NoPositionToUpdate(logger, closed.SignalId, nameof(PositionClosed), "pending or open");
        }

        var entryFeeBooked = await ledger.BookedAsync(tx, closed.SignalId, LedgerStore.Fee);
        await ledger.BookAsync(tx, $"result|{closed.PositionId:D}", LedgerStore.Realised, closed.SignalId, closed.RealizedPnl - entryFeeBooked, closed.ClosedAt);
        await performance.JudgeAsync(tx, closed.SignalId);
        return await BookedAsync(tx);
    }

    /// <summary>A rejected order never opened: its slot is freed.</summary>
    public async Task<AccountView> RejectAsync(OrderRejected rejected, OutboxTransaction tx)
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

        return await accounts.ReadAsync(tx);
    }

    private async Task<AccountView> BookedAsync(OutboxTransaction tx)
    {
        var view = await accounts.ReadAsync(tx);
        await ledger.RaisePeakAsync(tx, view.Account.Equity, settings.Current.StartingEquity);
        if ((await halts.RecordDueAsync(tx, view)).Count > 0)
        {
            view = await accounts.ReadAsync(tx);
        }

        await tx.PublishAsync(new AccountUpdated
        {
            Equity = view.Account.Equity,
            PeakEquity = view.Account.PeakEquity,
            PnlToday = view.Account.RealisedPnlToday,
            OpenPositions = view.Account.OpenPositions.Count,
            Halts = [.. view.Halts.Select(h => h.Rule).Distinct()],
            UpdatedAt = tx.Now,
        });
        return view;
    }
}
