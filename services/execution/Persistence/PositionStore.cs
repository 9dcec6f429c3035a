using Trading.Contracts.Orders;
using Trading.Execution.Paper;
using Trading.Markets.Strategies;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Execution.Persistence;

/// <summary>The <c>positions</c> table.</summary>
public sealed class PositionStore
{
    private const string OpenColumns =
        """
        position_id, signal_id, order_id, venue, symbol, direction, quantity, entry_price, entry_fee,
        stop_loss, take_profit, opened_at, current_stop, best_price
        """;

    public async Task<IReadOnlyList<OpenPosition>> OpenAsync(OutboxTransaction tx, string venue, string symbol) =>
        [.. await tx.QueryAsync<OpenPosition>(
            $"""
            SELECT {OpenColumns}
            FROM positions
            WHERE venue = @venue AND symbol = @symbol AND status = 'open'
            ORDER BY opened_at, position_id
            """,
            new { venue, symbol })];

    /// <summary>Every open position, or only those of <paramref name="symbol"/> (on any venue) when it is not null.</summary>
    public async Task<IReadOnlyList<OpenPosition>> AllOpenAsync(OutboxTransaction tx, string? symbol) =>
        [.. await tx.QueryAsync<OpenPosition>(
            $"""
            SELECT {OpenColumns}
            FROM positions
            WHERE status = 'open' AND (@symbol::text IS NULL OR symbol = @symbol)
            ORDER BY venue, symbol, opened_at, position_id
            """,
            new { symbol })];

    public Task<long> CountOpenAsync(OutboxTransaction tx) =>
        tx.ExecuteScalarAsync<long>("SELECT count(*) FROM positions WHERE status = 'open'");

    /// <summary>Persists a trailed stop and the best price, so a restart continues trailing from there.</summary>
    public async Task UpdateTrailingAsync(OutboxTransaction tx, OpenPosition position)
    {
        var updated = await tx.ExecuteAsync(
            """
            UPDATE positions SET current_stop = @CurrentStop, best_price = @BestPrice
            WHERE position_id = @PositionId AND status = 'open'
            """,
            new { position.PositionId, position.CurrentStop, position.BestPrice });
        if (updated != 1)
        {
            throw new InvalidOperationException($"Position {position.PositionId} was no longer open when its stop trailed");
        }
    }

    /// <summary>
    /// Inserts an open position. A second position for a signal is a bug (placement rejects a second order for a
    /// signal under the same lock), so it fails loudly rather than being skipped.
    /// </summary>
    public async Task InsertAsync(OutboxTransaction tx, OpenPosition position)
    {
        var inserted = await tx.ExecuteAsync(
            """
            INSERT INTO positions (position_id, signal_id, order_id, venue, symbol, direction, quantity, entry_price,
                                   entry_fee, stop_loss, take_profit, opened_at, status)
            VALUES (@PositionId, @SignalId, @OrderId, @Venue, @Symbol, @Direction, @Quantity, @EntryPrice,
                    @EntryFee, @StopLoss, @TakeProfit, @OpenedAt, 'open')
            ON CONFLICT (signal_id) DO NOTHING
            """,
            new
            {
                position.PositionId,
                position.SignalId,
                position.OrderId,
                position.Venue,
                position.Symbol,
                Direction = position.Direction == TradeDirection.Long ? "long" : "short",
                position.Quantity,
                position.EntryPrice,
                position.EntryFee,
                position.StopLoss,
                position.TakeProfit,
                position.OpenedAt,
            });
        if (inserted != 1)
        {
            throw new InvalidOperationException($"Signal {position.SignalId} already has a position");
        }
    }

    public async Task CloseAsync(OutboxTransaction tx, ExitFill fill)
    {
        var updated = await tx.ExecuteAsync(
            """
            UPDATE positions
            SET status = 'closed', exit_price = @ExitPrice, exit_fee = @ExitFee, exit_reason = @ExitReason,
                realized_pnl = @RealizedPnl, r_multiple = @RMultiple, closed_at = @ClosedAt
            WHERE position_id = @PositionId AND status = 'open'
            """,
            new
            {
                fill.Position.PositionId,
                ExitPrice = fill.Price,
                ExitFee = fill.Fee,
                ExitReason = ExitReasonText(FillMessages.ExitReasonOf(fill.Exit)),
                RealizedPnl = fill.Result.NetPnl,
                fill.Result.RMultiple,
                fill.ClosedAt,
            });
        if (updated != 1)
        {
            throw new InvalidOperationException($"Position {fill.Position.PositionId} was no longer open when it closed");
        }
    }

    private static string ExitReasonText(ExitReason reason) => reason switch
    {
        ExitReason.StopLoss => "stop_loss",
        ExitReason.TakeProfit => "take_profit",
        ExitReason.TrailingStop => "trailing_stop",
        ExitReason.TimeExit => "time_exit",
        ExitReason.Flatten => "flatten",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown exit reason"),
    };
}
