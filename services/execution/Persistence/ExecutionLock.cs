using Trading.ServiceDefaults.Outbox;

namespace Trading.Execution.Persistence;

/// <summary>
/// Serialises every change to orders and positions, across queues and across replicas: placements and trade batches
/// are applied one at a time, so a standby replica never fills or closes what the active one is working on.
/// </summary>
public static class ExecutionLock
{
    /// <summary>Takes the lock for the rest of the transaction; call it first.</summary>
    public static Task AcquireAsync(OutboxTransaction tx) =>
        tx.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('execution'))");
}
