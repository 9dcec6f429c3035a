using Trading.ServiceDefaults.Outbox;

namespace Trading.Risk.Persistence;

/// <summary>Limits an operator set at run time (overriding the configuration until set back) and the audit trail of operator actions.</summary>
public sealed class LimitStore
{
    /// <summary>The overrides: limit name (as in <c>/operator/limits</c>) → JSON value.</summary>
    public async Task<IReadOnlyDictionary<string, string>> OverridesAsync(OutboxTransaction tx) =>
        (await tx.QueryAsync<(string Name, string Value)>("SELECT name, value::text FROM limit_overrides ORDER BY name"))
        .ToDictionary(row => row.Name, row => row.Value, StringComparer.Ordinal);

    public Task SetAsync(OutboxTransaction tx, string name, string jsonValue) =>
        tx.ExecuteAsync(
            """
            INSERT INTO limit_overrides (name, value, changed_at) VALUES (@name, @jsonValue::jsonb, @now)
            ON CONFLICT (name) DO UPDATE SET value = excluded.value, changed_at = excluded.changed_at
            """,
            new { name, jsonValue, now = tx.Now.ToUniversalTime() });

    public Task AuditAsync(OutboxTransaction tx, string action, string reason, string actor, string? name = null, string? oldValue = null, string? newValue = null) =>
        tx.ExecuteAsync(
            """
            INSERT INTO operator_actions (action, name, old_value, new_value, reason, actor, acted_at)
            VALUES (@action, @name, @oldValue::jsonb, @newValue::jsonb, @reason, @actor, @now)
            """,
            new { action, name, oldValue, newValue, reason, actor, now = tx.Now.ToUniversalTime() });

    /// <summary>The latest operator actions, newest first.</summary>
    public async Task<IReadOnlyList<OperatorAction>> ActionsAsync(OutboxTransaction tx, int count) =>
        [.. (await tx.QueryAsync<ActionRow>(
            """
            SELECT action, name, old_value::text AS old_value, new_value::text AS new_value, reason, actor, acted_at
            FROM operator_actions ORDER BY action_id DESC LIMIT @count
            """,
            new { count })).Select(row => new OperatorAction(
                row.Action, row.Name, row.OldValue, row.NewValue, row.Reason, row.Actor, new DateTimeOffset(row.ActedAt, TimeSpan.Zero)))];

    private sealed class ActionRow
    {
        public string Action { get; set; } = "";

        public string? Name { get; set; }

        public string? OldValue { get; set; }

        public string? NewValue { get; set; }

        public string Reason { get; set; } = "";

        public string Actor { get; set; } = "";

        public DateTime ActedAt { get; set; }
    }
}
