using Trading.ServiceDefaults.Outbox;

namespace Trading.MarketData.Persistence;

/// <summary>The replay cursor in <c>replay_progress</c>, read and moved only inside outbox transactions.</summary>
public sealed class ReplayProgressStore
{
    /// <summary>Creates the cursor at line 1 unless it exists; true when this call created it (the replay starts now).</summary>
    public async Task<bool> TryCreateAsync(OutboxTransaction tx, string replayKey) =>
        await tx.ExecuteAsync(
            """
            INSERT INTO replay_progress (replay_key, next_line, trades_published, started_at)
            VALUES (@replayKey, 1, 0, @now)
            ON CONFLICT (replay_key) DO NOTHING
            """,
            new { replayKey, now = tx.Now }) == 1;

    /// <summary>Reads the cursor, locking it until the transaction ends.</summary>
    public async Task<ReplayProgress> GetForUpdateAsync(OutboxTransaction tx, string replayKey) =>
        await tx.QuerySingleOrDefaultAsync<ReplayProgress>(
            """
            SELECT replay_key, next_line, next_point, loop_number, trades_published, started_at, completed_at
            FROM replay_progress
            WHERE replay_key = @replayKey
            FOR UPDATE
            """,
            new { replayKey })
        ?? throw new InvalidOperationException($"No replay_progress row for '{replayKey}'.");

    /// <summary>
    /// Moves the cursor from <paramref name="expected"/> to <paramref name="next"/>. Throws if another process moved it first
    /// (two replicas replaying the same file), which rolls the batch back instead of publishing it twice.
    /// </summary>
    public async Task AdvanceAsync(
        OutboxTransaction tx, string replayKey, ReplayCursor expected, ReplayCursor next, int trades, DateTimeOffset? completedAt)
    {
        var updated = await tx.ExecuteAsync(
            """
            UPDATE replay_progress
            SET loop_number = @nextLoop, next_line = @nextLine, next_point = @nextPoint,
                trades_published = trades_published + @trades, completed_at = @completedAt
            WHERE replay_key = @replayKey AND loop_number = @expectedLoop AND next_line = @expectedLine
              AND next_point = @expectedPoint AND completed_at IS NULL
            """,
            new
            {
                replayKey,
                expectedLoop = expected.Loop,
                expectedLine = expected.Line,
                expectedPoint = expected.Point,
                nextLoop = next.Loop,
                nextLine = next.Line,
                nextPoint = next.Point,
                trades,
                completedAt,
            });
        if (updated != 1)
        {
            throw new InvalidOperationException(
                $"The replay cursor '{replayKey}' is no longer at loop {expected.Loop}, line {expected.Line}, point {expected.Point}: another process is replaying the same file.");
        }
    }
}
