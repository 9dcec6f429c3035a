using Trading.ServiceDefaults.Outbox;

namespace Trading.Risk.Persistence;

/// <summary>
/// Risk is one decision point: every transaction that reads or changes the account takes this lock first, so that
/// its four queues, and a standby replica, never decide on a stale count of open positions.
/// </summary>
public static class RiskLock
{
    public static Task TakeAsync(OutboxTransaction tx) =>
        tx.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('risk'))");
}
