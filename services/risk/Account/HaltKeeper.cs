using Trading.Contracts.Risk;
using Trading.Markets.Risk;
using Trading.Risk.Persistence;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Risk.Account;

/// <summary>Starts, announces and ends halts, in the caller's transaction (under <see cref="RiskLock"/>).</summary>
public sealed class HaltKeeper(HaltStore halts, LedgerStore ledger, LimitStore audit, ILogger<HaltKeeper> logger)
{
    /// <summary>Records and announces the halts whose limits the account reached (<see cref="RiskGate.DueHalts"/>).</summary>
    public async Task<IReadOnlyList<RiskHaltDue>> RecordDueAsync(OutboxTransaction tx, AccountView view)
    {
        var due = RiskGate.DueHalts(view.Account, view.Limits, view.At);
        foreach (var halt in due)
        {
            await halts.StartAsync(tx, halt.Rule, halt.Reason, halt.Until);
            await tx.PublishAsync(new TradingHalted { Rule = halt.Rule, Reason = halt.Reason, HaltedAt = tx.Now, ResumesAt = halt.Until });
            Log.Halted(logger, halt.Rule, halt.Reason);
        }

        return due;
    }

    /// <summary>Ends and announces the halts whose time ran out (a daily loss halt at the next UTC midnight).</summary>
    public async Task<IReadOnlyList<Halt>> ExpireAsync(OutboxTransaction tx)
    {
        var ended = await halts.ExpireAsync(tx, tx.Now.ToUniversalTime());
        foreach (var halt in ended)
        {
            var reason = $"The {halt.Rule} halt ended at {halt.Until:yyyy-MM-dd'T'HH:mm:ss'Z'}: a new UTC day.";
            await tx.PublishAsync(new TradingResumed { Reason = reason, ResumedAt = halt.Until ?? tx.Now });
            Log.Resumed(logger, reason);
        }

        return ended;
    }

    /// <summary>Engages the kill switch; false when it was engaged already.</summary>
    public async Task<bool> EngageKillSwitchAsync(OutboxTransaction tx, AccountView view, string reason, string actor)
    {
        await audit.AuditAsync(tx, "kill-switch", reason, actor);
        if (view.Account.KillSwitch)
        {
            return false;
        }

        var text = $"Kill switch engaged by {actor}: {reason}";
        await halts.StartAsync(tx, RiskRules.KillSwitch, text, until: null);
        await tx.PublishAsync(new TradingHalted { Rule = RiskRules.KillSwitch, Reason = text, HaltedAt = tx.Now, ResumesAt = null });
        Log.Halted(logger, RiskRules.KillSwitch, text);
        return true;
    }

    /// <summary>
    /// Lifts the kill switch and the drawdown halt (a daily loss halt runs to the end of its day). Lifting a drawdown halt sets the peak
    /// to today's equity: the operator accepts the loss as the new base. Returns the halts it ended.
    /// </summary>
    public async Task<IReadOnlyList<Halt>> ResumeAsync(OutboxTransaction tx, AccountView view, string reason, string actor)
    {
        await audit.AuditAsync(tx, "resume", reason, actor);
        var ended = await halts.EndAsync(tx, [RiskRules.KillSwitch, RiskRules.MaxDrawdown], $"resumed by {actor}: {reason}");
        if (ended.Any(h => h.Rule == RiskRules.MaxDrawdown))
        {
            await ledger.ResetPeakAsync(tx, view.Account.Equity);
        }

        if (ended.Count > 0)
        {
            var text = $"Resumed by {actor} ({string.Join(", ", ended.Select(h => h.Rule))} lifted): {reason}";
            await tx.PublishAsync(new TradingResumed { Reason = text, ResumedAt = tx.Now });
            Log.Resumed(logger, text);
        }

        return ended;
    }
}
