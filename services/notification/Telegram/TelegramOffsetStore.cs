using Dapper;
using Npgsql;

namespace Trading.Notification.Telegram;

/// <summary>
/// The <c>telegram_offsets</c> table: per command channel, the next update id to ask <c>getUpdates</c> for. It moves past an update
/// only after the update was handled and answered, so a restart neither skips a command nor takes it twice (a command handled
/// again after a crash before this write is carried out once by its owner: see <see cref="TelegramCommandHandler.CommandIdOf"/>).
/// </summary>
public sealed class TelegramOffsetStore(NpgsqlDataSource dataSource)
{
    public async Task<long?> NextAsync(string channel, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT next_offset FROM telegram_offsets WHERE channel = @channel", new { channel }, cancellationToken: cancellationToken));
    }

    /// <summary>Moves the offset forward to <paramref name="nextOffset"/>; never back.</summary>
    public async Task AdvanceAsync(string channel, long nextOffset, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO telegram_offsets (channel, next_offset, updated_at) VALUES (@channel, @nextOffset, @now)
            ON CONFLICT (channel) DO UPDATE SET next_offset = EXCLUDED.next_offset, updated_at = EXCLUDED.updated_at
            WHERE telegram_offsets.next_offset < EXCLUDED.next_offset
            """,
            new { channel, nextOffset, now }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Takes the channel's poll lease, a session advisory lock held by the returned open connection until it is disposed; null when
    /// another instance holds it. Only one instance may poll a bot: Telegram answers a second concurrent <c>getUpdates</c> with 409, and
    /// two pollers would each take an update not yet confirmed.
    /// </summary>
    public async Task<NpgsqlConnection?> TryLeaseAsync(string channel, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var taken = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT pg_try_advisory_lock(@space, hashtext(@channel))", new { space = LeaseSpace, channel }, cancellationToken: cancellationToken));
        if (taken)
        {
            return connection;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>The first key of the two-key advisory locks of the poll leases, so they cannot meet another lock of the schema.</summary>
    private const int LeaseSpace = 0x7E1E_0001;
}
