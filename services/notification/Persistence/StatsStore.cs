using Dapper;
using Npgsql;
using Trading.Contracts.Orders;
using Trading.Contracts.Risk;

namespace Trading.Notification.Persistence;

/// <summary>
/// What the status report and the daily summary are made of: the events seen (once each, by event id, whichever instance consumed
/// them), the account as risk last announced it, and the closed positions.
/// </summary>
public sealed class StatsStore(NpgsqlDataSource dataSource)
{
    public const string Candle = "candle";
    public const string Signal = "signal";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Fill = "fill";

    /// <summary>Counts an event once (see <see cref="ForgetAsync"/>).</summary>
    public async Task SeenAsync(Guid eventId, string kind, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO seen_events (event_id, kind, seen_at) VALUES (@eventId, @kind, @at) ON CONFLICT DO NOTHING",
            new { eventId, kind, at }, cancellationToken: cancellationToken));
    }

    /// <summary>Forgets the events seen before <paramref name="before"/>: the reports look back a day at most.</summary>
    public async Task<int> ForgetAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM seen_events WHERE seen_at < @before", new { before }, cancellationToken: cancellationToken));
    }

    /// <summary>Events of a kind seen in [from, to).</summary>
    public async Task<long> CountAsync(string kind, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM seen_events WHERE kind = @kind AND seen_at >= @from AND seen_at < @to",
            new { kind, from, to }, cancellationToken: cancellationToken));
    }

    /// <summary>Keeps the newest account announcement.</summary>
    public async Task SaveAccountAsync(AccountUpdated account, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO account_snapshot (id, equity, pnl_today, open_positions, halts, updated_at)
            VALUES (1, @Equity, @PnlToday, @OpenPositions, @halts, @UpdatedAt)
            ON CONFLICT (id) DO UPDATE SET equity = excluded.equity, pnl_today = excluded.pnl_today, open_positions = excluded.open_positions,
                halts = excluded.halts, updated_at = excluded.updated_at
            WHERE account_snapshot.updated_at <= excluded.updated_at
            """,
            new { account.Equity, account.PnlToday, account.OpenPositions, halts = string.Join(",", account.Halts), account.UpdatedAt },
            cancellationToken: cancellationToken));
    }

    /// <summary>The newest account announcement, or null before the first.</summary>
    public async Task<AccountSnapshot?> AccountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AccountSnapshot>(new CommandDefinition(
            "SELECT equity, pnl_today, open_positions, halts, updated_at FROM account_snapshot WHERE id = 1",
            cancellationToken: cancellationToken));
    }

    public async Task AddClosedAsync(PositionClosed closed, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO closed_positions (position_id, symbol, pnl, r_multiple, closed_at)
            VALUES (@PositionId, @Symbol, @RealizedPnl, @RMultiple, @ClosedAt) ON CONFLICT DO NOTHING
            """,
            new { closed.PositionId, closed.Symbol, closed.RealizedPnl, closed.RMultiple, closed.ClosedAt }, cancellationToken: cancellationToken));
    }

    /// <summary>Closed positions whose close (market time) falls in [from, to), oldest first.</summary>
    public async Task<IReadOnlyList<ClosedPosition>> ClosedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<ClosedPosition>(new CommandDefinition(
            "SELECT symbol, pnl, r_multiple FROM closed_positions WHERE closed_at >= @from AND closed_at < @to ORDER BY closed_at",
            new { from, to }, cancellationToken: cancellationToken))];
    }
}
