using Dapper;
using Npgsql;

namespace Trading.MarketData.Live.Scaling;

/// <summary>
/// Membership and symbol leases in <c>feed_members</c> and <c>feed_leases</c>. Every time comes from the database's
/// now(), never from the caller, so instances on hosts with skewed clocks judge expiry alike.
/// </summary>
public sealed class SymbolLeaseStore(NpgsqlDataSource dataSource) : ISymbolLeaseStore
{
    // Rows of instances gone this long are deleted; before that they are merely not counted as live.
    private const int ForgetAfterTimeouts = 4;

    /// <summary>Records that <paramref name="instanceId"/> is alive and returns the live members, itself included, by name.</summary>
    public async Task<IReadOnlyList<string>> HeartbeatAsync(string instanceId, TimeSpan leaseTimeout, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var members = await connection.QueryAsync<string>(new CommandDefinition(
            """
            INSERT INTO feed_members (instance_id, heartbeat_at) VALUES (@instanceId, now())
            ON CONFLICT (instance_id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at;
            DELETE FROM feed_members WHERE heartbeat_at < now() - @leaseTimeout * @forgetAfter;
            SELECT instance_id FROM feed_members WHERE heartbeat_at > now() - @leaseTimeout ORDER BY instance_id;
            """,
            new { instanceId, leaseTimeout, forgetAfter = ForgetAfterTimeouts },
            cancellationToken: cancellationToken));
        return members.ToList();
    }

    /// <summary>
    /// Takes or renews the leases of <paramref name="symbols"/> for <paramref name="leaseTimeout"/>, each only when it is
    /// free, expired or already this instance's, in one atomic statement. Returns the symbols now held.
    /// </summary>
    public async Task<IReadOnlySet<string>> AcquireAsync(
        string instanceId, IReadOnlyCollection<string> symbols, TimeSpan leaseTimeout, CancellationToken cancellationToken)
    {
        if (symbols.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        // One order for every instance, so two statements that want the same rows lock them in the same order.
        var wanted = symbols.Order(StringComparer.Ordinal).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var held = await connection.QueryAsync<string>(new CommandDefinition(
            """
            INSERT INTO feed_leases AS lease (symbol, owner, expires_at)
            SELECT wanted.symbol, @instanceId, now() + @leaseTimeout FROM unnest(@wanted) AS wanted(symbol) ORDER BY wanted.symbol
            ON CONFLICT (symbol) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
            WHERE lease.owner = excluded.owner OR lease.expires_at < now()
            RETURNING lease.symbol
            """,
            new { instanceId, wanted, leaseTimeout },
            cancellationToken: cancellationToken));
        return held.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Gives up every lease of <paramref name="instanceId"/> except <paramref name="keep"/>, so others can take those
    /// symbols at their next beat. Call it only once the feed no longer streams them.
    /// </summary>
    public async Task ReleaseAllExceptAsync(string instanceId, IReadOnlyCollection<string> keep, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM feed_leases WHERE owner = @instanceId AND symbol <> ALL(@keep)",
            new { instanceId, keep = keep.ToArray() },
            cancellationToken: cancellationToken));
    }

    /// <summary>Removes the instance and all its leases: the others take its symbols at their next beat.</summary>
    public async Task LeaveAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM feed_leases WHERE owner = @instanceId;
            DELETE FROM feed_members WHERE instance_id = @instanceId;
            """,
            new { instanceId },
            cancellationToken: cancellationToken));
    }
}
