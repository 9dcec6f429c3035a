using Trading.ServiceDefaults.Outbox;

namespace Trading.Risk.Persistence;

/// <summary>The halts: kill switch, drawdown and daily loss, each active from its start until it ends or its time runs out.</summary>
public sealed class HaltStore
{
    /// <summary>Halts not ended whose time has not run out at <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<Halt>> ActiveAsync(OutboxTransaction tx, DateTimeOffset now) =>
        [.. (await tx.QueryAsync<HaltRow>(
            """
            SELECT halt_id, rule, reason, started_at, until FROM halts
            WHERE ended_at IS NULL AND (until IS NULL OR until > @now)
            ORDER BY started_at, halt_id
            """,
            new { now })).Select(row => row.ToHalt())];

    public Task StartAsync(OutboxTransaction tx, string rule, string reason, DateTimeOffset? until) =>
        tx.ExecuteAsync(
            "INSERT INTO halts (rule, reason, started_at, until) VALUES (@rule, @reason, @now, @until)",
            new { rule, reason, now = tx.Now.ToUniversalTime(), until });

    /// <summary>Ends the active halts of the given rules; returns those it ended.</summary>
    public async Task<IReadOnlyList<Halt>> EndAsync(OutboxTransaction tx, IReadOnlyList<string> rules, string reason) =>
        [.. (await tx.QueryAsync<HaltRow>(
            """
            UPDATE halts SET ended_at = @now, end_reason = @reason
            WHERE ended_at IS NULL AND rule = ANY(@rules) AND (until IS NULL OR until > @now)
            RETURNING halt_id, rule, reason, started_at, until
            """,
            new { rules = rules.ToArray(), reason, now = tx.Now.ToUniversalTime() })).Select(row => row.ToHalt())];

    /// <summary>Ends the halts whose time ran out by <paramref name="now"/> and were not yet marked ended; returns them.</summary>
    public async Task<IReadOnlyList<Halt>> ExpireAsync(OutboxTransaction tx, DateTimeOffset now) =>
        [.. (await tx.QueryAsync<HaltRow>(
            """
            UPDATE halts SET ended_at = until, end_reason = 'its time ran out'
            WHERE ended_at IS NULL AND until IS NOT NULL AND until <= @now
            RETURNING halt_id, rule, reason, started_at, until
            """,
            new { now })).Select(row => row.ToHalt())];

    private sealed class HaltRow
    {
        public long HaltId { get; set; }

        public string Rule { get; set; } = "";

        public string Reason { get; set; } = "";

        public DateTime StartedAt { get; set; }

        public DateTime? Until { get; set; }

        public Halt ToHalt() => new(
            HaltId, Rule, Reason, new DateTimeOffset(StartedAt, TimeSpan.Zero), Until is { } until ? new DateTimeOffset(until, TimeSpan.Zero) : null);
    }
}
