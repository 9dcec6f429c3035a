using System.Text.Json;
using System.Text.Json.Nodes;
using Trading.Contracts.Orders;
using Trading.Contracts.Risk;
using Trading.Risk.Account;
using Trading.Risk.Decisions;
using Trading.Risk.Persistence;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Risk.Operator;

/// <summary>
/// What an operator may do at run time, each in one transaction under <see cref="RiskLock"/> (so it takes effect before the next
/// decision) and audited: engage the kill switch, resume, change limits, enable a disabled strategy; and read the state.
/// </summary>
public sealed class RiskOperator(
    Outbox outbox, AccountReader accounts, HaltKeeper halts, LimitStore limits, PerformanceStore performance, RiskSettings settings,
    RiskMetrics metrics, ILogger<RiskOperator> logger)
{
    public async Task<OperatorState> StateAsync(CancellationToken cancellationToken)
    {
        OperatorState? state = null;
        await outbox.ExecuteAsync(
            async tx =>
            {
                var view = await accounts.ReadAsync(tx);
                var overrides = await limits.OverridesAsync(tx);
                var disabled = await tx.QueryAsync<string>(
                    "SELECT strategy || ' ' || symbol || ' ' || interval FROM live_performance WHERE disabled ORDER BY 1");
                state = new OperatorState(
                    view.Account,
                    view.Drawdown,
                    view.Halts,
                    LimitOverrides.ToJson(view.Limits),
                    LimitOverrides.ToJson(settings.Current.ToLimits()),
                    overrides.ToDictionary(pair => pair.Key, pair => JsonNode.Parse(pair.Value), StringComparer.Ordinal),
                    [.. disabled]);
                metrics.Committed(view);
            },
            cancellationToken);
        return state!;
    }

    /// <summary>The queue of execution's <c>FlattenPositions</c> consumer, declared as execution declares it (single active consumer).</summary>
    public const string FlattenQueue = "execution-flatten-positions?singleactiveconsumer=true";

    /// <summary>Engages the kill switch, and with <paramref name="flatten"/> also closes every open position; false when it was engaged already.</summary>
    public async Task<bool> KillAsync(string reason, string actor, bool flatten, CancellationToken cancellationToken)
    {
        var engaged = false;
        await outbox.ExecuteAsync(async tx => engaged = await KillAsync(tx, reason, actor, flatten), cancellationToken);
        Log.OperatorAction(logger, actor, engaged ? "kill switch engaged" : "kill switch was already engaged", reason);
        return engaged;
    }

    /// <summary>
    /// <see cref="KillAsync(string, string, bool, CancellationToken)"/> at most once per <paramref name="commandId"/> (a chat command
    /// may arrive twice): null when that command was carried out before, else whether the kill switch was engaged now.
    /// </summary>
    public async Task<bool?> KillOnceAsync(Guid commandId, string reason, string actor, bool flatten, CancellationToken cancellationToken)
    {
        var engaged = false;
        if (!await outbox.ExecuteOnceAsync("operator-kill-switch", commandId, async tx => engaged = await KillAsync(tx, reason, actor, flatten), cancellationToken))
        {
            return null;
        }

        Log.OperatorAction(logger, actor, engaged ? "kill switch engaged" : "kill switch was already engaged", reason);
        return engaged;
    }

    /// <summary>Asks execution to close every open position (or those of one symbol) at the market.</summary>
    public Task FlattenAsync(string reason, string? symbol, string actor, CancellationToken cancellationToken) =>
        outbox.ExecuteAsync(tx => FlattenAsync(tx, reason, symbol, actor), cancellationToken);

    /// <summary>Lifts the kill switch and the drawdown halt; returns the rules lifted.</summary>
    public async Task<IReadOnlyList<string>> ResumeAsync(string reason, string actor, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> lifted = [];
        await outbox.ExecuteAsync(async tx => lifted = await ResumeAsync(tx, reason, actor), cancellationToken);
        Log.OperatorAction(logger, actor, lifted.Count == 0 ? "resume: nothing to lift" : "resumed", reason);
        return lifted;
    }

    /// <summary>
    /// <see cref="ResumeAsync(string, string, CancellationToken)"/> at most once per <paramref name="commandId"/>: null when that
    /// command was carried out before, else the rules lifted.
    /// </summary>
    public async Task<IReadOnlyList<string>?> ResumeOnceAsync(Guid commandId, string reason, string actor, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> lifted = [];
        if (!await outbox.ExecuteOnceAsync("operator-resume", commandId, async tx => lifted = await ResumeAsync(tx, reason, actor), cancellationToken))
        {
            return null;
        }

        Log.OperatorAction(logger, actor, lifted.Count == 0 ? "resume: nothing to lift" : "resumed", reason);
        return lifted;
    }

    /// <summary>
    /// Results of every closed position: count, wins (net above 0), losses (below 0), win rate, profit factor (gross profit over gross
    /// loss; null without a loss) and net P&amp;L.
    /// </summary>
    public async Task<TradingStats> StatsAsync(CancellationToken cancellationToken)
    {
        StatsRow? row = null;
        DateTimeOffset at = default;
        await outbox.ExecuteAsync(
            async tx =>
            {
                at = tx.Now;
                row = await tx.QuerySingleOrDefaultAsync<StatsRow>(
                    """
                    SELECT count(*)::int AS closed_trades,
                           count(*) FILTER (WHERE realized_pnl > 0)::int AS wins,
                           count(*) FILTER (WHERE realized_pnl < 0)::int AS losses,
                           coalesce(sum(realized_pnl) FILTER (WHERE realized_pnl > 0), 0) AS gross_profit,
                           coalesce(-sum(realized_pnl) FILTER (WHERE realized_pnl < 0), 0) AS gross_loss,
                           coalesce(sum(realized_pnl), 0) AS net_pnl
                    FROM positions
                    WHERE status = 'closed'
                    """);
            },
            cancellationToken);
        return new TradingStats
        {
            ClosedTrades = row!.ClosedTrades,
            Wins = row.Wins,
            Losses = row.Losses,
            WinRate = row.ClosedTrades == 0 ? 0m : (decimal)row.Wins / row.ClosedTrades,
            ProfitFactor = row.GrossLoss == 0 ? null : row.GrossProfit / row.GrossLoss,
            NetPnl = row.NetPnl,
            StatsAt = at,
        };
    }

    /// <summary>
    /// Sets limits (name → JSON value) over the configuration, all or none: each is checked as the gate checks it first.
    /// Returns the limits now in force.
    /// </summary>
    /// <exception cref="ArgumentException">A name is unknown or a value is invalid; nothing changed.</exception>
    public async Task<JsonObject> ChangeLimitsAsync(IReadOnlyDictionary<string, JsonElement> changes, string reason, string actor, CancellationToken cancellationToken)
    {
        JsonObject? now = null;
        await outbox.ExecuteAsync(
            async tx =>
            {
                await RiskLock.TakeAsync(tx);
                var before = await accounts.ReadAsync(tx);
                var overrides = new Dictionary<string, string>(await limits.OverridesAsync(tx), StringComparer.Ordinal);
                foreach (var (name, value) in changes)
                {
                    overrides[name] = value.GetRawText();
                }

                var applied = LimitOverrides.Apply(settings.Current.ToLimits(), overrides);
                var old = LimitOverrides.ToJson(before.Limits);
                now = LimitOverrides.ToJson(applied);
                var described = new List<string>();
                foreach (var name in changes.Keys.Order(StringComparer.Ordinal))
                {
                    var oldValue = old[name]?.ToJsonString() ?? "null";
                    var newValue = now[name]?.ToJsonString() ?? "null";
                    await limits.SetAsync(tx, name, newValue);
                    await limits.AuditAsync(tx, "limit", reason, actor, name, oldValue, newValue);
                    described.Add($"{name}: {oldValue} → {newValue}");
                }

                await tx.PublishAsync(new RiskLimitsChanged { Changes = described, Reason = reason, ChangedAt = tx.Now });
                var after = await accounts.ReadAsync(tx);
                await halts.RecordDueAsync(tx, after);
                metrics.Committed(await accounts.ReadAsync(tx));
                Log.OperatorAction(logger, actor, "limits changed: " + string.Join(", ", described), reason);
            },
            cancellationToken);
        return now!;
    }

    /// <summary>Enables a strategy on a symbol and interval that live results disabled; false when it was not disabled.</summary>
    public async Task<bool> EnableAsync(string strategy, string symbol, string interval, string reason, string actor, CancellationToken cancellationToken)
    {
        var enabled = false;
        await outbox.ExecuteAsync(
            async tx =>
            {
                await RiskLock.TakeAsync(tx);
                enabled = await performance.EnableAsync(tx, strategy, symbol, interval);
                await limits.AuditAsync(tx, "enable-strategy", reason, actor, $"{strategy} {symbol} {interval}");
            },
            cancellationToken);
        Log.OperatorAction(logger, actor, enabled ? $"enabled {strategy} {symbol} {interval}" : $"{strategy} {symbol} {interval} was not disabled", reason);
        return enabled;
    }

    private async Task<bool> KillAsync(OutboxTransaction tx, string reason, string actor, bool flatten)
    {
        await RiskLock.TakeAsync(tx);
        var engaged = await halts.EngageKillSwitchAsync(tx, await accounts.ReadAsync(tx), reason, actor);
        if (flatten)
        {
            await FlattenAsync(tx, $"kill switch by {actor}: {reason}", symbol: null, actor);
        }

        metrics.Committed(await accounts.ReadAsync(tx));
        return engaged;
    }

    private async Task<IReadOnlyList<string>> ResumeAsync(OutboxTransaction tx, string reason, string actor)
    {
        await RiskLock.TakeAsync(tx);
        var ended = await halts.ResumeAsync(tx, await accounts.ReadAsync(tx), reason, actor);
        metrics.Committed(await accounts.ReadAsync(tx));
        return [.. ended.Select(h => h.Rule)];
    }

    private async Task FlattenAsync(OutboxTransaction tx, string reason, string? symbol, string actor)
    {
        await limits.AuditAsync(tx, "flatten", reason, actor, symbol);
        await tx.SendAsync(new FlattenPositions { Reason = reason, RequestedAt = tx.Now, Symbol = symbol }, FlattenQueue);
        Log.OperatorAction(logger, actor, $"flatten {symbol ?? "every symbol"}", reason);
    }

    public async Task<IReadOnlyList<OperatorAction>> AuditAsync(int count, CancellationToken cancellationToken)
    {
        IReadOnlyList<OperatorAction> actions = [];
        await outbox.ExecuteAsync(async tx => actions = await limits.ActionsAsync(tx, count), cancellationToken);
        return actions;
    }

    private sealed class StatsRow
    {
        public int ClosedTrades { get; set; }

        public int Wins { get; set; }

        public int Losses { get; set; }

        public decimal GrossProfit { get; set; }

        public decimal GrossLoss { get; set; }

        public decimal NetPnl { get; set; }
    }
}
