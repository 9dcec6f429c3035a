using Trading.ServiceDefaults;

namespace Trading.Cli.Export;

/// <summary>
/// Where the rows of one <see cref="ExportKind"/> live: the owning service's schema, the table, the time column the window
/// filters and orders on, and the columns selected.
/// </summary>
public sealed record ExportSource(ExportKind Kind, string Noun, string Service, string Table, string TimeColumn, string Columns)
{
    public static ExportSource Trades { get; } = new(
        ExportKind.Trades,
        "trades",
        "execution",
        "positions",
        "opened_at",
        """
        position_id, signal_id, venue, symbol, direction, quantity,
        entry_price, entry_fee, opened_at AS entry_time,
        exit_price, exit_fee, closed_at AS exit_time, exit_reason,
        realized_pnl, r_multiple, status
        """);

    public static ExportSource Signals { get; } = new(
        ExportKind.Signals,
        "signals",
        "signal",
        "signals",
        "signal_at",
        """
        signal_id, strategy, venue, symbol, interval, direction, entry, stop_loss, take_profit, risk_reward, confidence, reason,
        signal_at, published, suppressed_reason, regime, higher_timeframe, higher_timeframe_trend, macro_trend, backtest, created_at
        """);

    // Every column, whatever risk adds to the table later.
    public static ExportSource Decisions { get; } = new(ExportKind.Decisions, "decisions", "risk", "decisions", "decided_at", "*");

    /// <summary>The service's own schema, named as the service names it (<see cref="ServiceIdentity.Schema"/>).</summary>
    public string DefaultSchema => new ServiceIdentity(Service).Schema;

    public static ExportSource For(ExportKind kind) => kind switch
    {
        ExportKind.Trades => Trades,
        ExportKind.Signals => Signals,
        ExportKind.Decisions => Decisions,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown export kind."),
    };

    /// <summary>
    /// The query: <c>@from</c> included, <c>@to</c> excluded, each only when given; ordered by the time column, then by the first
    /// column, so rows at the same time come out in the same order on every run.
    /// </summary>
    public string Sql(bool from, bool to)
    {
        var conditions = new List<string>();
        if (from)
        {
            conditions.Add($"{TimeColumn} >= @from");
        }

        if (to)
        {
            conditions.Add($"{TimeColumn} < @to");
        }

        var where = conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
        return $"SELECT {Columns} FROM {Table}{where} ORDER BY {TimeColumn}, 1";
    }
}
